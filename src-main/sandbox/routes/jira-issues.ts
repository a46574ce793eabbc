// Issues: get (fields, expand), create and bulk create, edit (fields + update, 204), delete (with
// deleteSubtasks), assign, editmeta, bulk fetch, changelogs (paged per issue; bulk by token on
// Cloud). Field parsing lives in jira-issue-write.ts, the JSON in jira-issue-json.ts.

import { DEFAULT_PRIORITY, ISSUE_TYPES, STATUS, byIdOrName } from '../jira/catalog.ts';
import { screenFields } from '../jira/fields.ts';
import type { IssueRecord } from '../jira/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import {
  api,
  boolParam,
  expands,
  fieldErrors,
  findIssue,
  intParam,
  isObject,
  isReply,
  jiraError,
  jsonBody,
  listParam,
  refLabel,
  store,
  userRef,
} from './jira-common.ts';
import { editMeta, fieldFilter, historyJson, issueJson, type IssueView } from './jira-issue-json.ts';
import { planWrite } from './jira-issue-write.ts';
import { applyTransition } from './jira-transitions.ts';

export function issueView(ctx: RequestContext, fields: string[] | undefined, fallback: '*all' | '*navigable' | 'none', expand: Set<string>): IssueView {
  const a = api(ctx);
  return { a, s: store(ctx), include: fieldFilter(a, fields, fallback), expand };
}

export function getIssue(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  return { status: 200, body: issueJson(issueView(ctx, listParam(ctx, 'fields'), '*all', expands(ctx)), issue) };
}

// ------------------------------------------------------------------ create

interface Created {
  issue?: IssueRecord;
  errors?: { messages: string[]; errors: Record<string, string> };
}

function createOne(ctx: RequestContext, input: unknown): Created {
  const a = api(ctx);
  const s = store(ctx);
  if (!isObject(input)) return { errors: { messages: ['The request body must be a JSON object.'], errors: {} } };
  const fields = isObject(input.fields) ? input.fields : {};
  const errors: Record<string, string> = {};
  const projRef = fields.project;
  const ref = isObject(projRef) ? (projRef.key ?? projRef.id) : undefined;
  const project = typeof ref === 'string' || typeof ref === 'number' ? s.project(String(ref)) : undefined;
  if (!project || !s.canBrowse(project, ctx.user.accountId)) errors.project = 'Specify a valid project ID or key';
  const type = fields.issuetype === undefined ? undefined : byIdOrName(ISSUE_TYPES, fields.issuetype);
  if (fields.issuetype === undefined) errors.issuetype = 'Specify an issue type';
  else if (!type || (project && !project.issueTypeIds.includes(type.id))) errors.issuetype = 'The issue type selected is invalid.';
  if (!project || !type || Object.keys(errors).length > 0) return { errors: { messages: [], errors } };

  const screen = new Set(screenFields(project, type.id, a.dc, 'create'));
  const plan = planWrite({ a, s, user: ctx.user, project, typeId: type.id, screen }, fields, input.update, true);
  if (Object.keys(plan.errors).length > 0) return { errors: { messages: [], errors: plan.errors } };

  const now = new Date().toISOString();
  const number = project.nextNumber++;
  const issue: IssueRecord = {
    id: String(s.nextId('issue')),
    key: `${project.key}-${number}`,
    projectId: project.id,
    number,
    typeId: type.id,
    summary: '',
    description: null,
    environment: null,
    statusId: STATUS.todo,
    priorityId: DEFAULT_PRIORITY,
    resolutionId: null,
    resolutionDate: null,
    assigneeId: null,
    reporterId: ctx.user.accountId,
    creatorId: ctx.user.accountId,
    labels: [],
    componentIds: [],
    fixVersionIds: [],
    versionIds: [],
    dueDate: null,
    created: now,
    updated: now,
    statusCategoryChanged: now,
    parentId: null,
    epicId: null,
    sprintIds: [],
    storyPoints: null,
    teamOptionId: null,
    acceptance: null,
    startDate: null,
    epicName: null,
    rank: s.nextId('rank'),
    watcherIds: [ctx.user.accountId],
    originalEstimate: null,
    remainingEstimate: null,
  };
  plan.apply(issue); // creation records no history items, as in Jira
  // a new sub-task joins its parent's open sprint
  if (issue.parentId) {
    const parent = s.issue(issue.parentId);
    const sprint = parent ? s.currentSprint(parent) : undefined;
    if (sprint) s.moveToSprint(issue, sprint);
  }
  s.data.issues.set(issue.id, issue);
  return { issue };
}

export function createIssue(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const created = createOne(ctx, body);
  if (created.errors) return jiraError(400, created.errors.messages, created.errors.errors);
  const issue = created.issue!;
  const out: Record<string, unknown> = { id: issue.id, key: issue.key, self: `${api(ctx).rest}/issue/${issue.id}` };
  if (isObject(body.transition)) {
    const t = applyTransition(ctx, issue, body.transition.id, {}, {});
    out.transition = isReply(t) ? { status: t.status, errorCollection: t.body } : { status: 200, errorCollection: { errorMessages: [], errors: {} } };
  }
  return { status: 201, body: out };
}

/** POST /issue/bulk: each element on its own; failures are reported by position. */
export function createIssues(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const updates = body.issueUpdates;
  if (!Array.isArray(updates) || updates.length === 0) return jiraError(400, ['Nothing to create: issueUpdates is empty.']); // guess
  if (updates.length > 50) return jiraError(400, ['A maximum of 50 issues can be created in one request.']); // guess at the sentence
  const issues: unknown[] = [];
  const errors: unknown[] = [];
  updates.forEach((u, index) => {
    const r = createOne(ctx, u);
    if (r.issue) issues.push({ id: r.issue.id, key: r.issue.key, self: `${api(ctx).rest}/issue/${r.issue.id}` });
    else errors.push({ status: 400, elementErrors: { errorMessages: r.errors!.messages, errors: r.errors!.errors }, failedElementNumber: index });
  });
  return { status: issues.length === 0 ? 400 : 201, body: { issues, errors } };
}

// ------------------------------------------------------------------ edit, assign, delete

export function editIssue(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const a = api(ctx);
  const s = store(ctx);
  const project = s.projectOf(issue);
  const screen = new Set(screenFields(project, issue.typeId, a.dc, 'edit'));
  const plan = planWrite({ a, s, user: ctx.user, project, typeId: issue.typeId, issue, screen }, body.fields, body.update, false);
  if (Object.keys(plan.errors).length > 0) return fieldErrors(plan.errors);
  s.record(issue, ctx.user.accountId, plan.apply(issue));
  if (boolParam(ctx, 'returnIssue')) return { status: 200, body: issueJson(issueView(ctx, undefined, '*all', expands(ctx)), issue) };
  return { status: 204 };
}

export function assignIssue(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const a = api(ctx);
  const s = store(ctx);
  const automatic = body.accountId === '-1' || body.name === '-1';
  const u = automatic ? null : userRef(a, s, body);
  if (u === undefined) return jiraError(400, [], { assignee: `User '${refLabel(a, body)}' does not exist.` }); // guess at the sentence
  const old = issue.assigneeId;
  issue.assigneeId = u?.accountId ?? null;
  s.record(
    issue,
    ctx.user.accountId,
    old === issue.assigneeId
      ? []
      : [{ field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: old, fromString: s.user(old)?.displayName ?? null, to: issue.assigneeId, toString: u?.displayName ?? null, users: true }],
  );
  return { status: 204 };
}

export function deleteIssue(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const s = store(ctx);
  if (!s.isAdmin(s.projectOf(issue), ctx.user.accountId)) return jiraError(403, ['You do not have permission to delete issues in this project.']);
  const subtasks = s.subtasksOf(issue.id);
  if (subtasks.length > 0 && ctx.query.get('deleteSubtasks') !== 'true') {
    return jiraError(400, [`The issue '${issue.key}' has subtasks. Set deleteSubtasks to true to delete the issue with its subtasks.`]); // guess at the sentence
  }
  for (const sub of subtasks) s.deleteIssue(sub);
  s.deleteIssue(issue);
  return { status: 204 };
}

export function getEditMeta(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  return { status: 200, body: { fields: editMeta(api(ctx), store(ctx), issue) } };
}

/** POST /issue/bulkfetch: up to 100 issues; unknown ones are listed in issueErrors. */
export function bulkFetchIssues(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const refs = body.issueIdsOrKeys;
  if (!Array.isArray(refs) || refs.length === 0 || refs.length > 100) return jiraError(400, ['issueIdsOrKeys must list between 1 and 100 issues.']); // guess
  const fields = Array.isArray(body.fields) ? body.fields.map(String) : undefined;
  const expand = new Set(Array.isArray(body.expand) ? body.expand.map(String) : []);
  const view = issueView(ctx, fields, '*navigable', expand);
  const issues: unknown[] = [];
  const issueErrors: unknown[] = [];
  for (const ref of refs) {
    const issue = findIssue(ctx, String(ref));
    if (isReply(issue)) issueErrors.push({ id: String(ref), errorMessage: 'Issue does not exist or you do not have permission to see it.' });
    else issues.push(issueJson(view, issue));
  }
  return { status: 200, body: { issues, issueErrors } };
}

// ------------------------------------------------------------------ changelogs

export function getChangelogs(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const startAt = intParam(ctx, 'startAt', 0);
  if (isReply(startAt)) return startAt;
  const maxResults = intParam(ctx, 'maxResults', 100, 100);
  if (isReply(maxResults)) return maxResults;
  const a = api(ctx);
  const s = store(ctx);
  const all = s.historiesOf(issue.id);
  const page = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= all.length;
  const self = `${a.rest}/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt}`;
  const out: Record<string, unknown> = { self };
  if (!isLast) out.nextPage = `${a.rest}/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt + maxResults}`;
  Object.assign(out, { maxResults, startAt, total: all.length, isLast, values: page.map((h) => historyJson(a, s, h)) });
  return { status: 200, body: out };
}

/** Tokens of the bulk changelog fetch: base64url of `{o: offset}` (opaque to callers). */
function token(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function untoken(raw: unknown): number | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { o?: unknown };
    return typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0 ? v.o : undefined;
  } catch {
    return undefined;
  }
}

/** POST /changelog/bulkfetch: histories of many issues, `maxResults` histories per page. */
export function bulkFetchChangelogs(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const refs = body.issueIdsOrKeys;
  if (!Array.isArray(refs) || refs.length === 0 || refs.length > 1000) return jiraError(400, ['issueIdsOrKeys must list between 1 and 1000 issues.']); // guess
  const fieldIds = Array.isArray(body.fieldIds) ? new Set(body.fieldIds.map(String)) : undefined;
  const max = typeof body.maxResults === 'number' ? Math.min(Math.max(1, body.maxResults), 10000) : 1000;
  let offset = 0;
  if (body.nextPageToken !== undefined) {
    const o = untoken(body.nextPageToken);
    if (o === undefined) return jiraError(400, ['The provided next page token is invalid or expired.']); // guess
    offset = o;
  }
  const a = api(ctx);
  const s = store(ctx);
  // every (issue, history) pair in request order; unknown or hidden issues are skipped
  const pairs: Array<{ issue: IssueRecord; h: ReturnType<typeof s.historiesOf>[number] }> = [];
  for (const ref of refs) {
    const issue = findIssue(ctx, String(ref));
    if (isReply(issue)) continue;
    for (const h of s.historiesOf(issue.id)) {
      const items = fieldIds ? h.items.filter((it) => fieldIds.has(it.fieldId)) : h.items;
      if (items.length > 0) pairs.push({ issue, h: { ...h, items } });
    }
  }
  const page = pairs.slice(offset, offset + max);
  const byIssue = new Map<string, unknown[]>();
  for (const { issue, h } of page) {
    const list = byIssue.get(issue.id) ?? [];
    list.push(historyJson(a, s, h));
    byIssue.set(issue.id, list);
  }
  const out: Record<string, unknown> = { issueChangeLogs: [...byIssue].map(([issueId, changeHistories]) => ({ issueId, changeHistories })) };
  if (offset + max < pairs.length) out.nextPageToken = token(offset + max);
  return { status: 200, body: out };
}

