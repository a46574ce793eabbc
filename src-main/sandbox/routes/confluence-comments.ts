// Confluence v2 footer and inline comments: page lists (root comments), single comments, replies,
// and creation (an inline comment must anchor on text that is really on the page).

import { randomUUID } from 'node:crypto';
import type { CommentRecord } from '../confluence/model.ts';
import { parseStorage, serialize, textOccurrences, wrapOccurrence } from '../confluence/storage.ts';
import type { Reply, RequestContext } from '../types.ts';
import {
  badParameter,
  commentJson,
  enumParam,
  includeFlags,
  isReply,
  jsonObject,
  listParam,
  numericId,
  paginate,
  parseLimit,
  PRIMARY_BODY_FORMATS,
  SINGLE_BODY_FORMATS,
  sortBy,
  sortParam,
  store,
  v2BadRequest,
  v2NotFound,
  wikiBase,
  type SortSpec,
} from './confluence-common.ts';
import { livePage, storageFromBody } from './confluence-pages.ts';

type Kind = 'footer' | 'inline';
const COMMENT_SORTS = ['created-date', '-created-date', 'modified-date', '-modified-date'];
const COMMENT_STATUSES = ['current', 'archived', 'trashed', 'deleted', 'historical', 'draft'];
const RESOLUTIONS = ['resolved', 'open', 'dangling', 'reopened'];

function commentSpec(field: string, dir: 1 | -1): SortSpec<CommentRecord> {
  return { field, dir, value: (c) => (field === 'created-date' ? c.createdAt : c.version.createdAt), id: (c) => c.id };
}

function listReply(ctx: RequestContext, items: CommentRecord[], wikiPath: string, shape: 'page-list' | 'children'): Reply {
  const limit = parseLimit(ctx.query, 250);
  if (typeof limit !== 'number') return limit;
  const sort = sortParam(ctx.query, COMMENT_SORTS, 'created-date', 'CommentSortOrder');
  if (isReply(sort)) return sort;
  const bodyFormat = enumParam(ctx.query, 'body-format', PRIMARY_BODY_FORMATS, 'PrimaryBodyRepresentation');
  if (isReply(bodyFormat)) return bodyFormat;
  const spec = commentSpec(sort.field, sort.dir);
  return paginate(ctx, sortBy(items, spec), limit, spec, wikiPath, (c) => commentJson(ctx, c, shape, bodyFormat));
}

function pageComments(kind: Kind) {
  return (ctx: RequestContext, params: Record<string, string>): Reply => {
    const page = livePage(ctx, params.id);
    if (isReply(page)) return page;
    const statuses = listParam(ctx.query, 'status') ?? ['current'];
    if (statuses.some((s) => !COMMENT_STATUSES.includes(s))) return badParameter('status', 'ContentStatus');
    const resolutions = kind === 'inline' ? listParam(ctx.query, 'resolution-status') : undefined;
    if (resolutions?.some((r) => !RESOLUTIONS.includes(r))) return badParameter('resolution-status', 'InlineCommentResolutionStatus');
    const items = [...store(ctx).data.comments.values()].filter(
      (c) =>
        c.pageId === page.id &&
        c.kind === kind &&
        c.parentCommentId === undefined &&
        statuses.includes(c.status) &&
        (resolutions === undefined || resolutions.includes(c.resolutionStatus ?? 'open')),
    );
    return listReply(ctx, items, `/wiki/api/v2/pages/${page.id}/${kind}-comments`, 'page-list');
  };
}

export const pageFooterComments = pageComments('footer');
export const pageInlineComments = pageComments('inline');

function liveComment(ctx: RequestContext, raw: string | undefined, kind: Kind, name = 'comment-id'): CommentRecord | Reply {
  const id = numericId(raw, name);
  if (isReply(id)) return id;
  const c = store(ctx).data.comments.get(id);
  if (!c || c.kind !== kind || c.status !== 'current') return v2NotFound();
  const page = store(ctx).page(c.pageId);
  if (!page || page.status === 'trashed') return v2NotFound();
  return c;
}

function getComment(kind: Kind) {
  return (ctx: RequestContext, params: Record<string, string>): Reply => {
    const bodyFormat = enumParam(ctx.query, 'body-format', SINGLE_BODY_FORMATS, 'PrimaryBodyRepresentationSingle');
    if (isReply(bodyFormat)) return bodyFormat;
    const flags = includeFlags(ctx, ['include-properties', 'include-operations', 'include-likes', 'include-versions', 'include-version']);
    if (isReply(flags)) return flags;
    const rawVersion = ctx.query.get('version');
    if (rawVersion !== null && !/^\d+$/.test(rawVersion)) return badParameter('version', 'Integer');
    const c = liveComment(ctx, params['comment-id'], kind);
    if (isReply(c)) return c;
    if (rawVersion !== null && Number(rawVersion) !== c.version.number) return v2NotFound();
    const body = commentJson(ctx, c, 'single', bodyFormat);
    if (!flags['include-version']) delete body.version;
    return { status: 200, body };
  };
}

export const getFooterComment = getComment('footer');
export const getInlineComment = getComment('inline');

function commentChildren(kind: Kind) {
  return (ctx: RequestContext, params: Record<string, string>): Reply => {
    const parent = liveComment(ctx, params.id, kind, 'id');
    if (isReply(parent)) return parent;
    const items = [...store(ctx).data.comments.values()].filter((c) => c.parentCommentId === parent.id && c.status === 'current');
    return listReply(ctx, items, `/wiki/api/v2/${kind}-comments/${parent.id}/children`, 'children');
  };
}

export const footerCommentChildren = commentChildren('footer');
export const inlineCommentChildren = commentChildren('inline');

// ---------------------------------------------------------------- POST

function createComment(kind: Kind) {
  return (ctx: RequestContext): Reply => {
    const st = store(ctx);
    const b = jsonObject(ctx);
    if (isReply(b)) return b;
    for (const unsupported of ['blogPostId', 'attachmentId', 'customContentId']) {
      if (b[unsupported] !== undefined) return v2NotFound();
    }
    const hasPage = b.pageId !== undefined && b.pageId !== null;
    const hasParent = b.parentCommentId !== undefined && b.parentCommentId !== null;
    if (hasPage === hasParent) return v2BadRequest('Exactly one of pageId or parentCommentId must be given.');
    let pageId: string;
    let parent: CommentRecord | undefined;
    if (hasParent) {
      if (typeof b.parentCommentId !== 'string' || !/^\d+$/.test(b.parentCommentId)) return v2BadRequest('parentCommentId must be the id of a comment');
      const p = liveComment(ctx, b.parentCommentId, kind, 'parentCommentId');
      if (isReply(p)) return p;
      parent = p;
      pageId = p.pageId;
    } else {
      if (typeof b.pageId !== 'string' || !/^\d+$/.test(b.pageId)) return v2BadRequest('pageId must be the id of a page');
      const page = st.page(b.pageId);
      if (!page || page.status !== 'current') return v2NotFound();
      pageId = page.id;
    }
    const storage = storageFromBody(b.body, true);
    if (isReply(storage)) return storage;
    if (storage.trim() === '') return v2BadRequest('Comment body cannot be empty.');

    const now = new Date().toISOString();
    const rec: CommentRecord = {
      id: st.newId(),
      kind,
      pageId,
      parentCommentId: parent?.id,
      status: 'current',
      body: storage,
      authorId: ctx.user.accountId,
      createdAt: now,
      version: { number: 1, message: '', minorEdit: false, authorId: ctx.user.accountId, createdAt: now },
    };
    if (kind === 'inline') {
      rec.resolutionStatus = 'open';
      if (!parent) {
        const anchored = anchorInline(ctx, pageId, b.inlineCommentProperties);
        if (isReply(anchored)) return anchored;
        rec.inlineMarkerRef = anchored.ref;
        rec.inlineOriginalSelection = anchored.selection;
      }
    }
    st.data.comments.set(rec.id, rec);
    return {
      status: 201,
      body: commentJson(ctx, rec, 'single', 'storage'),
      headers: { Location: `${wikiBase(ctx)}/api/v2/${kind}-comments/${rec.id}` },
    };
  };
}

/** Finds the selection on the page and wraps it in an inline-comment marker (no new page version). */
function anchorInline(ctx: RequestContext, pageId: string, props: unknown): { ref: string; selection: string } | Reply {
  if (typeof props !== 'object' || props === null) {
    return v2BadRequest('inlineCommentProperties are required for an inline comment on a page.');
  }
  const p = props as Record<string, unknown>;
  const selection = p.textSelection;
  const count = p.textSelectionMatchCount;
  const index = p.textSelectionMatchIndex;
  if (typeof selection !== 'string' || selection.trim() === '') return v2BadRequest('inlineCommentProperties.textSelection is required.');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    return v2BadRequest('inlineCommentProperties.textSelectionMatchCount must be a positive integer.');
  }
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count) {
    return v2BadRequest('inlineCommentProperties.textSelectionMatchIndex must be at least 0 and less than textSelectionMatchCount.');
  }
  const page = store(ctx).page(pageId)!;
  const nodes = parseStorage(page.body);
  const found = textOccurrences(nodes, selection);
  const occ = found[index];
  if (found.length === 0 || occ === undefined) {
    return v2BadRequest(`Cannot create the inline comment: the text selection was not found on the page (${found.length} match${found.length === 1 ? '' : 'es'}).`);
  }
  const ref = randomUUID();
  wrapOccurrence(occ, selection.length, ref);
  page.body = serialize(nodes);
  return { ref, selection };
}

export const createFooterComment = createComment('footer');
export const createInlineComment = createComment('inline');
