// Confluence pages (v2, with v1 where v2 has no equivalent: move; Data Center through dc-pages.ts).
import type { AtlassianHttp, Query } from '../http/atlassian-http.ts';
import * as dc from './dc-pages.ts';
import { isDataCenter } from './dc.ts';
import type { ChildItem, Page, Paged, Version } from './types.ts';

const V2 = '/wiki/api/v2';

export type BodyFormat = 'storage' | 'atlas_doc_format' | 'view' | 'export_view' | 'styled_view' | 'editor';

export async function getPage(http: AtlassianHttp, id: string, options: { bodyFormat?: BodyFormat; version?: number; includeLabels?: boolean } = {}): Promise<Page> {
  if (isDataCenter(http)) return dc.dcGetPage(http, id, options);
  const query: Query = { 'body-format': options.bodyFormat, version: options.version, 'include-labels': options.includeLabels };
  return http.get<Page>(`${V2}/pages/${encodeURIComponent(id)}`, query);
}

export async function findPageByTitle(http: AtlassianHttp, spaceId: string, title: string, bodyFormat?: BodyFormat): Promise<Page | undefined> {
  if (isDataCenter(http)) return dc.dcFindPageByTitle(http, spaceId, title, bodyFormat);
  const page = await http.get<Paged<Page>>(`${V2}/pages`, { 'space-id': [spaceId], title, status: ['current'], 'body-format': bodyFormat, limit: 5 });
  return page.results.find((p) => p.title === title) ?? page.results[0];
}

export async function listChildren(http: AtlassianHttp, id: string, limit: number, cursor?: string) {
  if (isDataCenter(http)) return dc.dcListChildren(http, id, limit, cursor);
  return http.collect<ChildItem>(`${V2}/pages/${encodeURIComponent(id)}/direct-children`, { limit: Math.min(limit, 250), cursor }, limit);
}

export async function listAncestors(http: AtlassianHttp, id: string): Promise<{ results: { id: string; type: string; title?: string }[] }> {
  if (isDataCenter(http)) return dc.dcListAncestors(http, id);
  return http.collect<{ id: string; type: string }>(`${V2}/pages/${encodeURIComponent(id)}/ancestors`, { limit: 250 }, 250);
}

export async function listSpacePages(http: AtlassianHttp, spaceId: string, options: { depth: 'root' | 'all'; limit: number; cursor?: string }) {
  if (isDataCenter(http)) return dc.dcListSpacePages(http, spaceId, options);
  return http.collect<Page>(`${V2}/spaces/${encodeURIComponent(spaceId)}/pages`, { depth: options.depth, status: ['current'], limit: Math.min(options.limit, 250), cursor: options.cursor }, options.limit);
}

export async function listVersions(http: AtlassianHttp, id: string, limit: number, cursor?: string) {
  if (isDataCenter(http)) return dc.dcListVersions(http, id, limit, cursor);
  return http.collect<Version>(`${V2}/pages/${encodeURIComponent(id)}/versions`, { limit: Math.min(limit, 250), cursor, sort: '-modified-date' }, limit);
}

export interface PageWrite {
  spaceId: string;
  title: string;
  storage: string;
  parentId?: string;
  status?: 'current' | 'draft';
}

export async function createPage(http: AtlassianHttp, input: PageWrite): Promise<Page> {
  if (isDataCenter(http)) return dc.dcCreatePage(http, input);
  const { body } = await http.request<Page>({
    method: 'POST',
    path: `${V2}/pages`,
    json: { spaceId: input.spaceId, status: input.status ?? 'current', title: input.title, ...(input.parentId ? { parentId: input.parentId } : {}), body: { representation: 'storage', value: input.storage } },
  });
  return body;
}

export async function updatePage(http: AtlassianHttp, id: string, input: { title: string; storage: string; version: number; message?: string; status?: 'current' | 'draft'; parentId?: string }): Promise<Page> {
  if (isDataCenter(http)) return dc.dcUpdatePage(http, id, input);
  const { body } = await http.request<Page>({
    method: 'PUT',
    path: `${V2}/pages/${encodeURIComponent(id)}`,
    json: {
      id,
      status: input.status ?? 'current',
      title: input.title,
      ...(input.parentId ? { parentId: input.parentId } : {}),
      body: { representation: 'storage', value: input.storage },
      version: { number: input.version, ...(input.message ? { message: input.message } : {}) },
    },
  });
  return body;
}

export async function deletePage(http: AtlassianHttp, id: string, purge = false): Promise<void> {
  if (isDataCenter(http)) return dc.dcDeletePage(http, id, purge);
  await http.request({ method: 'DELETE', path: `${V2}/pages/${encodeURIComponent(id)}`, ...(purge ? { query: { purge: true } } : {}) });
}

/** v1: position is append (make it a child of target), before or after (a sibling of target). */
export async function movePage(http: AtlassianHttp, id: string, position: 'append' | 'before' | 'after', targetId: string): Promise<void> {
  if (isDataCenter(http)) return dc.dcMovePage(http, id, position, targetId);
  await http.request({ method: 'PUT', path: `/wiki/rest/api/content/${encodeURIComponent(id)}/move/${position}/${encodeURIComponent(targetId)}` });
}
