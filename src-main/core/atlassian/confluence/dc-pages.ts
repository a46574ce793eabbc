// Pages and spaces on Confluence Server/Data Center (v1 content API), answered in the Cloud types.
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import { AtlassianError } from '../http/atlassian-error.ts';
import { collectDc, DC_API, pageOf, spaceOf, startOf, versionOf, type DcContent, type DcSpace, type DcVersion } from './dc.ts';
import type { BodyFormat, PageWrite } from './pages.ts';
import type { ChildItem, Page, Space, Version } from './types.ts';

const enc = encodeURIComponent;
const PAGE_EXPAND = 'version,space,ancestors,history';

function bodyExpand(format: BodyFormat | undefined): string {
  if (format === 'atlas_doc_format') throw new AtlassianError('unsupported', 'Atlassian Document Format (adf) exists only on Confluence Cloud: on this Data Center site ask for markdown, storage or view.');
  return format ? `,body.${format}` : '';
}

export async function dcListSpaces(http: AtlassianHttp, options: { keys?: string[]; type?: string; status?: string; limit: number; cursor?: string }) {
  const query = { spaceKey: options.keys, type: options.type, status: options.status, limit: Math.min(options.limit, 200), start: startOf(options.cursor), expand: 'description.plain,homepage' };
  return collectDc<DcSpace, Space>(http, `${DC_API}/space`, query, options.limit, spaceOf);
}

/** On DC a space's id is its key (see dc.ts). */
export async function dcGetSpace(http: AtlassianHttp, key: string): Promise<Space> {
  return spaceOf(await http.get<DcSpace>(`${DC_API}/space/${enc(key)}`, { expand: 'description.plain,homepage' }));
}

export async function dcGetSpaceByKey(http: AtlassianHttp, key: string): Promise<Space | undefined> {
  try {
    return await dcGetSpace(http, key);
  } catch (error) {
    if ((error as { kind?: string }).kind === 'not_found') return undefined;
    throw error;
  }
}

export async function dcCreateSpace(http: AtlassianHttp, input: { key: string; name: string; description?: string }): Promise<Space> {
  const json = { key: input.key, name: input.name, ...(input.description ? { description: { plain: { value: input.description, representation: 'plain' } } } : {}) };
  const { body } = await http.request<DcSpace>({ method: 'POST', path: `${DC_API}/space`, json });
  return spaceOf(body);
}

export async function dcGetPage(http: AtlassianHttp, id: string, options: { bodyFormat?: BodyFormat; version?: number } = {}): Promise<Page> {
  // An older version is read as status=historical (DC's way; the current one answers to it too).
  const query = { expand: PAGE_EXPAND + bodyExpand(options.bodyFormat), ...(options.version ? { status: 'historical', version: options.version } : {}) };
  return pageOf(await http.get<DcContent>(`${DC_API}/content/${enc(id)}`, query));
}

export async function dcFindPageByTitle(http: AtlassianHttp, spaceKey: string, title: string, bodyFormat?: BodyFormat): Promise<Page | undefined> {
  const page = await http.get<{ results: DcContent[] }>(`${DC_API}/content`, { type: 'page', spaceKey, title, expand: PAGE_EXPAND + bodyExpand(bodyFormat), limit: 5 });
  const found = page.results.find((p) => p.title === title) ?? page.results[0];
  return found && pageOf(found);
}

export async function dcListChildren(http: AtlassianHttp, id: string, limit: number, cursor?: string) {
  const toChild = (c: DcContent): ChildItem => ({ id: c.id, status: c.status, title: c.title, type: c.type, spaceId: c.space?.key, ...(pageOf(c).position !== null ? { childPosition: pageOf(c).position! } : {}) });
  return collectDc(http, `${DC_API}/content/${enc(id)}/child/page`, { limit: Math.min(limit, 200), start: startOf(cursor), expand: 'space' }, limit, toChild);
}

/** Ancestors top-down, with titles (DC gives them in one call). */
export async function dcListAncestors(http: AtlassianHttp, id: string) {
  const page = await http.get<DcContent>(`${DC_API}/content/${enc(id)}`, { expand: 'ancestors' });
  return { results: (page.ancestors ?? []).map((a) => ({ id: a.id, type: a.type, title: a.title })) };
}

export async function dcListSpacePages(http: AtlassianHttp, spaceKey: string, options: { depth: 'root' | 'all'; limit: number; cursor?: string }) {
  const query = { depth: options.depth, limit: Math.min(options.limit, 200), start: startOf(options.cursor), expand: 'version,space,ancestors' };
  return collectDc<DcContent, Page>(http, `${DC_API}/space/${enc(spaceKey)}/content/page`, query, options.limit, pageOf);
}

/** Newest first. guess: /rest/api/content/{id}/version is DC 8's; older sites have it under /rest/experimental. */
export async function dcListVersions(http: AtlassianHttp, id: string, limit: number, cursor?: string) {
  const query = { limit: Math.min(limit, 200), start: startOf(cursor) };
  const map = (v: DcVersion) => versionOf(v) as Version;
  try {
    return await collectDc(http, `${DC_API}/content/${enc(id)}/version`, query, limit, map);
  } catch (error) {
    if ((error as { kind?: string }).kind !== 'not_found') throw error;
    return collectDc(http, `/rest/experimental/content/${enc(id)}/version`, query, limit, map);
  }
}

export async function dcCreatePage(http: AtlassianHttp, input: PageWrite): Promise<Page> {
  const json = {
    type: 'page',
    title: input.title,
    space: { key: input.spaceId },
    status: input.status ?? 'current',
    ...(input.parentId ? { ancestors: [{ id: input.parentId }] } : {}),
    body: { storage: { value: input.storage, representation: 'storage' } },
  };
  const { body } = await http.request<DcContent>({ method: 'POST', path: `${DC_API}/content`, query: { expand: PAGE_EXPAND }, json });
  return pageOf(body);
}

export async function dcUpdatePage(http: AtlassianHttp, id: string, input: { title: string; storage: string; version: number; message?: string; status?: 'current' | 'draft'; parentId?: string }): Promise<Page> {
  const json = {
    id,
    type: 'page',
    title: input.title,
    status: input.status ?? 'current',
    ...(input.parentId ? { ancestors: [{ id: input.parentId }] } : {}),
    body: { storage: { value: input.storage, representation: 'storage' } },
    version: { number: input.version, ...(input.message ? { message: input.message } : {}) },
  };
  const { body } = await http.request<DcContent>({ method: 'PUT', path: `${DC_API}/content/${enc(id)}`, query: { expand: PAGE_EXPAND }, json });
  return pageOf(body);
}

/** Trash, or purge a page already in the trash (DC's status=trashed delete). */
export async function dcDeletePage(http: AtlassianHttp, id: string, purge: boolean): Promise<void> {
  if (purge) await http.request({ method: 'DELETE', path: `${DC_API}/content/${enc(id)}` }).catch((error: unknown) => ((error as { kind?: string }).kind === 'not_found' ? undefined : Promise.reject(error)));
  await http.request({ method: 'DELETE', path: `${DC_API}/content/${enc(id)}`, ...(purge ? { query: { status: 'trashed' } } : {}) });
}

/** DC has the same move endpoint as Cloud v1 (since 7.x), minus the /wiki prefix. */
export async function dcMovePage(http: AtlassianHttp, id: string, position: 'append' | 'before' | 'after', targetId: string): Promise<void> {
  await http.request({ method: 'PUT', path: `${DC_API}/content/${enc(id)}/move/${position}/${enc(targetId)}` });
}
