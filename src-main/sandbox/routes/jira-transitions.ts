// Transitions: the workflow of catalog.ts (To Do → In Progress → In Review → Done, the ways back,
// Reopen from Done). GET lists what the issue's status allows; POST moves it (204) or answers 400
// for a transition the status does not offer. Done sets a resolution (from the screen or "Done");
// leaving Done clears it.

import { RESOLUTIONS, STATUS, TRANSITIONS, byId } from '../jira/catalog.ts';
import type { ChangeItem, IssueRecord } from '../jira/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import { api, expands, fieldErrors, findIssue, isObject, isReply, jiraError, jsonBody, store } from './jira-common.ts';
import { planWrite } from './jira-issue-write.ts';
import { transitionJson } from './jira-json.ts';

export function getTransitions(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const a = api(ctx);
  const s = store(ctx);
  const withFields = expands(ctx).has('transitions.fields');
  const only = ctx.query.get('transitionId');
  const list = TRANSITIONS.filter((t) => t.from.includes(issue.statusId) && (only === null || t.id === only));
  return {
    status: 200,
    body: { expand: 'transitions', transitions: list.map((t) => transitionJson(a, s, t, withFields, s.projectOf(issue))) },
  };
}

export function doTransition(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  if (!isObject(body.transition) || body.transition.id === undefined) return jiraError(400, ['Missing \'transition\' identifier']);
  const r = applyTransition(ctx, issue, body.transition.id, body.fields, body.update);
  return r ?? { status: 204 };
}

/** Moves an issue through one transition; a Reply on refusal, undefined on success. */
export function applyTransition(ctx: RequestContext, issue: IssueRecord, rawId: unknown, fields: unknown, update: unknown): Reply | undefined {
  const a = api(ctx);
  const s = store(ctx);
  const id = String(rawId);
  const t = TRANSITIONS.find((x) => x.id === id && x.from.includes(issue.statusId));
  if (!t) return jiraError(400, [`Transition id '${id}' is not valid for this issue.`]);
  // the transition screen: resolution on Done; comments may be added on any transition
  const screen = new Set<string>(['comment', ...(t.screen ? ['resolution'] : [])]);
  const project = s.projectOf(issue);
  const plan = planWrite({ a, s, user: ctx.user, project, typeId: issue.typeId, issue, screen }, fields, update, false);
  if (Object.keys(plan.errors).length > 0) return fieldErrors(plan.errors);

  const now = new Date().toISOString();
  const items: ChangeItem[] = [];
  const from = s.status(issue.statusId);
  const to = s.status(t.to);
  items.push({ field: 'status', fieldtype: 'jira', fieldId: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name });
  if (from.categoryId !== to.categoryId) issue.statusCategoryChanged = now;
  issue.statusId = t.to;
  items.push(...plan.apply(issue));
  if (t.to === STATUS.done && issue.resolutionId === null) {
    issue.resolutionId = '10000';
    items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: byId(RESOLUTIONS, '10000')!.name });
  }
  if (t.to === STATUS.done) issue.resolutionDate = now;
  if (t.to !== STATUS.done && issue.resolutionId !== null) {
    items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: issue.resolutionId, fromString: byId(RESOLUTIONS, issue.resolutionId)?.name ?? null, to: null, toString: null });
    issue.resolutionId = null;
    issue.resolutionDate = null;
  }
  s.record(issue, ctx.user.accountId, items, now);
  return undefined;
}
