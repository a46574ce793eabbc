// Jira Software's agile API (/rest/agile/1.0): boards, board issues and backlog, sprints of a board,
// sprint issues, create/update sprints (with the future → active → closed rules), moving issues
// into a sprint or back to the backlog. Not in jira-v3.json: shapes follow Atlassian's agile REST
// reference (boards and sprints paged with startAt/maxResults/isLast; issues with total). Issues
// come in the v2 representation plus the agile fields sprint, closedSprints, epic and flagged.

import { STATUS } from '../jira/catalog.ts';
import type { BoardRecord, IssueRecord, SprintRecord } from '../jira/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import { type Api, api, expands, intParam, isObject, isReply, jiraError, jsonBody, listParam, store } from './jira-common.ts';
import { issueJson } from './jira-issue-json.ts';
import { issueView } from './jira-issues.ts';
import { projectAvatars, sprintJson } from './jira-json.ts';
import { runJql } from './jira-search.ts';

const AGILE = '/rest/agile/1.0';

function boardJson(ctx: RequestContext, b: BoardRecord): Record<string, unknown> {
  const a = api(ctx);
  const s = store(ctx);
  const p = s.project(b.projectId)!;
  const out: Record<string, unknown> = { id: b.id, self: `${a.base}${AGILE}/board/${b.id}`, name: b.name, type: b.type };
  out.location = {
    projectId: Number(p.id),
    displayName: `${p.name} (${p.key})`,
    projectName: p.name,
    projectKey: p.key,
    projectTypeKey: p.typeKey,
    avatarURI: projectAvatars(a, p)['48x48'],
    name: `${p.name} (${p.key})`,
  };
  return out;
}

function findBoard(ctx: RequestContext, raw: string | undefined): BoardRecord | Reply {
  const s = store(ctx);
  const b = raw !== undefined && /^\d+$/.test(raw) ? s.board(Number(raw)) : undefined;
  const p = b ? s.project(b.projectId) : undefined;
  if (!b || !p || !s.canBrowse(p, ctx.user.accountId)) return jiraError(404, ['Board does not exist or you do not have permission to see it.']);
  return b;
}

function findSprint(ctx: RequestContext, raw: string | undefined): SprintRecord | Reply {
  const s = store(ctx);
  const sp = raw !== undefined && /^\d+$/.test(raw) ? s.sprint(Number(raw)) : undefined;
  const b = sp ? s.board(sp.boardId) : undefined;
  const p = b ? s.project(b.projectId) : undefined;
  if (!sp || !p || !s.canBrowse(p, ctx.user.accountId)) return jiraError(404, ['Sprint does not exist or you do not have permission to see it.']); // guess
  return sp;
}

function paged(ctx: RequestContext, values: unknown[], max = 50, withTotal = true): Reply {
  const startAt = intParam(ctx, 'startAt', 0);
  if (isReply(startAt)) return startAt;
  const maxResults = intParam(ctx, 'maxResults', max, max);
  if (isReply(maxResults)) return maxResults;
  const page = values.slice(startAt, startAt + maxResults);
  return { status: 200, body: { maxResults, startAt, ...(withTotal ? { total: values.length } : {}), isLast: startAt + page.length >= values.length, values: page } };
}

export function listBoards(ctx: RequestContext): Reply {
  const s = store(ctx);
  const type = ctx.query.get('type');
  const name = ctx.query.get('name')?.toLowerCase();
  const projectRef = ctx.query.get('projectKeyOrId');
  const project = projectRef === null ? undefined : s.project(projectRef);
  const boards = s.data.boards
    .filter((b) => s.canBrowse(s.project(b.projectId)!, ctx.user.accountId))
    .filter((b) => type === null || type.split(',').includes(b.type))
    .filter((b) => !name || b.name.toLowerCase().includes(name))
    .filter((b) => projectRef === null || b.projectId === project?.id);
  return paged(ctx, boards.map((b) => boardJson(ctx, b)));
}

export function getBoard(ctx: RequestContext, params: Record<string, string>): Reply {
  const b = findBoard(ctx, params.boardId);
  if (isReply(b)) return b;
  return { status: 200, body: boardJson(ctx, b) };
}

// ------------------------------------------------------------------ issues

function epicJson(a: Api, epic: IssueRecord): Record<string, unknown> {
  return { id: Number(epic.id), key: epic.key, self: `${a.base}${AGILE}/epic/${epic.id}`, name: epic.epicName ?? epic.summary, summary: epic.summary, color: { key: `color_${(Number(epic.id) % 14) + 1}` }, done: epic.statusId === STATUS.done };
}

/** Issues in the agile representation, paged with startAt/maxResults/total; `jql` narrows the set. */
function issuePage(ctx: RequestContext, base: IssueRecord[]): Reply {
  const startAt = intParam(ctx, 'startAt', 0);
  if (isReply(startAt)) return startAt;
  const maxResults = intParam(ctx, 'maxResults', 50, 100);
  if (isReply(maxResults)) return maxResults;
  let list = base;
  const jql = ctx.query.get('jql');
  if (jql !== null && jql.trim() !== '') {
    const hits = runJql(ctx, jql, false);
    if (isReply(hits)) return hits;
    const order = new Map(hits.map((h, i) => [h.id, i]));
    list = base.filter((i) => order.has(i.id));
    // an ORDER BY in the board JQL wins over rank order
    if (/order\s+by/i.test(jql)) list.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  }
  const a = api(ctx);
  const s = store(ctx);
  const fields = listParam(ctx, 'fields');
  const view = { ...issueView(ctx, fields, '*navigable', expands(ctx)), selfBase: `${a.base}${AGILE}/issue` };
  const agileFields = ['sprint', 'closedSprints', 'epic', 'flagged'].filter((f) => !fields || fields.includes(f) || fields.includes('*all') || fields.includes('*navigable'));
  const issues = list.slice(startAt, startAt + maxResults).map((i) => {
    const json = issueJson(view, i);
    const f = json.fields as Record<string, unknown>;
    const current = s.currentSprint(i);
    const epic = i.epicId ? s.issue(i.epicId) : undefined;
    const extra: Record<string, unknown> = {
      sprint: current ? sprintJson(a, current) : null,
      closedSprints: i.sprintIds.map((id) => s.sprint(id)).filter((sp) => sp?.state === 'closed').map((sp) => sprintJson(a, sp!)),
      epic: epic ? epicJson(a, epic) : null,
      flagged: false,
    };
    for (const k of agileFields) f[k] = extra[k];
    return json;
  });
  return { status: 200, body: { expand: 'schema,names', startAt, maxResults, total: list.length, issues } };
}

function byRank(list: IssueRecord[]): IssueRecord[] {
  return list.sort((x, y) => x.rank - y.rank);
}

export function boardIssues(ctx: RequestContext, params: Record<string, string>): Reply {
  const b = findBoard(ctx, params.boardId);
  if (isReply(b)) return b;
  const s = store(ctx);
  return issuePage(ctx, byRank([...s.data.issues.values()].filter((i) => i.projectId === b.projectId)));
}

export function boardBacklog(ctx: RequestContext, params: Record<string, string>): Reply {
  const b = findBoard(ctx, params.boardId);
  if (isReply(b)) return b;
  if (b.type !== 'scrum') return jiraError(400, ['The board does not support backlog.']); // guess: kanban backlogs are off by default
  const s = store(ctx);
  return issuePage(ctx, byRank([...s.data.issues.values()].filter((i) => i.projectId === b.projectId && !s.currentSprint(i) && s.categoryKeyOf(i) !== 'done')));
}

export function sprintIssues(ctx: RequestContext, params: Record<string, string>): Reply {
  const sp = findSprint(ctx, params.sprintId);
  if (isReply(sp)) return sp;
  const s = store(ctx);
  return issuePage(ctx, byRank([...s.data.issues.values()].filter((i) => i.sprintIds.includes(sp.id))));
}

// ------------------------------------------------------------------ sprints

export function boardSprints(ctx: RequestContext, params: Record<string, string>): Reply {
  const b = findBoard(ctx, params.boardId);
  if (isReply(b)) return b;
  if (b.type !== 'scrum') return jiraError(400, ['The board does not support sprints']);
  const states = listParam(ctx, 'state');
  const bad = states?.find((st) => !['future', 'active', 'closed'].includes(st));
  if (bad) return jiraError(400, [`The sprint state '${bad}' is not valid. Valid states are: future, active, closed.`]); // guess
  const a = api(ctx);
  const sprints = store(ctx)
    .sprintsOf(b.id)
    .filter((sp) => !states || states.includes(sp.state));
  return paged(ctx, sprints.map((sp) => sprintJson(a, sp)), 50, false);
}

export function getSprint(ctx: RequestContext, params: Record<string, string>): Reply {
  const sp = findSprint(ctx, params.sprintId);
  if (isReply(sp)) return sp;
  return { status: 200, body: sprintJson(api(ctx), sp) };
}

function isoOrError(v: unknown, field: string, errors: Record<string, string>): string | null | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) {
    errors[field] = `Invalid date format for ${field}.`; // guess
    return undefined;
  }
  return new Date(Date.parse(v)).toISOString();
}

export function createSprint(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const errors: Record<string, string> = {};
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (name === '') errors.name = 'Sprint name is required.'; // guess
  else if (name.length > 30) errors.name = 'Sprint name must not exceed 30 characters.'; // guess at the sentence; the 30 limit is Jira's
  const boardRef = body.originBoardId;
  const board = typeof boardRef === 'number' || typeof boardRef === 'string' ? findBoard(ctx, String(boardRef)) : undefined;
  if (board === undefined || isReply(board)) errors.originBoardId = 'Board with the given id does not exist or you do not have permission to see it.'; // guess
  const startDate = isoOrError(body.startDate, 'startDate', errors);
  const endDate = isoOrError(body.endDate, 'endDate', errors);
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
  const b = board as BoardRecord;
  if (b.type !== 'scrum') return jiraError(400, ['The board does not support sprints']);
  const s = store(ctx);
  const id = s.nextId('sprint');
  const sp: SprintRecord = { id, name, state: 'future', boardId: b.id, goal: typeof body.goal === 'string' ? body.goal : '', startDate: startDate ?? null, endDate: endDate ?? null, completeDate: null, createdDate: new Date().toISOString() };
  s.data.sprints.set(id, sp);
  return { status: 201, body: sprintJson(api(ctx), sp) };
}

/** POST /sprint/{id} (partial) and PUT /sprint/{id} (full: absent fields are cleared). */
export function updateSprint(ctx: RequestContext, params: Record<string, string>): Reply {
  const sp = findSprint(ctx, params.sprintId);
  if (isReply(sp)) return sp;
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const full = ctx.method === 'PUT';
  const errors: Record<string, string> = {};
  const next = { ...sp };
  if (body.name !== undefined || full) {
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (name === '') errors.name = 'Sprint name is required.'; // guess
    else if (name.length > 30) errors.name = 'Sprint name must not exceed 30 characters.'; // guess
    else next.name = name;
  }
  if (body.goal !== undefined || full) next.goal = typeof body.goal === 'string' ? body.goal : '';
  const startDate = isoOrError(body.startDate, 'startDate', errors);
  const endDate = isoOrError(body.endDate, 'endDate', errors);
  if (startDate !== undefined || full) next.startDate = startDate ?? null;
  if (endDate !== undefined || full) next.endDate = endDate ?? null;
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);

  const state = body.state === undefined ? sp.state : body.state;
  if (state !== 'future' && state !== 'active' && state !== 'closed') return jiraError(400, [`The sprint state '${String(state)}' is not valid.`]); // guess
  const s = store(ctx);
  if (state !== sp.state) {
    if (sp.state === 'future' && state === 'active') {
      if (!next.startDate || !next.endDate) return jiraError(400, ['A sprint needs a start date and an end date to be started.']); // guess
      if (s.sprintsOf(sp.boardId).some((x) => x.state === 'active')) return jiraError(400, ['A sprint is already active on this board. Complete it before starting another one.']); // guess
    } else if (sp.state === 'active' && state === 'closed') {
      next.completeDate = new Date().toISOString();
    } else {
      return jiraError(400, [`A ${sp.state} sprint cannot become ${state}.`]); // guess
    }
    next.state = state;
  }
  if (next.startDate && next.endDate && Date.parse(next.endDate) < Date.parse(next.startDate)) return jiraError(400, [], { endDate: 'The end date must be after the start date.' }); // guess
  Object.assign(sp, next);
  return { status: 200, body: sprintJson(api(ctx), sp) };
}

/** Issue keys/ids of a move request, resolved; a 400 names the first one that does not exist. */
function issuesToMove(ctx: RequestContext): IssueRecord[] | Reply {
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  if (!Array.isArray(body.issues) || body.issues.length === 0) return jiraError(400, [], { issues: 'At least one issue is required.' }); // guess
  if (body.issues.length > 50) return jiraError(400, [], { issues: 'A maximum of 50 issues can be moved at once.' }); // guess at the sentence; the limit is Jira's
  const s = store(ctx);
  const out: IssueRecord[] = [];
  for (const ref of body.issues) {
    const issue = typeof ref === 'string' || typeof ref === 'number' ? s.issue(String(ref)) : undefined;
    if (!issue || !s.canBrowse(s.projectOf(issue), ctx.user.accountId)) return jiraError(400, [`Issue with key '${String(isObject(ref) ? JSON.stringify(ref) : ref)}' does not exist or you do not have permission to see it.`]); // guess
    if (issue.parentId) return jiraError(400, [`${issue.key} is a sub-task: sub-tasks move with their parent.`]); // guess
    out.push(issue);
  }
  return out;
}

function move(ctx: RequestContext, issues: IssueRecord[], sprint: SprintRecord | undefined): void {
  const s = store(ctx);
  const now = new Date().toISOString();
  for (const issue of issues) {
    for (const i of [issue, ...s.subtasksOf(issue.id)]) {
      const before = s.currentSprint(i);
      s.moveToSprint(i, sprint);
      if (before?.id !== sprint?.id) {
        s.record(i, ctx.user.accountId, [{ field: 'Sprint', fieldtype: 'custom', fieldId: 'customfield_10010', from: before ? String(before.id) : null, fromString: before?.name ?? null, to: sprint ? String(sprint.id) : null, toString: sprint?.name ?? null }], now);
      }
    }
  }
}

export function moveToSprint(ctx: RequestContext, params: Record<string, string>): Reply {
  const sp = findSprint(ctx, params.sprintId);
  if (isReply(sp)) return sp;
  if (sp.state === 'closed') return jiraError(400, ['Issues can only be moved to an active or a future sprint.']); // guess
  const issues = issuesToMove(ctx);
  if (isReply(issues)) return issues;
  move(ctx, issues, sp);
  return { status: 204 };
}

export function moveToBacklog(ctx: RequestContext): Reply {
  const issues = issuesToMove(ctx);
  if (isReply(issues)) return issues;
  move(ctx, issues, undefined);
  return { status: 204 };
}
