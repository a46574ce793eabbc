// Comments, labels, attachments, search and users on Confluence Server/Data Center (v1 on the site
// root), answered in the Cloud types. Comments are content of type "comment" there.
import { openAsBlob } from 'node:fs';
import { AtlassianError } from '../http/atlassian-error.ts';
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import type { CommentKind } from './comments.ts';
import { attachmentOf, collectDc, commentOf, DC_API, startOf, type DcContent, type DcUser } from './dc.ts';
import type { SearchResult } from './search.ts';
import type { Attachment, Comment, Label } from './types.ts';
import type { ConfluenceUser } from './users.ts';

const enc = encodeURIComponent;
const COMMENT_EXPAND = 'body.storage,version,container,ancestors,extensions.inlineProperties,extensions.resolution';

export function dcListPageComments(http: AtlassianHttp, pageId: string, kind: CommentKind, limit: number, cursor?: string) {
  // depth=all: replies come too, as on Cloud's flat list they would not; keep only top-level ones.
  const query = { location: kind, expand: COMMENT_EXPAND, limit: Math.min(limit, 200), start: startOf(cursor) };
  return collectDc<DcContent, Comment>(http, `${DC_API}/content/${enc(pageId)}/child/comment`, query, limit, commentOf);
}

/** guess: DC lists a comment's replies as its comment children. */
export function dcListReplies(http: AtlassianHttp, commentId: string, limit: number) {
  return collectDc<DcContent, Comment>(http, `${DC_API}/content/${enc(commentId)}/child/comment`, { expand: COMMENT_EXPAND, limit: Math.min(limit, 200) }, limit, commentOf);
}

export async function dcGetComment(http: AtlassianHttp, commentId: string): Promise<{ comment: Comment; kind: CommentKind }> {
  const content = await http.get<DcContent>(`${DC_API}/content/${enc(commentId)}`, { expand: `${COMMENT_EXPAND},extensions.location` });
  return { comment: commentOf(content), kind: content.extensions?.location === 'inline' ? 'inline' : 'footer' };
}

/** A footer comment on a page, or a reply (whose container is the parent's page). */
export async function dcAddComment(http: AtlassianHttp, target: { pageId?: string; parentCommentId?: string }, storage: string): Promise<Comment> {
  let pageId = target.pageId;
  if (!pageId && target.parentCommentId) pageId = (await dcGetComment(http, target.parentCommentId)).comment.pageId;
  const json = {
    type: 'comment',
    container: { id: pageId, type: 'page' },
    ...(target.parentCommentId ? { ancestors: [{ id: target.parentCommentId }] } : {}),
    body: { storage: { value: storage, representation: 'storage' } },
  };
  const { body } = await http.request<DcContent>({ method: 'POST', path: `${DC_API}/content`, query: { expand: COMMENT_EXPAND }, json });
  return commentOf(body);
}

export function inlineCommentsCloudOnly(): AtlassianError {
  return new AtlassianError('unsupported', "Adding inline comments needs Confluence Cloud's API; on this Data Center site add a page comment (confluence_add_comment) instead.");
}

export function dcListLabels(http: AtlassianHttp, pageId: string, limit: number) {
  return collectDc<Label, Label>(http, `${DC_API}/content/${enc(pageId)}/label`, { limit: Math.min(limit, 200) }, limit, (l) => ({ id: l.id, name: l.name, prefix: l.prefix }));
}

export function dcListAttachments(http: AtlassianHttp, pageId: string, options: { limit: number; filename?: string; mediaType?: string; cursor?: string }) {
  const query = { filename: options.filename, mediaType: options.mediaType, limit: Math.min(options.limit, 200), start: startOf(options.cursor), expand: 'version,container' };
  return collectDc<DcContent, Attachment>(http, `${DC_API}/content/${enc(pageId)}/child/attachment`, query, options.limit, attachmentOf);
}

export async function dcGetAttachment(http: AtlassianHttp, id: string): Promise<Attachment> {
  return attachmentOf(await http.get<DcContent>(`${DC_API}/content/${enc(id)}`, { expand: 'version,container' }));
}

/** DC downloads through the attachment's own link (`/download/attachments/…`, relative to the site). */
export async function dcDownloadAttachment(http: AtlassianHttp, attachmentId: string) {
  const attachment = await dcGetAttachment(http, attachmentId);
  if (!attachment.downloadLink) throw new AtlassianError('not_found', `Attachment ${attachmentId} has no download link.`);
  return http.stream(attachment.downloadLink);
}

export async function dcUploadAttachment(http: AtlassianHttp, pageId: string, input: { path: string; filename: string; comment?: string; minorEdit?: boolean; mediaType?: string }) {
  const form = new FormData();
  form.append('file', await openAsBlob(input.path, input.mediaType ? { type: input.mediaType } : {}), input.filename);
  if (input.comment) form.append('comment', input.comment);
  form.append('minorEdit', String(input.minorEdit ?? true));
  const { body } = await http.request<{ results: DcContent[] }>({ method: 'PUT', path: `${DC_API}/content/${enc(pageId)}/child/attachment`, body: form, headers: { 'X-Atlassian-Token': 'no-check' } });
  const first = body.results[0];
  return first && { id: first.id, title: first.title, extensions: first.extensions, version: first.version };
}

export async function dcDeleteAttachment(http: AtlassianHttp, id: string): Promise<void> {
  await http.request({ method: 'DELETE', path: `${DC_API}/content/${enc(id)}` });
}

/** DC's search (same result shape as Cloud's v1 search). guess: older DC lacks siteSearch, so plain words search text. */
export function dcSearchContent(http: AtlassianHttp, cql: string, limit: number, cursor?: string) {
  const query = { cql: cql.replace(/\bsiteSearch\s*~/g, 'text ~'), limit: Math.min(limit, 100), start: startOf(cursor), excerpt: 'highlight' };
  return collectDc<SearchResult, SearchResult>(http, `${DC_API}/search`, query, limit, (r) => r);
}

/** DC users are found with type=user CQL; their id is the username. */
export function dcSearchUsers(http: AtlassianHttp, cql: string, limit: number) {
  const query = { cql: `type = user AND ${cql}`, limit: Math.min(limit, 100) };
  const map = (r: SearchResult & { user?: DcUser }): SearchResult => ({ ...r, ...(r.user ? { user: { accountId: r.user.username ?? r.user.userKey, displayName: r.user.displayName, email: r.user.email } } : {}) });
  return collectDc(http, `${DC_API}/search`, query, limit, map);
}

export async function dcCurrentUser(http: AtlassianHttp): Promise<ConfluenceUser> {
  const user = await http.get<DcUser>(`${DC_API}/user/current`);
  return { ...user, accountId: user.username ?? user.userKey };
}
