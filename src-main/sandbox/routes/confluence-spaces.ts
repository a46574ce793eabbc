// Confluence v2 spaces: list, get, create, and the pages of a space.

import type { PageRecord } from '../confluence/model.ts';
import type { Reply, RequestContext, SpaceRecord } from '../types.ts';
import {
  badParameter,
  compare,
  decodeCursor,
  encodeCursor,
  enumParam,
  invalidCursor,
  isReply,
  jsonObject,
  listParam,
  nextLink,
  numericId,
  pageAt,
  pageJson,
  paginate,
  pagedReply,
  parseLimit,
  PRIMARY_BODY_FORMATS,
  sortBy,
  sortParam,
  store,
  v2BadRequest,
  v2NotFound,
  wikiBase,
  type SortSpec,
} from './confluence-common.ts';

const SPACE_TYPES = ['global', 'collaboration', 'knowledge_base', 'personal', 'system', 'onboarding', 'xflow_sample_space'];
const SPACE_STATUSES = ['current', 'archived'];
const SPACE_SORTS = ['id', '-id', 'key', '-key', 'name', '-name'];

function sortValue(space: SpaceRecord, field: string): string | number {
  if (field === 'id') return Number(space.id);
  if (field === 'key') return space.key;
  return space.name.toLowerCase();
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function spaceJson(s: SpaceRecord, descriptionFormat: string | null, includeIcon: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: s.id,
    key: s.key,
    name: s.name,
    type: s.type,
    status: s.status,
    authorId: s.authorId,
    createdAt: s.createdAt,
    homepageId: s.homepageId,
    spaceOwnerId: s.spaceOwnerId,
    currentActiveAlias: s.key,
  };
  if (descriptionFormat === 'plain') out.description = { plain: { value: s.description, representation: 'plain' } };
  if (descriptionFormat === 'view') out.description = { view: { value: `<p>${escapeHtml(s.description)}</p>`, representation: 'view' } };
  if (includeIcon) {
    out.icon = {
      path: `/wiki/download/attachments/${s.homepageId}/${s.key}?version=1&modificationDate=1700000000000&api=v2`,
      apiDownloadLink: `/wiki/rest/api/space/${encodeURIComponent(s.key)}/icon`,
    };
  }
  out._links = { webui: `/spaces/${s.key}` };
  return out;
}

function descriptionFormatParam(ctx: RequestContext): string | null | Reply {
  return enumParam(ctx.query, 'description-format', ['plain', 'view'], 'SpaceDescriptionBodyRepresentation');
}

// ---------------------------------------------------------------- GET /wiki/api/v2/spaces

export function listSpaces(ctx: RequestContext): Reply {
  const q = ctx.query;
  const limit = parseLimit(q, 250);
  if (typeof limit !== 'number') return limit;

  const ids = listParam(q, 'ids');
  if (ids?.some((id) => !/^\d+$/.test(id))) return badParameter('ids', 'Long');
  const keys = listParam(q, 'keys');
  const type = q.get('type');
  if (type !== null && !SPACE_TYPES.includes(type)) return badParameter('type', 'SpaceType');
  const status = q.get('status');
  if (status !== null && !SPACE_STATUSES.includes(status)) return badParameter('status', 'SpaceStatus');
  const labels = listParam(q, 'labels');
  const sort = q.get('sort') ?? 'id';
  if (!SPACE_SORTS.includes(sort)) return badParameter('sort', 'SpaceSortOrder');
  const descriptionFormat = descriptionFormatParam(ctx);
  if (isReply(descriptionFormat)) return descriptionFormat;
  const includeIcon = q.get('include-icon') === 'true';

  const field = sort.replace(/^-/, '');
  const dir = sort.startsWith('-') ? -1 : 1;
  const all = store(ctx)
    .spaces.filter((s) => (ids ? ids.includes(s.id) : true))
    .filter((s) => (keys ? keys.includes(s.key) : true))
    .filter((s) => (type !== null ? s.type === type : true))
    .filter((s) => (status !== null ? s.status === status : true))
    .filter((s) => (labels ? labels.some((l) => s.labels.includes(l)) : true))
    .sort((a, b) => dir * compare(sortValue(a, field), sortValue(b, field)) || compare(Number(a.id), Number(b.id)));

  let start = 0;
  const rawCursor = q.get('cursor');
  if (rawCursor !== null) {
    const cursor = decodeCursor(rawCursor);
    if (!cursor || cursor.contentOrder !== field) return invalidCursor();
    const at = all.findIndex((s) => s.id === cursor.id);
    if (at >= 0) start = at + 1;
    else {
      // the last item seen is gone: resume after its sort value
      const after = all.findIndex((s) => dir * compare(sortValue(s, field), cursor.contentOrderValue) > 0);
      start = after >= 0 ? after : all.length;
    }
  }
  const page = all.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < all.length && last !== undefined;
  const next = more
    ? nextLink('/wiki/api/v2/spaces', q, encodeCursor({ id: last.id, contentOrder: field, contentOrderValue: sortValue(last, field) }))
    : undefined;
  return pagedReply(
    ctx,
    page.map((s) => spaceJson(s, descriptionFormat, includeIcon)),
    next,
  );
}

// ---------------------------------------------------------------- GET /wiki/api/v2/spaces/{id}

export function getSpace(ctx: RequestContext, params: Record<string, string>): Reply {
  const id = numericId(params.id);
  if (isReply(id)) return id;
  const space = store(ctx).space(id);
  if (!space) return v2NotFound();
  const descriptionFormat = descriptionFormatParam(ctx);
  if (isReply(descriptionFormat)) return descriptionFormat;
  const body = spaceJson(space, descriptionFormat, ctx.query.get('include-icon') === 'true');
  delete body.currentActiveAlias; // SpaceSingle has no currentActiveAlias
  const meta = { hasMore: false, cursor: '' };
  if (ctx.query.get('include-labels') === 'true') {
    body.labels = { results: space.labels.map((l) => ({ id: store(ctx).labelDef(l).id, name: l, prefix: 'global' })), meta, _links: { self: `/wiki/api/v2/spaces/${id}/labels` } };
  }
  if (ctx.query.get('include-operations') === 'true') {
    body.operations = { results: [{ operation: 'read', targetType: 'space' }, { operation: 'create', targetType: 'page' }], meta, _links: { self: `/wiki/api/v2/spaces/${id}/operations` } };
  }
  if (ctx.query.get('include-properties') === 'true') body.properties = { results: [], meta, _links: { self: `/wiki/api/v2/spaces/${id}/properties` } };
  if (ctx.query.get('include-permissions') === 'true') body.permissions = { results: [], meta, _links: { self: `/wiki/api/v2/spaces/${id}/permissions` } };
  body._links = { webui: `/spaces/${space.key}`, base: wikiBase(ctx) };
  return { status: 200, body };
}

// ---------------------------------------------------------------- POST /wiki/api/v2/spaces

export function createSpace(ctx: RequestContext): Reply {
  const b = jsonObject(ctx);
  if (isReply(b)) return b;
  const st = store(ctx);
  const name = typeof b.name === 'string' ? b.name.trim() : '';
  if (name === '') return v2BadRequest('Space name is required.');
  if (name.length > 200) return v2BadRequest('Space name must be 200 characters or fewer.');
  let key = typeof b.key === 'string' ? b.key : typeof b.alias === 'string' ? b.alias.toUpperCase().replace(/[^A-Z0-9]/g, '') : '';
  if (key === '') key = name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10);
  if (!/^[A-Za-z0-9]{1,255}$/.test(key)) return v2BadRequest(`Invalid space key '${key}': use letters and numbers only.`);
  key = key.toUpperCase();
  if (st.spaceByKey(key)) return v2BadRequest(`A space with key '${key}' already exists.`);
  const desc = b.description;
  const description =
    typeof desc === 'object' && desc !== null && typeof (desc as { value?: unknown }).value === 'string' ? (desc as { value: string }).value : '';
  const now = new Date().toISOString();
  const spaceId = st.newId();
  const homepageId = st.newId();
  const space: SpaceRecord = {
    id: spaceId,
    key,
    name,
    type: 'global',
    status: 'current',
    authorId: ctx.user.accountId,
    spaceOwnerId: ctx.user.accountId,
    createdAt: now,
    homepageId,
    description,
    labels: [],
  };
  st.spaces.push(space);
  const home: PageRecord = {
    id: homepageId,
    type: 'page',
    spaceId,
    status: 'current',
    title: name,
    parentId: undefined,
    position: 0,
    authorId: ctx.user.accountId,
    ownerId: ctx.user.accountId,
    createdAt: now,
    body: '',
    version: { number: 1, message: '', minorEdit: false, authorId: ctx.user.accountId, createdAt: now },
    history: [],
    labels: [],
  };
  st.data.pages.set(homepageId, home);
  const body = spaceJson(space, description ? 'plain' : null, false);
  body._links = { webui: `/spaces/${key}`, base: wikiBase(ctx) };
  return { status: 201, body };
}

// ---------------------------------------------------------------- GET /wiki/api/v2/spaces/{id}/pages

export const PAGE_SORTS = ['id', '-id', 'created-date', '-created-date', 'modified-date', '-modified-date', 'title', '-title'];
export const LIST_PAGE_STATUSES = ['current', 'archived', 'deleted', 'trashed'];

export function pageSortSpec(field: string, dir: 1 | -1): SortSpec<PageRecord> {
  const value = (p: PageRecord): string | number =>
    field === 'id' ? Number(p.id) : field === 'title' ? p.title.toLowerCase() : field === 'created-date' ? p.createdAt : p.version.createdAt;
  return { field, dir, value, id: (p) => p.id };
}

/** Shared by /pages and /spaces/{id}/pages: filters, sorts and pages a set of pages. */
export function listPagesReply(ctx: RequestContext, candidates: PageRecord[], wikiPath: string, statusAllowed: string[]): Reply {
  const q = ctx.query;
  const limit = parseLimit(q, 250);
  if (typeof limit !== 'number') return limit;
  const sort = sortParam(q, PAGE_SORTS, 'id', 'PageSortOrder');
  if (isReply(sort)) return sort;
  const statuses = listParam(q, 'status') ?? ['current', 'archived'];
  if (statuses.some((s) => !statusAllowed.includes(s))) return badParameter('status', 'ContentStatus');
  const bodyFormat = enumParam(q, 'body-format', PRIMARY_BODY_FORMATS, 'PrimaryBodyRepresentation');
  if (isReply(bodyFormat)) return bodyFormat;
  const title = q.get('title');
  const filtered = candidates.filter((p) => statuses.includes(p.status)).filter((p) => (title !== null ? p.title === title : true));
  const spec = pageSortSpec(sort.field, sort.dir);
  return paginate(ctx, sortBy(filtered, spec), limit, spec, wikiPath, (p) => pageJson(ctx, pageAt(p)!, { bodyFormat, single: false }));
}

export function spacePages(ctx: RequestContext, params: Record<string, string>): Reply {
  const id = numericId(params.id);
  if (isReply(id)) return id;
  const st = store(ctx);
  if (!st.space(id)) return v2NotFound();
  const depth = enumParam(ctx.query, 'depth', ['all', 'root'], 'Depth');
  if (isReply(depth)) return depth;
  const pages = [...st.data.pages.values()].filter((p) => p.spaceId === id && (depth !== 'root' || p.parentId === undefined));
  return listPagesReply(ctx, pages, `/wiki/api/v2/spaces/${id}/pages`, LIST_PAGE_STATUSES);
}
