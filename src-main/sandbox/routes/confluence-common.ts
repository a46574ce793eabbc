// Shared pieces of the Confluence Cloud routes: parameters, cursor paging, error answers and the
// JSON shapes of v2 (pages, folders, comments, attachments, versions) and v1 (content, users,
// spaces). Shapes follow /work/shared/specs/confluence-v2.json and confluence-v1.json.

import type {
  AttachmentRecord,
  AttachmentVersion,
  CommentRecord,
  ConfluenceStore,
  FolderRecord,
  PageRecord,
  TreeRecord,
  VersionInfo,
} from '../confluence/model.ts';
import { MEDIA_DESCRIPTIONS, tinyId, titleSlug } from '../confluence/model.ts';
import { renderView, storageToAdf, type RenderContext } from '../confluence/storage.ts';
import { errorReply } from '../errors.ts';
import type { SeedUser } from '../seed.ts';
import type { Reply, RequestContext, SpaceRecord } from '../types.ts';

/** `_links.base` of Confluence Cloud: always the site's /wiki, also through the gateway. */
export function wikiBase(ctx: RequestContext): string {
  return `${ctx.urls.siteUrl}/wiki`;
}

export function store(ctx: RequestContext): ConfluenceStore {
  return ctx.state.confluence;
}

// ------------------------------------------------------------------------------ errors

export function badParameter(name: string, expected: string, detail: string | null = null): Reply {
  return errorReply('confluence-v2', 400, {
    code: 'INVALID_REQUEST_PARAMETER',
    message: `Provided value for '${name}' is not the correct type. Expected type is ${expected}.`,
    detail,
  });
}

export function v2BadRequest(message: string, detail: string | null = null): Reply {
  return errorReply('confluence-v2', 400, { code: 'BAD_REQUEST', message, detail });
}

export function v2NotFound(message?: string): Reply {
  return errorReply('confluence-v2', 404, message === undefined ? {} : { message });
}

export function v2Conflict(message: string): Reply {
  return errorReply('confluence-v2', 409, { code: 'CONFLICT', message });
}

/** v1 error body; `data` flags default to what Confluence sends for the status. */
export function v1Error(status: number, message: string, data: { authorized?: boolean; valid?: boolean; successful?: boolean } = {}): Reply {
  const reply = errorReply('confluence-v1', status, { message });
  const body = reply.body as { data: Record<string, unknown> };
  Object.assign(body.data, data);
  return reply;
}

// ------------------------------------------------------------------------------ parameters

/** All values of a multi-value query parameter (`a=1&a=2` and `a=1,2` both accepted, like Atlassian). */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.getAll(name);
  if (raw.length === 0) return undefined;
  return raw
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Parses `limit` (default 25, 1..max). Returns a Reply on error. */
export function parseLimit(query: URLSearchParams, max: number, fallback = 25): number | Reply {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) return badParameter('limit', 'Integer');
  const n = Number(raw);
  if (n < 1 || n > max) {
    return errorReply('confluence-v2', 400, {
      code: 'INVALID_REQUEST_PARAMETER',
      message: `Provided value for 'limit' is not valid. Value must be between 1 and ${max}.`,
    });
  }
  return n;
}

export function boolParam(query: URLSearchParams, name: string, fallback = false): boolean | Reply {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (raw !== 'true' && raw !== 'false') return badParameter(name, 'Boolean');
  return raw === 'true';
}

/** Boolean `include-*` flags (include-version defaults to true, the others to false). */
export function includeFlags(ctx: RequestContext, names: string[]): Record<string, boolean> | Reply {
  const out: Record<string, boolean> = {};
  for (const n of names) {
    const v = boolParam(ctx.query, n, n === 'include-version');
    if (isReply(v)) return v;
    out[n] = v;
  }
  return out;
}

export function enumParam(query: URLSearchParams, name: string, allowed: readonly string[], type: string): string | null | Reply {
  const raw = query.get(name);
  if (raw === null) return null;
  if (!allowed.includes(raw)) return badParameter(name, type);
  return raw;
}

/** A numeric (Long) path id, or the v2 400 Atlassian sends for anything else. */
export function numericId(raw: string | undefined, name = 'id'): string | Reply {
  if (raw === undefined || !/^\d{1,19}$/.test(raw)) return badParameter(name, 'Long');
  return raw;
}

export function isReply(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && 'status' in v && typeof (v as Reply).status === 'number' && !Array.isArray(v);
}

/** The JSON object of a write request, or a v2 400. */
export function jsonObject(ctx: RequestContext): Record<string, unknown> | Reply {
  const b = ctx.body;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) {
    return v2BadRequest(b === undefined ? 'Request body is missing' : 'Request body is not a valid JSON object');
  }
  return b as Record<string, unknown>;
}

// ------------------------------------------------------------------------------ cursor paging

export interface CursorState {
  id: string;
  contentOrder: string;
  contentOrderValue: string | number;
}

/** Opaque cursor like Atlassian's: padded base64 of a small JSON document. */
export function encodeCursor(state: CursorState): string {
  // url-safe alphabet, '=' padding kept (Atlassian's cursors end in '=' too)
  return Buffer.from(JSON.stringify(state)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

export function decodeCursor(cursor: string): CursorState | undefined {
  try {
    const json: unknown = JSON.parse(Buffer.from(cursor.replace(/=+$/, ''), 'base64url').toString('utf8'));
    if (typeof json !== 'object' || json === null) return undefined;
    const o = json as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.contentOrder !== 'string') return undefined;
    if (typeof o.contentOrderValue !== 'string' && typeof o.contentOrderValue !== 'number') return undefined;
    return { id: o.id, contentOrder: o.contentOrder, contentOrderValue: o.contentOrderValue };
  } catch {
    return undefined;
  }
}

export function invalidCursor(): Reply {
  return badParameter(
    'cursor',
    'Cursor',
    'The provided cursor was not valid. You can get a new valid cursor by making the original pagination request again.',
  );
}

/**
 * The next-page link Atlassian builds: `/wiki/api/v2/<...>?cursor=<c>&<the other original params>`,
 * relative and starting with `/wiki/` — also through the gateway.
 */
export function nextLink(wikiPath: string, query: URLSearchParams, cursor: string): string {
  const parts = [`cursor=${cursor}`];
  for (const [k, v] of query) {
    if (k === 'cursor') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  return `${wikiPath}?${parts.join('&')}`;
}

/** Sets `_links` and the `Link` header of a cursor-paged v2 answer. */
export function pagedReply(ctx: RequestContext, results: unknown[], next: string | undefined): Reply {
  const base = wikiBase(ctx);
  const links: Record<string, string> = {};
  if (next !== undefined) links.next = next;
  links.base = base;
  const reply: Reply = { status: 200, body: { results, _links: links } };
  if (next !== undefined) reply.headers = { Link: `<${next}>; rel="next", <${base}>; rel="base"` };
  return reply;
}

export function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

export interface SortSpec<T> {
  /** Sort field as named in the cursor (`id`, `title`, `created-date`, …). */
  field: string;
  dir: 1 | -1;
  value: (t: T) => string | number;
  id: (t: T) => string;
}

/** Sorts by a spec, ties broken by numeric id (ascending). */
export function sortBy<T>(items: T[], spec: SortSpec<T>): T[] {
  return [...items].sort((a, b) => spec.dir * compare(spec.value(a), spec.value(b)) || compare(idNumber(spec.id(a)), idNumber(spec.id(b))));
}

function idNumber(id: string): number {
  return Number(id.replace(/\D/g, '')) || 0;
}

/** Parses a `sort` parameter like `-modified-date` against the allowed fields. */
export function sortParam(query: URLSearchParams, allowed: readonly string[], fallback: string, type: string): { field: string; dir: 1 | -1 } | Reply {
  const raw = query.get('sort') ?? fallback;
  if (!allowed.includes(raw)) return badParameter('sort', type);
  return { field: raw.replace(/^-/, ''), dir: raw.startsWith('-') ? -1 : 1 };
}

/** One page of an already sorted list, resuming after the cursor's item. */
export function paginate<T>(
  ctx: RequestContext,
  all: T[],
  limit: number,
  spec: SortSpec<T>,
  wikiPath: string,
  map: (t: T) => unknown,
): Reply {
  let start = 0;
  const raw = ctx.query.get('cursor');
  if (raw !== null) {
    const cursor = decodeCursor(raw);
    if (!cursor || cursor.contentOrder !== spec.field) return invalidCursor();
    const at = all.findIndex((t) => spec.id(t) === cursor.id);
    if (at >= 0) start = at + 1;
    else {
      // the last item seen is gone: resume after its sort value
      const after = all.findIndex((t) => {
        const c = spec.dir * compare(spec.value(t), cursor.contentOrderValue);
        return c > 0 || (c === 0 && idNumber(spec.id(t)) > idNumber(cursor.id));
      });
      start = after >= 0 ? after : all.length;
    }
  }
  const page = all.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < all.length && last !== undefined;
  const next = more
    ? nextLink(wikiPath, ctx.query, encodeCursor({ id: spec.id(last), contentOrder: spec.field, contentOrderValue: spec.value(last) }))
    : undefined;
  return pagedReply(ctx, page.map(map), next);
}

// ------------------------------------------------------------------------------ bodies

export const PRIMARY_BODY_FORMATS = ['storage', 'atlas_doc_format'] as const;
export const SINGLE_BODY_FORMATS = ['storage', 'atlas_doc_format', 'view', 'export_view', 'anonymous_export_view', 'styled_view', 'editor'] as const;

/** How storage refers to other things, resolved against the store, for one page. */
export function renderContext(st: ConfluenceStore, page: PageRecord | undefined): RenderContext {
  return {
    pageId: page?.id ?? '0',
    userName: (id) => st.user(id)?.displayName,
    pageHref: (title, key) => {
      const space = key ? st.spaceByKey(key) : page ? st.space(page.spaceId) : undefined;
      const target = space ? st.pageByTitle(space.id, title) : undefined;
      return target ? `/wiki${st.webui(target)}` : undefined;
    },
    attachmentHref: (filename) => {
      const a = page ? st.attachmentsOf(page.id).find((x) => x.title === filename) : undefined;
      return a ? `/wiki${st.downloadLink(a)}` : undefined;
    },
    attachmentFileId: (filename) => (page ? st.attachmentsOf(page.id).find((x) => x.title === filename)?.fileId : undefined),
  };
}

/** `{ <format>: { representation, value } }` for a storage value, or `{}` without a format. */
export function bodyOf(format: string | null, storage: string, rctx: RenderContext, title: string): Record<string, unknown> {
  if (format === null) return {};
  let value: string;
  switch (format) {
    case 'storage':
    case 'editor':
      value = storage;
      break;
    case 'atlas_doc_format':
      value = JSON.stringify(storageToAdf(storage, rctx));
      break;
    case 'styled_view':
      value = `<html><head><style>body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;font-size:14px;line-height:1.714;color:#172b4d}</style></head><body>${renderView(storage, rctx, title)}</body></html>`;
      break;
    default:
      value = renderView(storage, rctx, title);
  }
  return { [format]: { representation: format, value } };
}

// ------------------------------------------------------------------------------ v2 JSON

export function versionJson(v: VersionInfo): Record<string, unknown> {
  return { createdAt: v.createdAt, message: v.message, number: v.number, minorEdit: v.minorEdit, authorId: v.authorId };
}

function parentType(st: ConfluenceStore, node: TreeRecord): string | undefined {
  if (node.parentId === undefined) return undefined;
  return st.node(node.parentId)?.type ?? 'page';
}

export interface PageView {
  page: PageRecord;
  title: string;
  body: string;
  version: VersionInfo;
  status: string;
}

/** The page as it was at a version (the current one when `number` is undefined). */
export function pageAt(page: PageRecord, number?: number): PageView | undefined {
  if (number === undefined || number === page.version.number) {
    return { page, title: page.title, body: page.body, version: page.version, status: page.status };
  }
  const h = page.history.find((x) => x.version.number === number);
  return h ? { page, title: h.title, body: h.body, version: h.version, status: 'historical' } : undefined;
}

export function labelJson(st: ConfluenceStore, name: string): Record<string, unknown> {
  const def = st.labelDef(name);
  return { id: def.id, name: def.name, prefix: def.prefix };
}

export interface PageJsonOptions {
  bodyFormat: string | null;
  single: boolean;
  includeVersion?: boolean;
  includeLabels?: boolean;
  includeVersions?: boolean;
  includeProperties?: boolean;
  includeOperations?: boolean;
  includeLikes?: boolean;
  includeFavorited?: boolean;
  includeDirectChildren?: boolean;
}

function optionalField(results: unknown[], self: string): Record<string, unknown> {
  return { results, meta: { hasMore: false, cursor: '' }, _links: { self } };
}

export function pageJson(ctx: RequestContext, view: PageView, o: PageJsonOptions): Record<string, unknown> {
  const st = store(ctx);
  const { page } = view;
  const key = st.spaceKeyOf(page.spaceId);
  const out: Record<string, unknown> = {
    id: page.id,
    status: view.status,
    title: view.title,
    spaceId: page.spaceId,
  };
  if (page.parentId !== undefined) {
    out.parentId = page.parentId;
    out.parentType = parentType(st, page);
  }
  out.position = page.position;
  out.authorId = page.authorId;
  out.ownerId = page.ownerId;
  out.lastOwnerId = null;
  out.createdAt = page.createdAt;
  if (o.includeVersion !== false) out.version = versionJson(view.version);
  out.body = bodyOf(o.bodyFormat, view.body, renderContext(st, page), view.title);
  const self = `/wiki/api/v2/pages/${page.id}`;
  if (o.includeLabels) out.labels = optionalField(page.labels.map((l) => labelJson(st, l)), `${self}/labels`);
  if (o.includeProperties) out.properties = optionalField([], `${self}/properties`);
  if (o.includeOperations) {
    out.operations = optionalField(
      ['read', 'update', 'delete'].map((operation) => ({ operation, targetType: 'page' })),
      `${self}/operations`,
    );
  }
  if (o.includeLikes) out.likes = optionalField([], `${self}/likes/users`);
  if (o.includeVersions) {
    const all = [...page.history.map((h) => h.version), page.version].reverse();
    out.versions = optionalField(all.slice(0, 50).map(versionJson), `${self}/versions`);
  }
  if (o.includeFavorited) out.isFavoritedByCurrentUser = false;
  if (o.includeDirectChildren) {
    out.directChildren = optionalField(st.children(page.id).map((c) => childJson(c, true)), `${self}/direct-children`);
  }
  const links: Record<string, string> = {
    editui: `/pages/resumedraft.action?draftId=${page.id}`,
    webui: `/spaces/${key}/pages/${page.id}/${titleSlug(view.title)}`,
    edituiv2: `/spaces/${key}/pages/edit-v2/${page.id}`,
    tinyui: `/x/${tinyId(page.id)}`,
  };
  if (o.single) links.base = wikiBase(ctx);
  out._links = links;
  return out;
}

export function folderJson(ctx: RequestContext, f: FolderRecord, single: boolean): Record<string, unknown> {
  const st = store(ctx);
  const out: Record<string, unknown> = { id: f.id, type: 'folder', status: f.status, title: f.title };
  if (f.parentId !== undefined) {
    out.parentId = f.parentId;
    out.parentType = parentType(st, f);
  }
  out.position = f.position;
  out.authorId = f.authorId;
  out.ownerId = f.ownerId;
  out.createdAt = f.createdAt;
  out.spaceId = f.spaceId;
  out.version = versionJson(f.version);
  out._links = single ? { webui: st.webui(f), base: wikiBase(ctx) } : { webui: st.webui(f) };
  return out;
}

/** ChildPage (pages only, no type) or ChildrenResponse (with type). */
export function childJson(n: TreeRecord, withType: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: n.id, status: n.status === 'archived' ? 'archived' : 'current', title: n.title };
  if (withType) out.type = n.type;
  out.spaceId = n.spaceId;
  out.childPosition = n.position;
  return out;
}

export function descendantJson(n: TreeRecord, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { id: n.id, status: n.status === 'archived' ? 'archived' : 'current', title: n.title, type: n.type };
  if (n.parentId !== undefined) out.parentId = n.parentId;
  out.depth = depth;
  out.childPosition = n.position;
  return out;
}

export type CommentShape = 'page-list' | 'single' | 'children';

export function commentJson(ctx: RequestContext, c: CommentRecord, shape: CommentShape, bodyFormat: string | null): Record<string, unknown> {
  const st = store(ctx);
  const page = st.page(c.pageId);
  const out: Record<string, unknown> = { id: c.id, status: c.status, title: `Re: ${page?.title ?? ''}` };
  if (shape !== 'children') out.pageId = c.pageId;
  if (shape !== 'page-list' && c.parentCommentId !== undefined) out.parentCommentId = c.parentCommentId;
  out.version = versionJson(c.version);
  out.body = bodyOf(bodyFormat, c.body, renderContext(st, page), `Comment ${c.id}`);
  if (c.kind === 'inline') {
    if (shape === 'single' && c.resolutionLastModifierId !== undefined) {
      out.resolutionLastModifierId = c.resolutionLastModifierId;
      out.resolutionLastModifiedAt = c.resolutionLastModifiedAt;
    }
    out.resolutionStatus = c.resolutionStatus ?? 'open';
    const props: Record<string, string> = {};
    const root = c.parentCommentId !== undefined ? st.data.comments.get(c.parentCommentId) : c;
    if (root?.inlineMarkerRef !== undefined) props.inlineMarkerRef = root.inlineMarkerRef;
    if (root?.inlineOriginalSelection !== undefined) props.inlineOriginalSelection = root.inlineOriginalSelection;
    out.properties = props;
  }
  out._links = shape === 'single' ? { webui: st.commentWebui(c), base: wikiBase(ctx) } : { webui: st.commentWebui(c) };
  return out;
}

export function attachmentJson(ctx: RequestContext, a: AttachmentRecord, single: boolean, at?: AttachmentVersion): Record<string, unknown> {
  const st = store(ctx);
  const v = at ?? st.currentAttachmentVersion(a);
  const download = st.downloadLink(a, v);
  const webui = st.attachmentWebui(a);
  const out: Record<string, unknown> = {
    id: a.id,
    status: a.status,
    title: a.title,
    createdAt: a.createdAt,
    pageId: a.pageId,
    mediaType: v.mediaType,
    mediaTypeDescription: MEDIA_DESCRIPTIONS[v.mediaType] ?? 'File',
    comment: v.comment,
    fileId: a.fileId,
    fileSize: v.bytes.length,
    webuiLink: webui,
    downloadLink: download,
    version: { createdAt: v.createdAt, message: v.comment, number: v.number, minorEdit: v.minorEdit, authorId: v.authorId },
    _links: single ? { webui, download, base: wikiBase(ctx) } : { webui, download },
  };
  return out;
}

// ------------------------------------------------------------------------------ v1 JSON

export function v1User(ctx: RequestContext, u: SeedUser, withOperations = false): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: 'known',
    accountId: u.accountId,
    accountType: 'atlassian',
    email: u.email,
    publicName: u.publicName,
    profilePicture: { path: `/wiki/aa-avatar/${u.accountId}`, width: 48, height: 48, isDefault: false },
    displayName: u.displayName,
    timeZone: u.timeZone,
    externalCollaborator: false,
    isExternalCollaborator: false,
    isGuest: false,
    _expandable: { operations: '', personalSpace: '' },
    _links: {
      self: `${wikiBase(ctx)}/rest/api/user?accountId=${encodeURIComponent(u.accountId)}`,
      base: wikiBase(ctx),
      context: '/wiki',
    },
  };
  if (withOperations) {
    body.operations = [
      { operation: 'create', targetType: 'page' },
      { operation: 'create', targetType: 'blogpost' },
      { operation: 'use', targetType: 'application' },
    ];
    body._expandable = { personalSpace: '' };
  }
  return body;
}

export function v1Space(ctx: RequestContext, s: SpaceRecord): Record<string, unknown> {
  return {
    id: Number(s.id),
    key: s.key,
    alias: s.key,
    name: s.name,
    type: s.type,
    status: s.status,
    _expandable: {
      settings: `/rest/api/space/${s.key}/settings`,
      metadata: '',
      operations: '',
      lookAndFeel: `/rest/api/settings/lookandfeel?spaceKey=${s.key}`,
      identifiers: '',
      permissions: '',
      icon: '',
      description: '',
      theme: `/rest/api/space/${s.key}/theme`,
      history: '',
      homepage: `/rest/api/content/${s.homepageId}`,
    },
    _links: { webui: `/spaces/${s.key}`, self: `${wikiBase(ctx)}/rest/api/space/${s.key}` },
  };
}

function v1Version(ctx: RequestContext, contentId: string, v: { number: number; createdAt: string; authorId: string; message: string; minorEdit: boolean }): Record<string, unknown> {
  const st = store(ctx);
  const by = st.user(v.authorId);
  return {
    by: by ? v1User(ctx, by) : { type: 'unknown', accountId: v.authorId },
    when: v.createdAt,
    friendlyWhen: friendlyDate(v.createdAt),
    message: v.message,
    number: v.number,
    minorEdit: v.minorEdit,
    contentTypeModified: false,
    _expandable: { collaborators: '', content: `/rest/api/content/${contentId}` },
    _links: { self: `${wikiBase(ctx)}/rest/api/content/${contentId}/version/${v.number}` },
  };
}

/** v1 Content of a page or folder (the short form Confluence answers without expansions). */
export function v1TreeContent(ctx: RequestContext, n: TreeRecord, expandSpace = true): Record<string, unknown> {
  const st = store(ctx);
  const space = st.space(n.spaceId);
  const out: Record<string, unknown> = { id: n.id, type: n.type, status: n.status, title: n.title };
  if (expandSpace && space) out.space = v1Space(ctx, space);
  out.version = v1Version(ctx, n.id, n.version);
  out.macroRenderedOutput = {};
  out.extensions = n.type === 'page' ? { position: n.position } : {};
  out._expandable = {
    container: space ? `/rest/api/space/${space.key}` : '',
    metadata: '',
    restrictions: `/rest/api/content/${n.id}/restriction/byOperation`,
    history: `/rest/api/content/${n.id}/history`,
    body: '',
    descendants: `/rest/api/content/${n.id}/descendant`,
    ancestors: '',
    children: `/rest/api/content/${n.id}/child`,
    operations: '',
    ...(expandSpace ? {} : { space: space ? `/rest/api/space/${space.key}` : '' }),
  };
  out._links = {
    webui: st.webui(n),
    edit: `/pages/resumedraft.action?draftId=${n.id}`,
    tinyui: `/x/${tinyId(n.id)}`,
    self: `${wikiBase(ctx)}/rest/api/content/${n.id}`,
  };
  return out;
}

/** v1 Content of an attachment (what the upload endpoints answer in `results`). */
export function v1AttachmentContent(ctx: RequestContext, a: AttachmentRecord): Record<string, unknown> {
  const st = store(ctx);
  const v = st.currentAttachmentVersion(a);
  const page = st.page(a.pageId);
  return {
    id: a.id,
    type: 'attachment',
    status: a.status,
    title: a.title,
    macroRenderedOutput: {},
    metadata: {
      comment: v.comment,
      mediaType: v.mediaType,
      labels: { results: [], start: 0, limit: 200, size: 0, _links: {} },
      _expandable: { currentuser: '', properties: '', frontend: '', editorHtml: '' },
    },
    extensions: {
      mediaType: v.mediaType,
      fileSize: v.bytes.length,
      comment: v.comment,
      mediaTypeDescription: MEDIA_DESCRIPTIONS[v.mediaType] ?? 'File',
      fileId: a.fileId,
      collectionName: `contentId-${a.pageId}`,
    },
    version: v1Version(ctx, a.id, { number: v.number, createdAt: v.createdAt, authorId: v.authorId, message: v.comment, minorEdit: v.minorEdit }),
    ...(page ? { container: v1TreeContent(ctx, page, false) } : {}),
    _expandable: {
      childTypes: '',
      operations: '',
      schedulePublishDate: '',
      children: `/rest/api/content/${a.id}/child`,
      restrictions: `/rest/api/content/${a.id}/restriction/byOperation`,
      history: `/rest/api/content/${a.id}/history`,
      ancestors: '',
      body: '',
      descendants: `/rest/api/content/${a.id}/descendant`,
      space: page ? `/rest/api/space/${st.spaceKeyOf(page.spaceId)}` : '',
    },
    _links: {
      webui: st.attachmentWebui(a),
      download: st.downloadLink(a),
      thumbnail: `/download/thumbnails/${a.pageId}/${encodeURIComponent(a.title)}?version=${v.number}&modificationDate=${Date.parse(v.createdAt)}&api=v2`,
      self: `${wikiBase(ctx)}/rest/api/content/${a.id}`,
    },
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "just a moment ago", "5 minutes ago", "about 3 hours ago", else "Feb 16, 2026" — Confluence's wording. */
export function friendlyDate(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  const ago = now - t;
  if (ago < 60_000) return 'just a moment ago';
  if (ago < 3_600_000) {
    const m = Math.floor(ago / 60_000);
    return m === 1 ? '1 minute ago' : `${m} minutes ago`;
  }
  if (ago < 86_400_000) {
    const h = Math.floor(ago / 3_600_000);
    return h === 1 ? 'about an hour ago' : `about ${h} hours ago`;
  }
  const d = new Date(t);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')}, ${d.getUTCFullYear()}`;
}
