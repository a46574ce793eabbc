// Confluence spaces (v2; Data Center through dc-pages.ts).
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import { dcCreateSpace, dcGetSpace, dcGetSpaceByKey, dcListSpaces } from './dc-pages.ts';
import { isDataCenter } from './dc.ts';
import type { Paged, Space } from './types.ts';

const V2 = '/wiki/api/v2';

export async function listSpaces(http: AtlassianHttp, options: { keys?: string[]; type?: string; status?: string; limit: number; cursor?: string }) {
  if (isDataCenter(http)) return dcListSpaces(http, options);
  return http.collect<Space>(`${V2}/spaces`, { keys: options.keys, type: options.type, status: options.status, limit: Math.min(options.limit, 250), cursor: options.cursor, 'description-format': 'plain' }, options.limit);
}

export async function getSpaceById(http: AtlassianHttp, id: string): Promise<Space> {
  if (isDataCenter(http)) return dcGetSpace(http, id);
  return http.get<Space>(`${V2}/spaces/${encodeURIComponent(id)}`, { 'description-format': 'plain' });
}

export async function getSpaceByKey(http: AtlassianHttp, key: string): Promise<Space | undefined> {
  if (isDataCenter(http)) return dcGetSpaceByKey(http, key);
  const page = await http.get<Paged<Space>>(`${V2}/spaces`, { keys: [key], 'description-format': 'plain' });
  return page.results[0];
}

export async function createSpace(http: AtlassianHttp, input: { key: string; name: string; description?: string }): Promise<Space> {
  if (isDataCenter(http)) return dcCreateSpace(http, input);
  const { body } = await http.request<Space>({
    method: 'POST',
    path: `${V2}/spaces`,
    json: { key: input.key, name: input.name, ...(input.description ? { description: { value: input.description, representation: 'plain' } } : {}) },
  });
  return body;
}
