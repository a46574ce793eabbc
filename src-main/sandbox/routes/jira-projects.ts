// Projects and the site vocabulary: project list/search/get, statuses per issue type, versions
// (list, paged, get, create), components, issue types, priorities, resolutions, statuses and
// serverInfo. Projects the caller may not browse do not exist for them.

import { ISSUE_TYPES, PRIORITIES, RESOLUTIONS, STATUSES, byId } from '../jira/catalog.ts';
import type { ProjectRecord, VersionRecord } from '../jira/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import { api, expands, findProject, intParam, isReply, jiraError, jsonBody, listParam, store } from './jira-common.ts';
import { componentJson, issueTypeJson, priorityJson, projectJson, resolutionJson, statusJson, versionJson } from './jira-json.ts';

/** GET /project: every visible project (Cloud has it deprecated; Data Center's main list). */
export function listProjects(ctx: RequestContext): Reply {
  const s = store(ctx);
  const a = api(ctx);
  const expand = expands(ctx);
  return { status: 200, body: s.visibleProjects(ctx.user.accountId).map((p) => projectJson(a, s, p, false, expand)) };
}

const PROJECT_ORDERS: Record<string, (p: ProjectRecord) => string> = {
  key: (p) => p.key,
  name: (p) => p.name.toLowerCase(),
  category: () => '',
  owner: (p) => p.leadId,
  issueCount: (p) => p.id,
  lastIssueUpdatedDate: (p) => p.id,
};

/** GET /project/search: paged, filtered by keys/id/query/typeKey, ordered by key unless told. */
export function searchProjects(ctx: RequestContext): Reply {
  const startAt = intParam(ctx, 'startAt', 0);
  if (isReply(startAt)) return startAt;
  const maxResults = intParam(ctx, 'maxResults', 50, 100);
  if (isReply(maxResults)) return maxResults;
  const orderRaw = ctx.query.get('orderBy') ?? 'key';
  const desc = orderRaw.startsWith('-');
  const order = PROJECT_ORDERS[orderRaw.replace(/^[+-]/, '')];
  if (!order) return jiraError(400, [`Invalid orderBy value '${orderRaw}'.`]); // guess
  const s = store(ctx);
  const a = api(ctx);
  const keys = listParam(ctx, 'keys')?.map((k) => k.toUpperCase());
  const ids = listParam(ctx, 'id');
  const query = ctx.query.get('query')?.toLowerCase();
  const typeKey = ctx.query.get('typeKey');
  const all = s
    .visibleProjects(ctx.user.accountId)
    .filter((p) => !keys || keys.includes(p.key))
    .filter((p) => !ids || ids.includes(p.id))
    .filter((p) => !query || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query))
    .filter((p) => !typeKey || typeKey.split(',').includes(p.typeKey))
    .sort((x, y) => (desc ? -1 : 1) * order(x).localeCompare(order(y)));
  const page = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= all.length;
  const link = (at: number): string => {
    const q = new URLSearchParams(ctx.query);
    q.set('startAt', String(at));
    q.set('maxResults', String(maxResults));
    return `${a.rest}/project/search?${q.toString()}`;
  };
  const out: Record<string, unknown> = { self: link(startAt) };
  if (!isLast) out.nextPage = link(startAt + maxResults);
  const expand = expands(ctx);
  Object.assign(out, { maxResults, startAt, total: all.length, isLast, values: page.map((p) => projectJson(a, s, p, false, expand)) });
  return { status: 200, body: out };
}

export function getProject(ctx: RequestContext, params: Record<string, string>): Reply {
  const p = findProject(ctx, params.projectIdOrKey);
  if (isReply(p)) return p;
  return { status: 200, body: projectJson(api(ctx), store(ctx), p, true, expands(ctx)) };
}

/** GET /project/{key}/statuses: every issue type with the statuses of its workflow. */
export function projectStatuses(ctx: RequestContext, params: Record<string, string>): Reply {
  const p = findProject(ctx, params.projectIdOrKey);
  if (isReply(p)) return p;
  const a = api(ctx);
  return {
    status: 200,
    body: p.issueTypeIds.map((id) => {
      const t = byId(ISSUE_TYPES, id)!;
      return { self: `${a.rest}/issuetype/${t.id}`, id: t.id, name: t.name, subtask: t.subtask, statuses: STATUSES.map((st) => statusJson(a, st)) };
    }),
  };
}

export function projectVersions(ctx: RequestContext, params: Record<string, string>): Reply {
  const p = findProject(ctx, params.projectIdOrKey);
  if (isReply(p)) return p;
  const a = api(ctx);
  return { status: 200, body: store(ctx).versionsOf(p.id).map((v) => versionJson(a, v)) };
}

/** GET /project/{key}/version: the paged variant (query, status filters). */
export function projectVersionsPaged(ctx: RequestContext, params: Record<string, string>): Reply {
  const p = findProject(ctx, params.projectIdOrKey);
  if (isReply(p)) return p;
  const startAt = intParam(ctx, 'startAt', 0);
  if (isReply(startAt)) return startAt;
  const maxResults = intParam(ctx, 'maxResults', 50);
  if (isReply(maxResults)) return maxResults;
  const a = api(ctx);
  const query = ctx.query.get('query')?.toLowerCase();
  const statuses = listParam(ctx, 'status');
  const state = (v: VersionRecord): string => (v.archived ? 'archived' : v.released ? 'released' : 'unreleased');
  const all = store(ctx)
    .versionsOf(p.id)
    .filter((v) => !query || v.name.toLowerCase().includes(query) || v.description.toLowerCase().includes(query))
    .filter((v) => !statuses || statuses.includes(state(v)));
  const page = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= all.length;
  const out: Record<string, unknown> = { self: `${a.rest}/project/${p.key}/version?maxResults=${maxResults}&startAt=${startAt}` };
  if (!isLast) out.nextPage = `${a.rest}/project/${p.key}/version?maxResults=${maxResults}&startAt=${startAt + maxResults}`;
  Object.assign(out, { maxResults, startAt, total: all.length, isLast, values: page.map((v) => versionJson(a, v)) });
  return { status: 200, body: out };
}

export function projectComponents(ctx: RequestContext, params: Record<string, string>): Reply {
  const p = findProject(ctx, params.projectIdOrKey);
  if (isReply(p)) return p;
  const s = store(ctx);
  const a = api(ctx);
  return { status: 200, body: s.componentsOf(p.id).map((c) => componentJson(a, s, c, p)) };
}

export function getVersion(ctx: RequestContext, params: Record<string, string>): Reply {
  const s = store(ctx);
  const v = s.data.versions.get(params.id ?? '');
  const p = v ? s.data.projects.find((x) => x.id === v.projectId) : undefined;
  if (!v || !p || !s.canBrowse(p, ctx.user.accountId)) return jiraError(404, [`Could not find version for id '${params.id ?? ''}'`]);
  return { status: 200, body: versionJson(api(ctx), v) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** POST /version: project administrators only; names are unique per project. */
export function createVersion(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const s = store(ctx);
  const ref = body.projectId ?? body.project;
  const p = typeof ref === 'string' || typeof ref === 'number' ? s.project(String(ref)) : undefined;
  if (!p || !s.canBrowse(p, ctx.user.accountId)) return jiraError(400, [], { project: 'Project must be specified to create a version.' }); // guess
  if (!s.isAdmin(p, ctx.user.accountId)) return jiraError(403, ['You cannot edit the configuration of this project.']);
  const errors: Record<string, string> = {};
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (name === '') errors.name = 'You must specify a valid version name';
  else if (name.length > 255) errors.name = 'The version name must not exceed 255 characters.';
  else if (s.versionsOf(p.id).some((v) => v.name.toLowerCase() === name.toLowerCase())) errors.name = 'A version with this name already exists in this project.';
  for (const f of ['startDate', 'releaseDate'] as const) {
    const d = body[f];
    if (d !== undefined && d !== null && (typeof d !== 'string' || !DATE.test(d))) errors[f] = `Please enter the date in the following format: yyyy-MM-dd`; // guess
  }
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
  const id = String(s.nextId('version'));
  const v: VersionRecord = {
    id,
    projectId: p.id,
    name,
    description: typeof body.description === 'string' ? body.description : '',
    archived: body.archived === true,
    released: body.released === true,
    startDate: typeof body.startDate === 'string' ? body.startDate : null,
    releaseDate: typeof body.releaseDate === 'string' ? body.releaseDate : null,
  };
  s.data.versions.set(id, v);
  return { status: 201, body: versionJson(api(ctx), v) };
}

// ------------------------------------------------------------------ vocabulary

/** GET /issuetype: the issue types of the projects the caller can see. */
export function listIssueTypes(ctx: RequestContext): Reply {
  const s = store(ctx);
  const used = new Set(s.visibleProjects(ctx.user.accountId).flatMap((p) => p.issueTypeIds));
  const a = api(ctx);
  return { status: 200, body: ISSUE_TYPES.filter((t) => used.has(t.id)).map((t) => issueTypeJson(a, t)) };
}

export function issueTypesForProject(ctx: RequestContext): Reply {
  const raw = ctx.query.get('projectId');
  if (raw === null || !/^\d+$/.test(raw)) return jiraError(400, ["The 'projectId' query parameter is required and must be a number."]); // guess
  const p = findProject(ctx, raw);
  if (isReply(p)) return p;
  const a = api(ctx);
  return { status: 200, body: p.issueTypeIds.map((id) => issueTypeJson(a, byId(ISSUE_TYPES, id)!)) };
}

export function getIssueType(ctx: RequestContext, params: Record<string, string>): Reply {
  const t = byId(ISSUE_TYPES, params.id);
  if (!t) return jiraError(404, ['The issue type with id \'' + (params.id ?? '') + '\' does not exist.']);
  return { status: 200, body: issueTypeJson(api(ctx), t) };
}

export function listPriorities(ctx: RequestContext): Reply {
  const a = api(ctx);
  return { status: 200, body: PRIORITIES.map((p) => priorityJson(a, p, true)) };
}

export function listResolutions(ctx: RequestContext): Reply {
  const a = api(ctx);
  return { status: 200, body: RESOLUTIONS.map((r) => resolutionJson(a, r)) };
}

export function listStatuses(ctx: RequestContext): Reply {
  const a = api(ctx);
  return { status: 200, body: STATUSES.map((st) => statusJson(a, st)) };
}

/** GET /serverInfo: how a client tells Cloud from Data Center. */
export function serverInfo(ctx: RequestContext): Reply {
  const a = api(ctx);
  const now = new Date().toISOString().replace('Z', '+0000');
  if (a.dc) {
    return {
      status: 200,
      body: { baseUrl: a.base, version: '9.12.15', versionNumbers: [9, 12, 15], deploymentType: 'Server', buildNumber: 9120015, buildDate: '2024-10-08T00:00:00.000+0000', serverTime: now, scmInfo: '7e6f9cfb6d2b0c2d6b6a4a9a4a7b0a3b9b4c1c3f', serverTitle: 'Acme Jira' },
    };
  }
  return {
    status: 200,
    body: { baseUrl: ctx.urls.siteUrl, displayUrl: ctx.urls.siteUrl, version: '1001.0.0-SNAPSHOT', versionNumbers: [1001, 0, 0], deploymentType: 'Cloud', buildNumber: 100289, buildDate: '2026-11-20T00:00:00.000+0000', serverTime: now, scmInfo: '2f4c1a9e0b7d3c5f8a6e4d2b0c9a7f5e3d1b8c6a', serverTitle: 'Jira' },
  };
}
