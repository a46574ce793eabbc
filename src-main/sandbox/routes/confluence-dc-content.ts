// Confluence Data Center's v1 content routes (spaces, pages, versions, comments), backed by the
// same store as the Cloud routes: a page written through one is read through the other.

import type { CommentRecord, PageRecord, TreeRecord } from '../confluence/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import { noContent } from './confluence-attachments.ts';
import { isReply, pageAt, store, v1Error } from './confluence-common.ts';
import { dcAttachment, dcComment, dcPage, dcPaged, dcSpace, dcVersion } from './confluence-dc-json.ts';
import { DUPLICATE_TITLE, purgeContent, storageFromBody } from './confluence-pages.ts';
import { updateContent } from './confluence-v1.ts';

type Params = Record<string, string>;

function spaceNotFound(key: string): Reply {
  return v1Error(404, `No space with key : ${key}`);
}

/** A page readers may see (current), or undefined. */
function livePage(ctx: RequestContext, id: string): PageRecord | undefined {
  const page = store(ctx).page(id);
  return page && page.status === 'current' ? page : undefined;
}

// ---------------------------------------------------------------- spaces

export function listSpaces(ctx: RequestContext): Reply {
  const keys = ctx.query.getAll('spaceKey').flatMap((k) => k.split(','));
  const type = ctx.query.get('type');
  const status = ctx.query.get('status');
  const spaces = store(ctx).spaces.filter((s) => (keys.length === 0 || keys.includes(s.key)) && (!type || s.type === type) && (!status || s.status === status));
  return dcPaged(ctx, '/rest/api/space', spaces, (s) => dcSpace(ctx, s));
}

export function getSpace(ctx: RequestContext, params: Params): Reply {
  const space = store(ctx).spaceByKey(params.key ?? '');
  return space ? { status: 200, body: dcSpace(ctx, space) } : spaceNotFound(params.key ?? '');
}

/** `/space/{key}/content/page?depth=root|all`: the pages of a space, top-down. */
export function spacePages(ctx: RequestContext, params: Params): Reply {
  const st = store(ctx);
  const space = st.spaceByKey(params.key ?? '');
  if (!space) return spaceNotFound(params.key ?? '');
  if (params.type !== 'page') return dcPaged(ctx, `/rest/api/space/${space.key}/content/${params.type ?? ''}`, [], (x) => x);
  const depth = ctx.query.get('depth') ?? 'all';
  const pages = [...st.data.pages.values()].filter((p) => p.spaceId === space.id && p.status === 'current' && (depth !== 'root' || p.parentId === undefined));
  return dcPaged(ctx, `/rest/api/space/${space.key}/content/page`, pages, (p) => dcPage(ctx, pageAt(p)!));
}

// ---------------------------------------------------------------- content

/** `/content?spaceKey&title&type=page`: current pages, by title when one is given. */
export function listContent(ctx: RequestContext): Reply {
  const st = store(ctx);
  const key = ctx.query.get('spaceKey');
  const space = key ? st.spaceByKey(key) : undefined;
  if (key && !space) return dcPaged(ctx, '/rest/api/content', [], (x) => x);
  const title = ctx.query.get('title');
  const type = ctx.query.get('type') ?? 'page';
  const pages = type !== 'page' ? [] : [...st.data.pages.values()].filter((p) => p.status === 'current' && (!space || p.spaceId === space.id) && (title === null || p.title === title));
  return dcPaged(ctx, '/rest/api/content', pages, (p) => dcPage(ctx, pageAt(p)!));
}

/** Any content by id: a page (`status=historical&version=N` for an older one), comment or attachment. */
export function getContent(ctx: RequestContext, params: Params): Reply {
  const st = store(ctx);
  const id = params.id ?? '';
  const page = st.page(id);
  if (page && page.status !== 'draft') {
    const raw = ctx.query.get('version');
    if (page.status === 'trashed' && ctx.query.get('status') !== 'trashed') return noContent(id);
    const view = pageAt(page, raw !== null ? Number(raw) : undefined);
    return view ? { status: 200, body: dcPage(ctx, view) } : noContent(id);
  }
  const comment = st.data.comments.get(id);
  if (comment && comment.status === 'current') return { status: 200, body: dcComment(ctx, comment) };
  const attachment = st.data.attachments.get(id);
  if (attachment && attachment.status === 'current') return { status: 200, body: dcAttachment(ctx, attachment) };
  return noContent(id);
}

function storageOf(body: unknown): string | Reply {
  const storage = storageFromBody((body as { storage?: unknown } | undefined)?.storage ?? undefined, false);
  if (!isReply(storage)) return storage;
  const detail = (storage.body as { errors?: { title?: string }[] }).errors?.[0]?.title ?? 'The body is not valid storage format.';
  return v1Error(400, detail);
}

/** POST /content: a page (`space.key`, `ancestors[0].id`) or a comment (`container.id`). */
export function createContent(ctx: RequestContext): Reply {
  const b = ctx.body as { type?: unknown; title?: unknown; space?: { key?: unknown }; ancestors?: { id?: unknown }[]; container?: { id?: unknown }; body?: unknown; status?: unknown } | undefined;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return v1Error(400, 'The body must be a JSON object.');
  if (b.type === 'comment') return createComment(ctx, b);
  if (b.type !== 'page') return v1Error(400, `Unsupported content type: ${String(b.type)}`);
  const st = store(ctx);
  const space = typeof b.space?.key === 'string' ? st.spaceByKey(b.space.key) : undefined;
  if (!space) return v1Error(400, 'Could not create content with type page: space is required and must exist.');
  const title = typeof b.title === 'string' ? b.title.trim() : '';
  if (title === '' || title.length > 255) return v1Error(400, 'A page title is required and must be at most 255 characters.');
  if (st.pageByTitle(space.id, title)) return v1Error(400, DUPLICATE_TITLE);
  const parentId = b.ancestors?.[0]?.id;
  const parent = typeof parentId === 'string' || typeof parentId === 'number' ? livePage(ctx, String(parentId)) : undefined;
  if (parentId !== undefined && (!parent || parent.spaceId !== space.id)) return v1Error(400, `Could not find the parent page ${String(parentId)} in space ${space.key}.`);
  const storage = storageOf(b.body);
  if (isReply(storage)) return storage;
  const now = new Date().toISOString();
  const version = { number: 1, message: '', minorEdit: false, authorId: ctx.user.accountId, createdAt: now };
  // guess: without ancestors DC creates the page at the top level of the space (Cloud v2 puts it under the home page).
  const page: PageRecord = { id: st.newId(), type: 'page', spaceId: space.id, status: 'current', title, parentId: parent?.id, position: st.endPosition(parent?.id, space.id), authorId: ctx.user.accountId, ownerId: ctx.user.accountId, createdAt: now, body: storage, version, history: [], labels: [] };
  st.data.pages.set(page.id, page);
  return { status: 200, body: dcPage(ctx, pageAt(page)!) };
}

function createComment(ctx: RequestContext, b: { container?: { id?: unknown }; ancestors?: { id?: unknown }[]; body?: unknown }): Reply {
  const st = store(ctx);
  const page = livePage(ctx, String(b.container?.id ?? ''));
  if (!page) return v1Error(400, 'A comment needs a container: the id of a current page.');
  const parentId = b.ancestors?.[0]?.id;
  const parent = parentId !== undefined ? st.data.comments.get(String(parentId)) : undefined;
  if (parentId !== undefined && (!parent || parent.pageId !== page.id)) return v1Error(400, `Comment ${String(parentId)} is not a comment on page ${page.id}.`);
  const storage = storageOf(b.body);
  if (isReply(storage)) return storage;
  const now = new Date().toISOString();
  const comment: CommentRecord = { id: st.newId(), kind: parent?.kind ?? 'footer', pageId: page.id, parentCommentId: parent?.id, status: 'current', body: storage, authorId: ctx.user.accountId, createdAt: now, version: { number: 1, message: '', minorEdit: false, authorId: ctx.user.accountId, createdAt: now } };
  st.data.comments.set(comment.id, comment);
  return { status: 200, body: dcComment(ctx, comment) };
}

/** PUT /content/{id}: the Cloud v1 rules (version.number + 1), a new parent through `ancestors`, a DC answer. */
export function updateContentDc(ctx: RequestContext, params: Params): Reply {
  const st = store(ctx);
  const node = st.page(params.id ?? '');
  if (!node) return noContent(params.id ?? '');
  const parentId = (ctx.body as { ancestors?: { id?: unknown }[] } | undefined)?.ancestors?.[0]?.id;
  const parent: TreeRecord | undefined = parentId !== undefined ? livePage(ctx, String(parentId)) : undefined;
  if (parentId !== undefined && (!parent || st.isSelfOrDescendant(node.id, parent.id))) return v1Error(400, `The page cannot move under ${String(parentId)}.`);
  const reply = updateContent(ctx, params);
  if (reply.status !== 200) return reply;
  if (parent && parent.id !== node.parentId) st.place(node, 'append', parent);
  return { status: 200, body: dcPage(ctx, pageAt(node)!) };
}

/** DELETE /content/{id}: pages go to the trash (`status=trashed` purges them); comments and attachments go. */
export function deleteContent(ctx: RequestContext, params: Params): Reply {
  const st = store(ctx);
  const id = params.id ?? '';
  const page = st.page(id);
  if (page) {
    if (ctx.query.get('status') === 'trashed') {
      if (page.status !== 'trashed') return v1Error(400, `Content ${id} is not in the trash.`);
      purgeContent(st, id);
    } else if (page.status === 'current') st.trash(page);
    else return noContent(id);
    return { status: 204 };
  }
  const item = st.data.comments.get(id) ?? st.data.attachments.get(id);
  if (!item || item.status !== 'current') return noContent(id);
  item.status = 'trashed';
  return { status: 204 };
}

// ---------------------------------------------------------------- children, versions, history

export function childPages(ctx: RequestContext, params: Params): Reply {
  const st = store(ctx);
  const page = livePage(ctx, params.id ?? '');
  if (!page) return noContent(params.id ?? '');
  // Pages inside a folder count as children of the page above the folder (DC has no folders).
  const kids = st.descendants(page.id).filter((d) => d.node.type === 'page' && st.ancestors(d.node.id).filter((a) => a.type === 'page').at(-1)?.id === page.id);
  return dcPaged(ctx, `/rest/api/content/${page.id}/child/page`, kids, (d) => dcPage(ctx, pageAt(d.node as PageRecord)!));
}

/** Comments of a page (top level; `depth=all` for replies too), or the replies of a comment. */
export function childComments(ctx: RequestContext, params: Params): Reply {
  const st = store(ctx);
  const id = params.id ?? '';
  const location = ctx.query.get('location');
  const all = [...st.data.comments.values()].filter((c) => c.status === 'current');
  let list: CommentRecord[];
  if (livePage(ctx, id)) {
    list = all.filter((c) => c.pageId === id && (ctx.query.get('depth') === 'all' || c.parentCommentId === undefined) && (!location || c.kind === location));
  } else if (st.data.comments.get(id)?.status === 'current') {
    list = all.filter((c) => c.parentCommentId === id);
  } else return noContent(id);
  return dcPaged(ctx, `/rest/api/content/${id}/child/comment`, list, (c) => dcComment(ctx, c));
}

/** guess: DC 8's `/content/{id}/version`, newest first (older sites: /rest/experimental). */
export function pageVersions(ctx: RequestContext, params: Params): Reply {
  const page = store(ctx).page(params.id ?? '');
  if (!page || page.status === 'trashed') return noContent(params.id ?? '');
  const versions = [page.version, ...[...page.history].reverse().map((h) => h.version)];
  return dcPaged(ctx, `/rest/api/content/${page.id}/version`, versions, (v) => dcVersion(ctx, page.id, v));
}

export function pageHistory(ctx: RequestContext, params: Params): Reply {
  const st = store(ctx);
  const page = livePage(ctx, params.id ?? '');
  if (!page) return noContent(params.id ?? '');
  const previous = page.history.at(-1)?.version;
  return {
    status: 200,
    body: {
      latest: true,
      createdBy: dcVersion(ctx, page.id, page.history[0]?.version ?? page.version).by,
      createdDate: page.createdAt,
      lastUpdated: dcVersion(ctx, page.id, page.version),
      ...(previous ? { previousVersion: dcVersion(ctx, page.id, previous) } : {}),
      contributors: { publishers: { users: [st.user(page.authorId)].filter(Boolean).map((u) => ({ username: u!.dc.username })) } },
    },
  };
}
