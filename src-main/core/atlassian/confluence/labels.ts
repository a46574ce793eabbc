// Labels: read through v2, written through v1 (v2 has no label writes). Data Center: v1 on the site root.
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import { dcListLabels } from './dc-content.ts';
import { isDataCenter } from './dc.ts';
import type { Label } from './types.ts';

/** The v1 content path: /wiki/rest/api on Cloud, /rest/api on Data Center. */
const v1 = (http: AtlassianHttp) => (isDataCenter(http) ? '/rest/api' : '/wiki/rest/api');

export function listPageLabels(http: AtlassianHttp, pageId: string, limit: number) {
  if (isDataCenter(http)) return dcListLabels(http, pageId, limit);
  return http.collect<Label>(`/wiki/api/v2/pages/${encodeURIComponent(pageId)}/labels`, { limit: Math.min(limit, 250) }, limit);
}

export async function addLabels(http: AtlassianHttp, pageId: string, names: string[]): Promise<void> {
  await http.request({ method: 'POST', path: `${v1(http)}/content/${encodeURIComponent(pageId)}/label`, json: names.map((name) => ({ prefix: 'global', name })) });
}

export async function removeLabel(http: AtlassianHttp, pageId: string, name: string): Promise<void> {
  await http.request({ method: 'DELETE', path: `${v1(http)}/content/${encodeURIComponent(pageId)}/label/${encodeURIComponent(name)}` });
}
