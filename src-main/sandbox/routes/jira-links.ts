// Issue links and remote links. POST /issueLink takes Jira's confusingly named sides: the
// request's inwardIssue is the link's source — `{type: Blocks, inwardIssue: A, outwardIssue: B}`
// means "A blocks B", so A then lists B as its outwardIssue and B lists A as its inwardIssue.

import { LINK_TYPES, byId, byIdOrName } from '../jira/catalog.ts';
import type { IssueRecord, RemoteLinkRecord } from '../jira/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import { api, findIssue, isObject, isReply, jiraError, jsonBody, richIn, store } from './jira-common.ts';
import { issueRef } from './jira-issue-json.ts';
import { linkTypeJson } from './jira-json.ts';

export function listLinkTypes(ctx: RequestContext): Reply {
  const a = api(ctx);
  return { status: 200, body: { issueLinkTypes: LINK_TYPES.map((t) => linkTypeJson(a, t)) } };
}

export function getLinkType(ctx: RequestContext, params: Record<string, string>): Reply {
  const t = byId(LINK_TYPES, params.issueLinkTypeId);
  if (!t) return jiraError(404, [`No issue link type with id '${params.issueLinkTypeId ?? ''}' found.`]);
  return { status: 200, body: linkTypeJson(api(ctx), t) };
}

function linkedIssue(ctx: RequestContext, ref: unknown): IssueRecord | undefined {
  if (!isObject(ref)) return undefined;
  const id = ref.key ?? ref.id;
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  const issue = findIssue(ctx, String(id));
  return isReply(issue) ? undefined : issue;
}

export function createLink(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const type = byIdOrName(LINK_TYPES, body.type);
  if (!type) {
    const name = isObject(body.type) ? String(body.type.name ?? body.type.id ?? '') : '';
    return jiraError(404, [`No issue link type with name '${name}' found.`]);
  }
  const source = linkedIssue(ctx, body.inwardIssue);
  const target = linkedIssue(ctx, body.outwardIssue);
  if (!source || !target) return jiraError(404, ['Issue Does Not Exist']);
  if (source.id === target.id) return jiraError(400, ['You cannot link an issue to itself.']); // guess
  const s = store(ctx);
  let comment: ReturnType<typeof richIn> | undefined;
  if (isObject(body.comment) && body.comment.body !== undefined) {
    comment = richIn(api(ctx), s, body.comment.body);
    if ('error' in comment) return jiraError(400, [], { comment: comment.error });
  }
  // the same link again is accepted and not duplicated
  let link = [...s.data.links.values()].find((l) => l.typeId === type.id && l.sourceId === source.id && l.targetId === target.id);
  if (!link) {
    const id = String(s.nextId('link'));
    link = { id, typeId: type.id, sourceId: source.id, targetId: target.id };
    s.data.links.set(id, link);
  }
  if (comment && 'doc' in comment && comment.doc) {
    const id = String(s.nextId('comment'));
    const now = new Date().toISOString();
    s.data.comments.set(id, { id, issueId: source.id, authorId: ctx.user.accountId, updateAuthorId: ctx.user.accountId, body: comment.doc, created: now, updated: now, visibility: null });
  }
  const now = new Date().toISOString();
  source.updated = now;
  target.updated = now;
  return { status: 201, headers: { Location: `${api(ctx).rest}/issueLink/${link.id}` } };
}

function findLink(ctx: RequestContext, id: string | undefined): { source: IssueRecord; target: IssueRecord; linkId: string; typeId: string } | Reply {
  const s = store(ctx);
  const link = id === undefined ? undefined : s.data.links.get(id);
  const source = link ? s.issue(link.sourceId) : undefined;
  const target = link ? s.issue(link.targetId) : undefined;
  const visible = (i: IssueRecord | undefined): i is IssueRecord => i !== undefined && s.canBrowse(s.projectOf(i), ctx.user.accountId);
  if (!link || !visible(source) || !visible(target)) return jiraError(404, [`No issue link with id '${id ?? ''}' exists.`]); // guess
  return { source, target, linkId: link.id, typeId: link.typeId };
}

export function getLink(ctx: RequestContext, params: Record<string, string>): Reply {
  const l = findLink(ctx, params.linkId);
  if (isReply(l)) return l;
  const a = api(ctx);
  const s = store(ctx);
  return {
    status: 200,
    body: { id: l.linkId, self: `${a.rest}/issueLink/${l.linkId}`, type: linkTypeJson(a, byId(LINK_TYPES, l.typeId)!), inwardIssue: issueRef(a, s, l.source), outwardIssue: issueRef(a, s, l.target) },
  };
}

export function deleteLink(ctx: RequestContext, params: Record<string, string>): Reply {
  const l = findLink(ctx, params.linkId);
  if (isReply(l)) return l;
  store(ctx).data.links.delete(l.linkId);
  return { status: 204 };
}

// ------------------------------------------------------------------ remote links

function remoteJson(ctx: RequestContext, issue: IssueRecord, r: RemoteLinkRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { id: r.id, self: `${api(ctx).rest}/issue/${issue.key}/remotelink/${r.id}` };
  if (r.globalId !== undefined) out.globalId = r.globalId;
  if (r.application !== undefined) out.application = r.application;
  if (r.relationship !== undefined) out.relationship = r.relationship;
  out.object = r.object;
  return out;
}

export function listRemoteLinks(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const globalId = ctx.query.get('globalId');
  const links = store(ctx).remoteLinksOf(issue.id);
  if (globalId !== null) {
    const hit = links.find((l) => l.globalId === globalId);
    return hit ? { status: 200, body: remoteJson(ctx, issue, hit) } : jiraError(404, [`No remote link with global id '${globalId}' exists.`]); // guess
  }
  return { status: 200, body: links.map((l) => remoteJson(ctx, issue, l)) };
}

export function getRemoteLink(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const hit = store(ctx).remoteLinksOf(issue.id).find((l) => String(l.id) === params.linkId);
  if (!hit) return jiraError(404, [`No remote link with id '${params.linkId ?? ''}' exists.`]); // guess
  return { status: 200, body: remoteJson(ctx, issue, hit) };
}

/** POST /issue/{key}/remotelink: 201 for a new link, 200 when `globalId` names an existing one (updated). */
export function createRemoteLink(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const errors: Record<string, string> = {};
  const object = isObject(body.object) ? body.object : undefined;
  if (!object || typeof object.url !== 'string' || object.url === '') errors.url = 'Url is required.'; // guess
  if (!object || typeof object.title !== 'string' || object.title === '') errors.title = 'Title is required.'; // guess
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
  const s = store(ctx);
  const globalId = typeof body.globalId === 'string' ? body.globalId : undefined;
  const existing = globalId === undefined ? undefined : s.remoteLinksOf(issue.id).find((l) => l.globalId === globalId);
  const record: RemoteLinkRecord = {
    id: existing?.id ?? s.nextId('remoteLink'),
    issueId: issue.id,
    globalId,
    relationship: typeof body.relationship === 'string' ? body.relationship : undefined,
    application: isObject(body.application) ? body.application : undefined,
    object: object!,
  };
  s.data.remoteLinks.set(record.id, record);
  issue.updated = new Date().toISOString();
  return { status: existing ? 200 : 201, body: { id: record.id, self: `${api(ctx).rest}/issue/${issue.key}/remotelink/${record.id}` } };
}

export function deleteRemoteLink(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const s = store(ctx);
  const hit = s.remoteLinksOf(issue.id).find((l) => String(l.id) === params.linkId);
  if (!hit) return jiraError(404, [`No remote link with id '${params.linkId ?? ''}' exists.`]); // guess
  s.data.remoteLinks.delete(hit.id);
  return { status: 204 };
}
