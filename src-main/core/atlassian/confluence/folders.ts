// Confluence folders (v2; renaming goes through v1 content, which v2 lacks).
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import type { ChildItem, Folder } from './types.ts';

const V2 = '/wiki/api/v2';

export function getFolder(http: AtlassianHttp, id: string): Promise<Folder> {
  return http.get<Folder>(`${V2}/folders/${encodeURIComponent(id)}`);
}

export function listFolderChildren(http: AtlassianHttp, id: string, limit: number, cursor?: string) {
  return http.collect<ChildItem>(`${V2}/folders/${encodeURIComponent(id)}/direct-children`, { limit: Math.min(limit, 250), cursor }, limit);
}

export async function createFolder(http: AtlassianHttp, input: { spaceId: string; title: string; parentId?: string }): Promise<Folder> {
  const { body } = await http.request<Folder>({ method: 'POST', path: `${V2}/folders`, json: { spaceId: input.spaceId, title: input.title, ...(input.parentId ? { parentId: input.parentId } : {}) } });
  return body;
}

export async function renameFolder(http: AtlassianHttp, id: string, title: string, nextVersion: number): Promise<void> {
  await http.request({ method: 'PUT', path: `/wiki/rest/api/content/${encodeURIComponent(id)}`, json: { type: 'folder', title, version: { number: nextVersion } } });
}

export async function deleteFolder(http: AtlassianHttp, id: string): Promise<void> {
  await http.request({ method: 'DELETE', path: `${V2}/folders/${encodeURIComponent(id)}` });
}
