// Footer and inline comments and their replies (v2; Data Center through dc-content.ts).
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import * as dc from './dc-content.ts';
import { isDataCenter } from './dc.ts';
import type { Comment } from './types.ts';

const V2 = '/wiki/api/v2';

export type CommentKind = 'footer' | 'inline';

export function listPageComments(http: AtlassianHttp, pageId: string, kind: CommentKind, limit: number, cursor?: string) {
  if (isDataCenter(http)) return dc.dcListPageComments(http, pageId, kind, limit, cursor);
  return http.collect<Comment>(`${V2}/pages/${encodeURIComponent(pageId)}/${kind}-comments`, { 'body-format': 'storage', limit: Math.min(limit, 250), cursor }, limit);
}

export function listReplies(http: AtlassianHttp, commentId: string, kind: CommentKind, limit: number) {
  if (isDataCenter(http)) return dc.dcListReplies(http, commentId, limit);
  return http.collect<Comment>(`${V2}/${kind}-comments/${encodeURIComponent(commentId)}/children`, { 'body-format': 'storage', limit: Math.min(limit, 250) }, limit);
}

/** Finds a comment by id whichever kind it is (footer first, the common case). */
export async function getComment(http: AtlassianHttp, commentId: string): Promise<{ comment: Comment; kind: CommentKind }> {
  if (isDataCenter(http)) return dc.dcGetComment(http, commentId);
  try {
    return { comment: await http.get<Comment>(`${V2}/footer-comments/${encodeURIComponent(commentId)}`, { 'body-format': 'storage' }), kind: 'footer' };
  } catch (error) {
    if ((error as { kind?: string }).kind !== 'not_found') throw error;
    return { comment: await http.get<Comment>(`${V2}/inline-comments/${encodeURIComponent(commentId)}`, { 'body-format': 'storage' }), kind: 'inline' };
  }
}

export async function addFooterComment(http: AtlassianHttp, target: { pageId?: string; parentCommentId?: string }, storage: string): Promise<Comment> {
  if (isDataCenter(http)) return dc.dcAddComment(http, target, storage);
  const { body } = await http.request<Comment>({ method: 'POST', path: `${V2}/footer-comments`, json: { ...target, body: { representation: 'storage', value: storage } } });
  return body;
}

export async function addInlineComment(http: AtlassianHttp, input: { pageId?: string; parentCommentId?: string; storage: string; selection?: { text: string; matchCount: number; matchIndex: number } }): Promise<Comment> {
  if (isDataCenter(http)) {
    // A reply to an inline comment is an ordinary comment reply on DC; a new inline comment is not possible.
    if (input.parentCommentId && !input.pageId) return dc.dcAddComment(http, { parentCommentId: input.parentCommentId }, input.storage);
    throw dc.inlineCommentsCloudOnly();
  }
  const { body } = await http.request<Comment>({
    method: 'POST',
    path: `${V2}/inline-comments`,
    json: {
      ...(input.pageId ? { pageId: input.pageId } : {}),
      ...(input.parentCommentId ? { parentCommentId: input.parentCommentId } : {}),
      body: { representation: 'storage', value: input.storage },
      ...(input.selection ? { inlineCommentProperties: { textSelection: input.selection.text, textSelectionMatchCount: input.selection.matchCount, textSelectionMatchIndex: input.selection.matchIndex } } : {}),
    },
  });
  return body;
}
