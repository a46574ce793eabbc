// JSON shapes of Confluence Data Center's v1 REST API, built from the same store the Cloud routes
// use: users by username/userKey, links relative to `${dcUrl}/confluence`, start/limit paging, and
// the `expand` parameter deciding which parts come along. Close to Cloud's v1 (confluence-v1.json).

import type { AttachmentRecord, CommentRecord, PageRecord, VersionInfo } from '../confluence/model.ts';
import type { SeedUser } from '../seed.ts';
import type { Reply, RequestContext, SpaceRecord } from '../types.ts';
import { bodyOf, friendlyDate, renderContext, store, v1Error, type PageView } from './confluence-common.ts';

export const CONTEXT = '/confluence';

export function dcBase(ctx: RequestContext): string {
  return `${ctx.urls.dcUrl}${CONTEXT}`;
}

/** The `expand` parameter as a set of dotted names (`body.storage`, `version`, …). */
export function expands(ctx: RequestContext): Set<string> {
  return new Set((ctx.query.get('expand') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''));
}

export function dcUser(ctx: RequestContext, u: SeedUser | undefined): Record<string, unknown> {
  if (!u) return { type: 'anonymous', profilePicture: { path: `${CONTEXT}/images/icons/profilepics/anonymous.svg`, width: 48, height: 48, isDefault: true }, displayName: 'Anonymous' };
  return {
    type: 'known',
    username: u.dc.username,
    userKey: u.dc.confluenceUserKey,
    profilePicture: { path: `${CONTEXT}/images/icons/profilepics/default.svg`, width: 48, height: 48, isDefault: true },
    displayName: u.displayName,
    _links: { self: `${dcBase(ctx)}/rest/api/user?key=${u.dc.confluenceUserKey}` },
  };
}

export function dcVersion(ctx: RequestContext, contentId: string, v: Pick<VersionInfo, 'number' | 'createdAt' | 'authorId' | 'message' | 'minorEdit'>): Record<string, unknown> {
  return {
    by: dcUser(ctx, store(ctx).user(v.authorId)),
    when: v.createdAt,
    friendlyWhen: friendlyDate(v.createdAt),
    message: v.message,
    number: v.number,
    minorEdit: v.minorEdit,
    // guess: DC 7.x+ also sends `hidden` and `syncRev`; Tether reads neither.
    _links: { self: `${dcBase(ctx)}/rest/experimental/content/${contentId}/version/${v.number}` },
  };
}

export function dcSpace(ctx: RequestContext, s: SpaceRecord, ex = expands(ctx)): Record<string, unknown> {
  const home = store(ctx).page(s.homepageId);
  return {
    id: Number(s.id),
    key: s.key,
    name: s.name,
    type: s.type,
    status: s.status,
    ...(ex.has('description.plain') ? { description: { plain: { value: s.description ?? '', representation: 'plain', embeddedContent: [] } } } : {}),
    ...(ex.has('homepage') && home ? { homepage: { id: home.id, type: 'page', status: home.status, title: home.title } } : {}),
    _links: { webui: `/display/${s.key}`, self: `${dcBase(ctx)}/rest/api/space/${s.key}` },
    _expandable: { metadata: '', icon: '', description: '', retentionPolicy: '', homepage: `/rest/api/content/${s.homepageId}` },
  };
}

/** Page ancestors, top-down; folders do not exist on DC, so pages under one hang from the page above it. */
function pageAncestors(ctx: RequestContext, id: string): Array<Record<string, unknown>> {
  return store(ctx)
    .ancestors(id)
    .filter((a) => a.type === 'page')
    .map((a) => ({ id: a.id, type: 'page', status: a.status, title: a.title }));
}

export function pageWebui(page: { id: string }): string {
  return `/pages/viewpage.action?pageId=${page.id}`;
}

/** A page (or a historical version of it) as DC content, with what `expand` asks for. */
export function dcPage(ctx: RequestContext, view: PageView, ex = expands(ctx)): Record<string, unknown> {
  const st = store(ctx);
  const { page } = view;
  const space = st.space(page.spaceId);
  const out: Record<string, unknown> = { id: page.id, type: 'page', status: view.status, title: view.title };
  if (ex.has('space') && space) out.space = dcSpace(ctx, space, new Set());
  if (ex.has('history')) out.history = { latest: view.status === 'current', createdBy: dcUser(ctx, st.user(page.authorId)), createdDate: page.createdAt };
  if (ex.has('version')) out.version = dcVersion(ctx, page.id, view.version);
  if (ex.has('ancestors')) out.ancestors = pageAncestors(ctx, page.id);
  if (ex.has('container') && space) out.container = { id: Number(space.id), key: space.key, name: space.name, type: space.type };
  if (ex.has('metadata.labels')) out.metadata = { labels: { results: page.labels.map((n) => labelJson(ctx, n)), start: 0, limit: 200, size: page.labels.length } };
  const body: Record<string, unknown> = {};
  for (const format of ['storage', 'view', 'export_view', 'styled_view', 'editor']) {
    if (ex.has(`body.${format}`)) Object.assign(body, bodyOf(format, view.body, renderContext(st, page), view.title));
  }
  if (Object.keys(body).length > 0) out.body = body;
  out.extensions = { position: page.position };
  out._links = { webui: pageWebui(page), edit: `/pages/resumedraft.action?draftId=${page.id}`, tinyui: `/x/${page.id}`, self: `${dcBase(ctx)}/rest/api/content/${page.id}` };
  out._expandable = { children: `/rest/api/content/${page.id}/child`, descendants: `/rest/api/content/${page.id}/descendant`, restrictions: `/rest/api/content/${page.id}/restriction/byOperation` };
  return out;
}

export function labelJson(ctx: RequestContext, name: string): Record<string, unknown> {
  const def = store(ctx).labelDef(name);
  return { prefix: def.prefix, name: def.name, id: def.id, label: def.name };
}

function shortPage(page: PageRecord | undefined): Record<string, unknown> | undefined {
  return page && { id: page.id, type: 'page', status: page.status, title: page.title, _links: { webui: pageWebui(page) } };
}

export function dcComment(ctx: RequestContext, c: CommentRecord, ex = expands(ctx)): Record<string, unknown> {
  const st = store(ctx);
  const page = st.page(c.pageId);
  const parents: CommentRecord[] = [];
  for (let p = c.parentCommentId && st.data.comments.get(c.parentCommentId); p; p = p.parentCommentId ? st.data.comments.get(p.parentCommentId) : undefined) parents.unshift(p);
  const inline = c.kind === 'inline' ? { inlineProperties: { originalSelection: c.inlineOriginalSelection ?? '', markerRef: c.inlineMarkerRef ?? '' } } : {};
  return {
    id: c.id,
    type: 'comment',
    status: c.status,
    title: `Re: ${page?.title ?? ''}`,
    ...(ex.has('container') ? { container: shortPage(page) } : {}),
    ...(ex.has('ancestors') ? { ancestors: parents.map((p) => ({ id: p.id, type: 'comment', status: p.status, title: `Re: ${page?.title ?? ''}` })) } : {}),
    ...(ex.has('version') ? { version: dcVersion(ctx, c.id, c.version) } : {}),
    ...(ex.has('body.storage') ? { body: { storage: { value: c.body, representation: 'storage' } } } : {}),
    // guess: DC sends resolution only for inline comments, as {status, lastModifier, lastModifiedDate}.
    extensions: { location: c.kind, ...inline, ...(c.kind === 'inline' && c.resolutionStatus ? { resolution: { status: c.resolutionStatus } } : {}) },
    _links: { webui: `${pageWebui({ id: c.pageId })}&focusedCommentId=${c.id}#comment-${c.id}`, self: `${dcBase(ctx)}/rest/api/content/${c.id}` },
  };
}

/** DC's download link: relative to the site, without Cloud's `api=v2`. */
export function dcDownloadLink(a: AttachmentRecord): string {
  const v = a.versions[a.versions.length - 1]!;
  return `/download/attachments/${a.pageId}/${encodeURIComponent(a.title)}?version=${v.number}&modificationDate=${Date.parse(v.createdAt)}`;
}

export function dcAttachment(ctx: RequestContext, a: AttachmentRecord, ex = expands(ctx)): Record<string, unknown> {
  const v = a.versions[a.versions.length - 1]!;
  return {
    id: a.id,
    type: 'attachment',
    status: a.status,
    title: a.title,
    ...(ex.has('container') ? { container: shortPage(store(ctx).page(a.pageId)) } : {}),
    ...(ex.has('version') ? { version: dcVersion(ctx, a.id, { ...v, message: v.comment }) } : {}),
    metadata: { mediaType: v.mediaType, comment: v.comment },
    extensions: { mediaType: v.mediaType, fileSize: v.bytes.length, comment: v.comment },
    _links: { webui: `/pages/viewpageattachments.action?pageId=${a.pageId}&preview=${encodeURIComponent(`/${a.pageId}/${a.id}/${a.title}`)}`, download: dcDownloadLink(a), self: `${dcBase(ctx)}/rest/api/content/${a.id}` },
  };
}

/** start/limit paging with `_links.next` relative to the base, the other parameters kept. */
export function dcPaged<T>(ctx: RequestContext, path: string, all: T[], map: (t: T) => unknown, maxLimit = 200): Reply {
  const start = Number(ctx.query.get('start') ?? 0);
  const limitRaw = Number(ctx.query.get('limit') ?? 25);
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(limitRaw) || limitRaw < 0) return v1Error(400, 'start and limit must be whole numbers of 0 or more.');
  // guess: DC caps limit silently (200 for content lists) rather than refusing a larger one.
  const limit = Math.min(limitRaw, maxLimit);
  const results = all.slice(start, start + limit).map(map);
  const others = [...ctx.query].filter(([k]) => k !== 'start' && k !== 'limit').map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  const links: Record<string, string> = { base: dcBase(ctx), context: CONTEXT, self: `${dcBase(ctx)}${path}` };
  if (start + limit < all.length && limit > 0) links.next = `${path}?${[...others, `limit=${limit}`, `start=${start + limit}`].join('&')}`;
  return { status: 200, body: { results, start, limit, size: results.length, _links: links } };
}
