// Labels: read through v2, written through v1 (v2 has no label writes).
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import type { Label } from './types.ts';

export function listPageLabels(http: AtlassianHttp, pageId: string, limit: number) {
  return http.collect<Label>(`/wiki/api/v2/pages/${encodeURIComponent(pageId)}/labels`, { limit: Math.min(limit, 250) }, limit);
}

export async function addLabels(http: AtlassianHttp, pageId: string, names: string[]): Promise<void> {
  await http.request({ method: 'POST', path: `/wiki/rest/api/content/${encodeURIComponent(pageId)}/label`, json: names.map((name) => ({ prefix: 'global', name })) });
}

export async function removeLabel(http: AtlassianHttp, pageId: string, name: string): Promise<void> {
  await http.request({ method: 'DELETE', path: `/wiki/rest/api/content/${encodeURIComponent(pageId)}/label/${encodeURIComponent(name)}` });
}
