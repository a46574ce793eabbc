// Confluence v2 pages: list, get (any body format, old versions), create, update (409 on a stale
// version), delete (trash, purge, drafts), the tree (children, direct children, ancestors,
// descendants), versions and labels.

import type { ConfluenceStore, PageRecord, TreeRecord, VersionInfo } from '../confluence/model.ts';
import { adfToStorage, storageError, StorageParseError, wikiToStorage } from '../confluence/storage.ts';
import type { Reply, RequestContext } from '../types.ts';
import {
  badParameter,
  bodyOf,
  boolParam,
  childJson,
  descendantJson,
  enumParam,
  includeFlags,
  isReply,
  jsonObject,
  labelJson,
  listParam,
  numericId,
  pageAt,
  pageJson,
  paginate,
  pagedReply,
  parseLimit,
  PRIMARY_BODY_FORMATS,
  renderContext,
  SINGLE_BODY_FORMATS,
  sortBy,
  sortParam,
  store,
  v2BadRequest,
  v2Conflict,
  v2NotFound,
  versionJson,
  type SortSpec,
} from './confluence-common.ts';
import { LIST_PAGE_STATUSES, listPagesReply } from './confluence-spaces.ts';

export const DUPLICATE_TITLE = 'A page with this title already exists: A page already exists with the same TITLE in this space';
export const CYCLE_MESSAGE = 'Cannot add an existing ancestor as a child!';

/** A page that is neither trashed nor a draft, or a 404. */
export function livePage(ctx: RequestContext, raw: string | undefined): PageRecord | Reply {
  const id = numericId(raw);
  if (isReply(id)) return id;
  const page = store(ctx).page(id);
  if (!page || page.status === 'trashed' || page.status === 'draft') return v2NotFound();
  return page;
}

// ---------------------------------------------------------------- body of a write

/** Storage from a v2 write body (`{representation, value}` or `{storage: {...}}`), or a 400. */
export function storageFromBody(body: unknown, required: boolean): string | Reply {
  if (body === undefined || body === null) return required ? v2BadRequest('Body is required') : '';
  if (typeof body !== 'object' || Array.isArray(body)) return v2BadRequest('Body must be an object with representation and value');
  let b = body as Record<string, unknown>;
  if (b.representation === undefined) {
    const nested = (['storage', 'atlas_doc_format', 'wiki'] as const).map((k) => b[k]).find((v) => typeof v === 'object' && v !== null);
    if (nested) b = nested as Record<string, unknown>;
  }
  const rep = b.representation;
  const value = b.value;
  if (rep !== 'storage' && rep !== 'atlas_doc_format' && rep !== 'wiki') {
    return v2BadRequest(`Unsupported body representation: ${String(rep)}. Use storage, atlas_doc_format or wiki.`);
  }
  if (typeof value !== 'string') return v2BadRequest('Body value must be a string');
  try {
    const storage = rep === 'storage' ? value : rep === 'wiki' ? wikiToStorage(value) : adfToStorage(value);
    const err = storageError(storage);
    if (err) return errorParsing(err);
    return storage;
  } catch (e) {
    if (e instanceof StorageParseError) return errorParsing(e.message);
    throw e;
  }
}

function errorParsing(message: string): Reply {
  return badRequestInvalid(`Error parsing xhtml: ${message}`);
}

function badRequestInvalid(message: string): Reply {
  const r = v2BadRequest(message);
  (r.body as { errors: Array<{ code: string }> }).errors[0]!.code = 'INVALID_REQUEST_PARAMETER';
  return r;
}

function newVersion(ctx: RequestContext, number: number, message = ''): VersionInfo {
  return { number, message, minorEdit: false, authorId: ctx.user.accountId, createdAt: new Date().toISOString() };
}

function titleProblem(title: string): string | undefined {
  if (title.trim() === '') return 'Title cannot be empty.';
  if (title.length > 255) return 'Title cannot be longer than 255 characters.';
  return undefined;
}

// ---------------------------------------------------------------- GET /pages

export function listPages(ctx: RequestContext): Reply {
  const ids = listParam(ctx.query, 'id');
  if (ids?.some((i) => !/^\d+$/.test(i))) return badParameter('id', 'Long');
  const spaceIds = listParam(ctx.query, 'space-id');
  if (spaceIds?.some((i) => !/^\d+$/.test(i))) return badParameter('space-id', 'Long');
  const subtype = enumParam(ctx.query, 'subtype', ['live', 'page'], 'PageSubtype');
  if (isReply(subtype)) return subtype;
  const pages = [...store(ctx).data.pages.values()]
    .filter((p) => (ids ? ids.includes(p.id) : true))
    .filter((p) => (spaceIds ? spaceIds.includes(p.spaceId) : true))
    .filter(() => subtype !== 'live');
  return listPagesReply(ctx, pages, '/wiki/api/v2/pages', LIST_PAGE_STATUSES);
}

// ---------------------------------------------------------------- GET /pages/{id}

const GET_STATUSES = ['current', 'archived', 'trashed', 'deleted', 'historical', 'draft'];
const PAGE_INCLUDES = [
  'include-labels',
  'include-properties',
  'include-operations',
  'include-likes',
  'include-versions',
  'include-version',
  'include-favorited-by-current-user-status',
  'include-webresources',
  'include-collaborators',
  'include-direct-children',
];

export function getPage(ctx: RequestContext, params: Record<string, string>): Reply {
  const id = numericId(params.id);
  if (isReply(id)) return id;
  const q = ctx.query;
  const page = store(ctx).page(id);
  const statuses = listParam(q, 'status');
  if (statuses?.some((s) => !GET_STATUSES.includes(s))) return badParameter('status', 'ContentStatus');
  const getDraft = boolParam(q, 'get-draft');
  if (isReply(getDraft)) return getDraft;
  const bodyFormat = enumParam(q, 'body-format', SINGLE_BODY_FORMATS, 'PrimaryBodyRepresentationSingle');
  if (isReply(bodyFormat)) return bodyFormat;
  const flags = includeFlags(ctx, PAGE_INCLUDES);
  if (isReply(flags)) return flags;
  const rawVersion = q.get('version');
  if (rawVersion !== null && !/^\d+$/.test(rawVersion)) return badParameter('version', 'Integer');
  if (!page) return v2NotFound();
  const allowed = statuses ?? ['current', 'archived'];
  if (page.status === 'draft' && !(getDraft || allowed.includes('draft'))) return v2NotFound();
  if (page.status === 'trashed' && !allowed.includes('trashed')) return v2NotFound();
  if ((page.status === 'current' || page.status === 'archived') && statuses && !statuses.includes(page.status) && rawVersion === null) {
    return v2NotFound();
  }
  const view = pageAt(page, rawVersion === null ? undefined : Number(rawVersion));
  if (!view) return v2NotFound();
  return {
    status: 200,
    body: pageJson(ctx, view, {
      bodyFormat,
      single: true,
      includeVersion: flags['include-version'],
      includeLabels: flags['include-labels'],
      includeVersions: flags['include-versions'],
      includeProperties: flags['include-properties'],
      includeOperations: flags['include-operations'],
      includeLikes: flags['include-likes'],
      includeFavorited: flags['include-favorited-by-current-user-status'],
      includeDirectChildren: flags['include-direct-children'],
    }),
  };
}

// ---------------------------------------------------------------- POST /pages

export function createPage(ctx: RequestContext): Reply {
  const st = store(ctx);
  const b = jsonObject(ctx);
  if (isReply(b)) return b;
  const rootLevel = boolParam(ctx.query, 'root-level');
  if (isReply(rootLevel)) return rootLevel;
  for (const flag of ['embedded', 'private']) {
    const v = boolParam(ctx.query, flag);
    if (isReply(v)) return v;
  }
  if (typeof b.spaceId !== 'string' || !/^\d+$/.test(b.spaceId)) return v2BadRequest('spaceId is required and must be the id of a space');
  const space = st.space(b.spaceId);
  if (!space) return v2NotFound();
  const status = b.status ?? 'current';
  if (status !== 'current' && status !== 'draft') return badParameter('status', 'ContentStatus');
  const title = typeof b.title === 'string' ? b.title : '';
  if (b.title !== undefined && typeof b.title !== 'string') return v2BadRequest('Title must be a string.');
  if (status === 'current') {
    const problem = titleProblem(title);
    if (problem) return v2BadRequest(problem);
  }
  let parent: TreeRecord | undefined;
  if (b.parentId !== undefined && b.parentId !== null) {
    if (rootLevel) return v2BadRequest('A parentId cannot be supplied when root-level is true.');
    if (typeof b.parentId !== 'string' || !/^\d+$/.test(b.parentId)) return v2BadRequest('parentId must be the id of a page or folder');
    parent = st.node(b.parentId);
    if (!parent || parent.status === 'trashed' || parent.status === 'draft') return v2NotFound('Parent content not found');
    if (parent.spaceId !== space.id) return v2BadRequest('The parent must be in the same space as the new page.');
  } else if (!rootLevel) {
    const home = st.page(space.homepageId);
    if (home && home.status === 'current') parent = home;
  }
  const storage = storageFromBody(b.body, false);
  if (isReply(storage)) return storage;
  if (status === 'current' && st.pageByTitle(space.id, title)) return v2BadRequest(DUPLICATE_TITLE);
  const now = new Date().toISOString();
  const page: PageRecord = {
    id: st.newId(),
    type: 'page',
    spaceId: space.id,
    status,
    title,
    parentId: parent?.id,
    position: st.endPosition(parent?.id, space.id),
    authorId: ctx.user.accountId,
    ownerId: ctx.user.accountId,
    createdAt: now,
    body: storage,
    version: { number: 1, message: '', minorEdit: false, authorId: ctx.user.accountId, createdAt: now },
    history: [],
    labels: [],
  };
  st.data.pages.set(page.id, page);
  return { status: 200, body: pageJson(ctx, pageAt(page)!, { bodyFormat: 'storage', single: true }) };
}

// ---------------------------------------------------------------- PUT /pages/{id}

export function updatePage(ctx: RequestContext, params: Record<string, string>): Reply {
  const st = store(ctx);
  const id = numericId(params.id);
  if (isReply(id)) return id;
  const b = jsonObject(ctx);
  if (isReply(b)) return b;
  const page = st.page(id);
  if (!page) return v2NotFound();
  if (b.id !== undefined && String(b.id) !== id) return v2BadRequest('The id in the body does not match the id in the path.');
  const status = b.status;
  if (status !== 'current' && status !== 'draft') return v2BadRequest("status is required: 'current' or 'draft'.");
  if (typeof b.title !== 'string') return v2BadRequest('title is required.');
  const problem = titleProblem(b.title);
  if (problem) return v2BadRequest(problem);
  const v = b.version as { number?: unknown; message?: unknown } | undefined;
  if (typeof v !== 'object' || v === null || typeof v.number !== 'number' || !Number.isInteger(v.number)) {
    return v2BadRequest('version.number is required.');
  }
  const current = page.version.number;
  const publishingDraft = page.status === 'draft' && (v.number === current || v.number === current + 1);
  if (!publishingDraft && v.number !== current + 1) {
    return v2Conflict(`Version must be incremented on update. Current version is: ${current}`);
  }
  if (b.spaceId !== undefined && String(b.spaceId) !== page.spaceId) {
    return v2BadRequest('Moving a page to a different space is not supported by this operation.');
  }
  let newParent: TreeRecord | undefined;
  if (b.parentId !== undefined && b.parentId !== null && String(b.parentId) !== page.parentId) {
    newParent = st.node(String(b.parentId));
    if (!newParent || newParent.status === 'trashed' || newParent.status === 'draft') return v2NotFound('Parent content not found');
    if (newParent.spaceId !== page.spaceId) return v2BadRequest('The parent must be in the same space as the page.');
    if (st.isSelfOrDescendant(page.id, newParent.id)) return v2BadRequest(CYCLE_MESSAGE);
  }
  const storage = storageFromBody(b.body, true);
  if (isReply(storage)) return storage;
  if (status === 'current' && st.pageByTitle(page.spaceId, b.title, page.id)) return v2BadRequest(DUPLICATE_TITLE);

  if (page.status === 'draft' && v.number === current) {
    // publishing a never-published draft keeps version 1
    page.version = newVersion(ctx, current, typeof v.message === 'string' ? v.message : '');
  } else {
    page.history.push({ version: page.version, title: page.title, body: page.body });
    page.version = newVersion(ctx, current + 1, typeof v.message === 'string' ? v.message : '');
  }
  const wasHidden = page.status === 'trashed' || page.status === 'draft';
  page.title = b.title;
  page.body = storage;
  page.status = status;
  if (newParent) st.place(page, 'append', newParent);
  else if (wasHidden && status === 'current') {
    const parent = page.parentId !== undefined ? st.node(page.parentId) : undefined;
    if (parent && parent.status === 'trashed') page.parentId = st.page(st.space(page.spaceId)?.homepageId ?? '')?.id;
    page.position = st.endPosition(page.parentId, page.spaceId);
  }
  return { status: 200, body: pageJson(ctx, pageAt(page)!, { bodyFormat: 'storage', single: true }) };
}

// ---------------------------------------------------------------- DELETE /pages/{id}

export function purgeContent(st: ConfluenceStore, pageId: string): void {
  st.data.pages.delete(pageId);
  for (const [cid, c] of st.data.comments) if (c.pageId === pageId) st.data.comments.delete(cid);
  for (const [aid, a] of st.data.attachments) if (a.pageId === pageId) st.data.attachments.delete(aid);
}

export function deletePage(ctx: RequestContext, params: Record<string, string>): Reply {
  const st = store(ctx);
  const id = numericId(params.id);
  if (isReply(id)) return id;
  const purge = boolParam(ctx.query, 'purge');
  if (isReply(purge)) return purge;
  const draft = boolParam(ctx.query, 'draft');
  if (isReply(draft)) return draft;
  const page = st.page(id);
  if (!page) return v2NotFound();
  if (draft) {
    if (page.status !== 'draft') return v2NotFound();
    purgeContent(st, page.id);
    return { status: 204 };
  }
  if (page.status === 'draft') return v2NotFound();
  if (purge) {
    if (page.status !== 'trashed') return v2BadRequest('Only a trashed page can be purged. Delete the page first (without purge).');
    purgeContent(st, page.id);
    return { status: 204 };
  }
  if (page.status === 'trashed') return v2NotFound();
  st.trash(page);
  return { status: 204 };
}

// ---------------------------------------------------------------- tree

const CHILD_PAGE_SORTS = ['created-date', '-created-date', 'id', '-id', 'child-position', '-child-position', 'modified-date', '-modified-date'];
const CONTENT_SORTS = [...CHILD_PAGE_SORTS, 'title', '-title'];

export function treeSortSpec(field: string, dir: 1 | -1): SortSpec<TreeRecord> {
  const value = (n: TreeRecord): string | number =>
    field === 'id'
      ? Number(n.id)
      : field === 'title'
        ? n.title.toLowerCase()
        : field === 'created-date'
          ? n.createdAt
          : field === 'modified-date'
            ? n.version.createdAt
            : n.position;
  return { field, dir, value, id: (n) => n.id };
}

function childrenReply(ctx: RequestContext, parentId: string, withType: boolean, wikiPath: string): Reply {
  const limit = parseLimit(ctx.query, 250);
  if (typeof limit !== 'number') return limit;
  const sort = sortParam(ctx.query, withType ? CONTENT_SORTS : CHILD_PAGE_SORTS, 'child-position', withType ? 'ContentSortOrder' : 'ChildPageSortOrder');
  if (isReply(sort)) return sort;
  const kids = store(ctx)
    .children(parentId)
    .filter((n) => withType || n.type === 'page');
  const spec = treeSortSpec(sort.field, sort.dir);
  return paginate(ctx, sortBy(kids, spec), limit, spec, wikiPath, (n) => childJson(n, withType));
}

export function pageChildren(ctx: RequestContext, params: Record<string, string>): Reply {
  const page = livePage(ctx, params.id);
  if (isReply(page)) return page;
  return childrenReply(ctx, page.id, false, `/wiki/api/v2/pages/${page.id}/children`);
}

export function pageDirectChildren(ctx: RequestContext, params: Record<string, string>): Reply {
  const page = livePage(ctx, params.id);
  if (isReply(page)) return page;
  return childrenReply(ctx, page.id, true, `/wiki/api/v2/pages/${page.id}/direct-children`);
}

export function folderDirectChildren(ctx: RequestContext, folderId: string): Reply {
  return childrenReply(ctx, folderId, true, `/wiki/api/v2/folders/${folderId}/direct-children`);
}

/** The nearest `limit` ancestors, top-to-bottom (call again with the first one for more). */
export function ancestorsReply(ctx: RequestContext, id: string, withLinks: boolean): Reply {
  const limit = parseLimit(ctx.query, 250);
  if (typeof limit !== 'number') return limit;
  const all = store(ctx).ancestors(id);
  const results = all.slice(Math.max(0, all.length - limit)).map((a) => ({ id: a.id, type: a.type }));
  if (withLinks) return pagedReply(ctx, results, undefined);
  return { status: 200, body: { results } };
}

export function pageAncestors(ctx: RequestContext, params: Record<string, string>): Reply {
  const page = livePage(ctx, params.id);
  if (isReply(page)) return page;
  return ancestorsReply(ctx, page.id, true);
}

export function descendantsReply(ctx: RequestContext, id: string, wikiPath: string): Reply {
  const limit = parseLimit(ctx.query, 250);
  if (typeof limit !== 'number') return limit;
  const rawDepth = ctx.query.get('depth');
  let depth = 2;
  if (rawDepth !== null) {
    if (!/^\d+$/.test(rawDepth)) return badParameter('depth', 'Integer');
    depth = Number(rawDepth);
    if (depth < 1 || depth > 10) return badParameter('depth', 'Integer between 1 and 10');
  }
  const all = store(ctx)
    .descendants(id, depth)
    .map((d, i) => ({ ...d, order: i }));
  const spec: SortSpec<(typeof all)[number]> = { field: 'tree', dir: 1, value: (d) => d.order, id: (d) => d.node.id };
  return paginate(ctx, all, limit, spec, wikiPath, (d) => descendantJson(d.node, d.depth));
}

export function pageDescendants(ctx: RequestContext, params: Record<string, string>): Reply {
  const page = livePage(ctx, params.id);
  if (isReply(page)) return page;
  return descendantsReply(ctx, page.id, `/wiki/api/v2/pages/${page.id}/descendants`);
}

// ---------------------------------------------------------------- versions

interface VersionRow {
  version: VersionInfo;
  title: string;
  body: string;
}

function versionRows(page: PageRecord): VersionRow[] {
  return [...page.history, { version: page.version, title: page.title, body: page.body }];
}

export function pageVersions(ctx: RequestContext, params: Record<string, string>): Reply {
  const id = numericId(params.id);
  if (isReply(id)) return id;
  const st = store(ctx);
  const page = st.page(id);
  if (!page || page.status === 'draft') return v2NotFound();
  const limit = parseLimit(ctx.query, 250);
  if (typeof limit !== 'number') return limit;
  const sort = sortParam(ctx.query, ['modified-date', '-modified-date'], '-modified-date', 'VersionSortOrder');
  if (isReply(sort)) return sort;
  const bodyFormat = enumParam(ctx.query, 'body-format', PRIMARY_BODY_FORMATS, 'PrimaryBodyRepresentation');
  if (isReply(bodyFormat)) return bodyFormat;
  const spec: SortSpec<VersionRow> = { field: 'modified-date', dir: sort.dir, value: (r) => r.version.number, id: (r) => String(r.version.number) };
  const rctx = renderContext(st, page);
  return paginate(ctx, sortBy(versionRows(page), spec), limit, spec, `/wiki/api/v2/pages/${id}/versions`, (r) => ({
    ...versionJson(r.version),
    page: { id: page.id, title: r.title, ...(bodyFormat !== null ? { body: bodyOf(bodyFormat, r.body, rctx, r.title) } : {}) },
  }));
}

export function pageVersion(ctx: RequestContext, params: Record<string, string>): Reply {
  const id = numericId(params['page-id'], 'page-id');
  if (isReply(id)) return id;
  const n = numericId(params['version-number'], 'version-number');
  if (isReply(n)) return n;
  const page = store(ctx).page(id);
  if (!page || page.status === 'draft') return v2NotFound();
  const rows = versionRows(page);
  const row = rows.find((r) => r.version.number === Number(n));
  if (!row) return v2NotFound();
  const numbers = rows.map((r) => r.version.number);
  const out: Record<string, unknown> = {
    number: row.version.number,
    authorId: row.version.authorId,
    message: row.version.message,
    createdAt: row.version.createdAt,
    minorEdit: row.version.minorEdit,
    contentTypeModified: false,
    collaborators: [row.version.authorId],
  };
  const prev = numbers.filter((x) => x < row.version.number).pop();
  const next = numbers.find((x) => x > row.version.number);
  if (prev !== undefined) out.prevVersion = prev;
  if (next !== undefined) out.nextVersion = next;
  return { status: 200, body: out };
}

// ---------------------------------------------------------------- labels

export function pageLabels(ctx: RequestContext, params: Record<string, string>): Reply {
  const page = livePage(ctx, params.id);
  if (isReply(page)) return page;
  const st = store(ctx);
  const limit = parseLimit(ctx.query, 250);
  if (typeof limit !== 'number') return limit;
  const prefix = enumParam(ctx.query, 'prefix', ['my', 'team', 'global', 'system'], 'LabelPrefix');
  if (isReply(prefix)) return prefix;
  const sort = sortParam(ctx.query, ['created-date', '-created-date', 'id', '-id', 'name', '-name'], 'id', 'LabelSortOrder');
  if (isReply(sort)) return sort;
  const defs = page.labels.map((l) => st.labelDef(l)).filter((d) => prefix === null || d.prefix === prefix);
  const spec: SortSpec<(typeof defs)[number]> = {
    field: sort.field,
    dir: sort.dir,
    value: (d) => (sort.field === 'name' ? d.name : Number(d.id)),
    id: (d) => d.id,
  };
  return paginate(ctx, sortBy(defs, spec), limit, spec, `/wiki/api/v2/pages/${page.id}/labels`, (d) => labelJson(st, d.name));
}
