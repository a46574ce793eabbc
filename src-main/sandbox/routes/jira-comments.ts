// Comments of an issue: list (startAt/maxResults, orderBy created), get, add (201), edit (200),
// delete (204). Bodies are ADF on v3 and wiki markup on v2. Only the author or a project
// administrator may edit or delete a comment.

import { adfPlainText } from '../jira/adf.ts';
import type { CommentRecord, IssueRecord } from '../jira/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import { api, expands, findIssue, intParam, isObject, isReply, jiraError, jsonBody, richIn, store } from './jira-common.ts';
import { commentJson } from './jira-json.ts';

export function listComments(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const startAt = intParam(ctx, 'startAt', 0);
  if (isReply(startAt)) return startAt;
  const maxResults = intParam(ctx, 'maxResults', 100, 5000);
  if (isReply(maxResults)) return maxResults;
  const order = ctx.query.get('orderBy');
  if (order !== null && !['created', '-created', '+created'].includes(order)) return jiraError(400, [`Invalid orderBy value '${order}'.`]); // guess
  const a = api(ctx);
  const s = store(ctx);
  const all = s.commentsOf(issue.id);
  if (order === '-created') all.reverse();
  const expand = expands(ctx);
  return {
    status: 200,
    body: { startAt, maxResults, total: all.length, comments: all.slice(startAt, startAt + maxResults).map((c) => commentJson(a, s, issue, c, expand)) },
  };
}

function findComment(ctx: RequestContext, issue: IssueRecord, id: string | undefined): CommentRecord | Reply {
  const c = id === undefined ? undefined : store(ctx).data.comments.get(id);
  if (!c || c.issueId !== issue.id) return jiraError(404, [`Can not find a comment for the id: ${id ?? ''}.`]); // guess at the sentence
  return c;
}

export function getComment(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const c = findComment(ctx, issue, params.id);
  if (isReply(c)) return c;
  return { status: 200, body: commentJson(api(ctx), store(ctx), issue, c, expands(ctx)) };
}

/** The body and visibility of an add/edit request, or Jira's 400. */
function commentInput(ctx: RequestContext): { body: CommentRecord['body']; visibility: CommentRecord['visibility'] | undefined } | Reply {
  const json = jsonBody(ctx);
  if (isReply(json)) return json;
  if (json.body === undefined || json.body === null) return jiraError(400, [], { comment: 'Comment body can not be empty!' });
  const body = richIn(api(ctx), store(ctx), json.body);
  if ('error' in body) return jiraError(400, [], { comment: body.error });
  if (body.doc === null || adfPlainText(body.doc).trim() === '') return jiraError(400, [], { comment: 'Comment body can not be empty!' });
  let visibility: CommentRecord['visibility'] | undefined;
  if (json.visibility !== undefined) {
    const v = json.visibility;
    if (v === null) visibility = null;
    else if (!isObject(v) || (v.type !== 'group' && v.type !== 'role') || typeof (v.value ?? v.identifier) !== 'string') {
      return jiraError(400, [], { commentLevel: 'You are currently not a member of the project role or group specified.' }); // guess
    } else visibility = { type: v.type, value: String(v.value ?? v.identifier) };
  }
  return { body: body.doc, visibility };
}

export function addComment(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const input = commentInput(ctx);
  if (isReply(input)) return input;
  const s = store(ctx);
  const id = String(s.nextId('comment'));
  const now = new Date().toISOString();
  const c: CommentRecord = { id, issueId: issue.id, authorId: ctx.user.accountId, updateAuthorId: ctx.user.accountId, body: input.body, created: now, updated: now, visibility: input.visibility ?? null };
  s.data.comments.set(id, c);
  issue.updated = now;
  return { status: 201, body: commentJson(api(ctx), s, issue, c, expands(ctx)) };
}

function mayChange(ctx: RequestContext, issue: IssueRecord, c: CommentRecord): boolean {
  const s = store(ctx);
  return c.authorId === ctx.user.accountId || s.isAdmin(s.projectOf(issue), ctx.user.accountId);
}

export function updateComment(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const c = findComment(ctx, issue, params.id);
  if (isReply(c)) return c;
  if (!mayChange(ctx, issue, c)) return jiraError(403, ['You do not have the permission to edit this comment.']); // guess at the sentence
  const input = commentInput(ctx);
  if (isReply(input)) return input;
  c.body = input.body;
  if (input.visibility !== undefined) c.visibility = input.visibility;
  c.updateAuthorId = ctx.user.accountId;
  c.updated = new Date().toISOString();
  issue.updated = c.updated;
  return { status: 200, body: commentJson(api(ctx), store(ctx), issue, c, expands(ctx)) };
}

export function deleteComment(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const c = findComment(ctx, issue, params.id);
  if (isReply(c)) return c;
  if (!mayChange(ctx, issue, c)) return jiraError(403, ['You do not have the permission to delete this comment.']); // guess at the sentence
  store(ctx).data.comments.delete(c.id);
  return { status: 204 };
}
