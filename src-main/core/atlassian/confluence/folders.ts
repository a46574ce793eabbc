// Confluence folders (v2; renaming goes through v1 content, which v2 lacks). Data Center has no
// folders: every call there refuses in one sentence.
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import { cloudOnly, isDataCenter } from './dc.ts';
import type { ChildItem, Folder } from './types.ts';

/** Refuses on Data Center, where folders do not exist. */
export function assertFoldersExist(http: AtlassianHttp): void {
  if (isDataCenter(http)) throw cloudOnly('Folders');
}

const V2 = '/wiki/api/v2';

export function getFolder(http: AtlassianHttp, id: string): Promise<Folder> {
  assertFoldersExist(http);
  return http.get<Folder>(`${V2}/folders/${encodeURIComponent(id)}`);
}

export function listFolderChildren(http: AtlassianHttp, id: string, limit: number, cursor?: string) {
  assertFoldersExist(http);
  return http.collect<ChildItem>(`${V2}/folders/${encodeURIComponent(id)}/direct-children`, { limit: Math.min(limit, 250), cursor }, limit);
}

export async function createFolder(http: AtlassianHttp, input: { spaceId: string; title: string; parentId?: string }): Promise<Folder> {
  assertFoldersExist(http);
  const { body } = await http.request<Folder>({ method: 'POST', path: `${V2}/folders`, json: { spaceId: input.spaceId, title: input.title, ...(input.parentId ? { parentId: input.parentId } : {}) } });
  return body;
}

export async function renameFolder(http: AtlassianHttp, id: string, title: string, nextVersion: number): Promise<void> {
  assertFoldersExist(http);
  await http.request({ method: 'PUT', path: `/wiki/rest/api/content/${encodeURIComponent(id)}`, json: { type: 'folder', title, version: { number: nextVersion } } });
}

export async function deleteFolder(http: AtlassianHttp, id: string): Promise<void> {
  assertFoldersExist(http);
  await http.request({ method: 'DELETE', path: `${V2}/folders/${encodeURIComponent(id)}` });
}
