// Confluence Server/Data Center speaks only the v1 content API, on the site root (no /wiki), paged
// by start/limit. The Cloud modules branch here and map DC's answers into the same types their v2
// calls return, so the tools need not know which flavour they talk to. On DC a space is known by
// its key alone (there is no "space by id" call), so `spaceId` carries the space key there.
import { isCloudConnection } from '../../auth/connection.ts';
import { AtlassianError } from '../http/atlassian-error.ts';
import type { AtlassianHttp, Query } from '../http/atlassian-http.ts';
import type { Attachment, Comment, Label, Page, Space, Version } from './types.ts';

export const DC_API = '/rest/api';

export function isDataCenter(http: AtlassianHttp): boolean {
  return !isCloudConnection(http.connection);
}

/** What a tool says when a Cloud-only feature is asked of a Data Center site. */
export function cloudOnly(what: string): AtlassianError {
  return new AtlassianError('unsupported', `${what} exist only on Confluence Cloud; this Confluence is a Server/Data Center site, which has none.`);
}

export interface DcUser {
  type?: string;
  username?: string;
  userKey?: string;
  displayName?: string;
  email?: string;
  timeZone?: string;
}

export interface DcVersion {
  number: number;
  when?: string;
  message?: string;
  minorEdit?: boolean;
  by?: DcUser;
}

export interface DcContent {
  id: string;
  type: string;
  status: string;
  title: string;
  space?: { key: string; name?: string };
  version?: DcVersion;
  ancestors?: { id: string; type: string; title?: string }[];
  container?: { id: string; type?: string };
  body?: Record<string, { value: string } | undefined>;
  history?: { createdDate?: string; createdBy?: DcUser };
  metadata?: { labels?: { results?: Label[] }; mediaType?: string; comment?: string };
  extensions?: {
    position?: number | string;
    location?: string;
    mediaType?: string;
    fileSize?: number;
    comment?: string;
    resolution?: { status?: string };
    inlineProperties?: { originalSelection?: string; markerRef?: string };
  };
  _links?: { webui?: string; tinyui?: string; download?: string; base?: string };
}

export interface DcSpace {
  id?: number;
  key: string;
  name: string;
  type?: string;
  status?: string;
  homepage?: { id: string };
  description?: { plain?: { value?: string } };
  _links?: { webui?: string };
}

/** Follows DC's `_links.next` (relative to the site) up to `max`; the cursor is the next `start`. */
export async function collectDc<R, T>(http: AtlassianHttp, path: string, query: Query, max: number, map: (r: R) => T): Promise<{ results: T[]; next?: string }> {
  const results: T[] = [];
  let next: string | undefined = http.url(path, query);
  while (next && results.length < max) {
    const page: { results?: R[]; _links?: { next?: string } } = await http.get(next);
    results.push(...(page.results ?? []).map(map));
    next = page._links?.next;
  }
  const start = next ? (new URL(next, 'http://x').searchParams.get('start') ?? undefined) : undefined;
  return { results: results.slice(0, max), ...(start ? { next: start } : {}) };
}

/** A cursor from an earlier answer as DC's `start` (only numbers mean anything there). */
export function startOf(cursor: string | undefined): number | undefined {
  return cursor && /^\d+$/.test(cursor) ? Number(cursor) : undefined;
}

export function versionOf(v: DcVersion | undefined): Version | undefined {
  if (!v) return undefined;
  return { number: v.number, message: v.message ?? '', minorEdit: v.minorEdit ?? false, authorId: v.by?.username ?? v.by?.userKey, createdAt: v.when };
}

export function spaceOf(s: DcSpace): Space {
  return {
    id: s.key,
    key: s.key,
    name: s.name,
    type: s.type,
    status: s.status,
    homepageId: s.homepage?.id,
    description: { plain: { value: s.description?.plain?.value } },
    _links: { webui: s._links?.webui },
  };
}

export function pageOf(c: DcContent): Page {
  const parent = c.ancestors?.at(-1);
  const body: Page['body'] = {};
  for (const [format, value] of Object.entries(c.body ?? {})) if (value?.value !== undefined) (body as Record<string, { value: string }>)[format] = { value: value.value };
  return {
    id: c.id,
    status: c.status,
    title: c.title,
    spaceId: c.space?.key ?? '',
    parentId: parent?.id ?? null,
    parentType: parent ? parent.type : null,
    position: c.extensions?.position !== undefined && c.extensions.position !== 'none' ? Number(c.extensions.position) : null,
    authorId: c.history?.createdBy?.username,
    createdAt: c.history?.createdDate,
    version: versionOf(c.version),
    body,
    ...(c.metadata?.labels ? { labels: { results: c.metadata.labels.results ?? [] } } : {}),
    _links: { webui: c._links?.webui, tinyui: c._links?.tinyui },
  };
}

export function commentOf(c: DcContent): Comment {
  const parent = c.ancestors?.filter((a) => a.type === 'comment').at(-1);
  return {
    id: c.id,
    status: c.status,
    title: c.title,
    pageId: c.container?.id,
    ...(parent ? { parentCommentId: parent.id } : {}),
    version: versionOf(c.version),
    body: { storage: { value: c.body?.storage?.value ?? '' } },
    ...(c.extensions?.resolution?.status ? { resolutionStatus: c.extensions.resolution.status } : {}),
    properties: { inlineOriginalSelection: c.extensions?.inlineProperties?.originalSelection, inlineMarkerRef: c.extensions?.inlineProperties?.markerRef },
    _links: { webui: c._links?.webui },
  };
}

export function attachmentOf(c: DcContent): Attachment {
  return {
    id: c.id,
    status: c.status,
    title: c.title,
    mediaType: c.extensions?.mediaType ?? c.metadata?.mediaType,
    fileSize: c.extensions?.fileSize,
    comment: c.extensions?.comment ?? c.metadata?.comment,
    pageId: c.container?.id,
    downloadLink: c._links?.download,
    version: versionOf(c.version),
    _links: { download: c._links?.download, webui: c._links?.webui },
  };
}
