// Users and watchers. Cloud names people by accountId (GET /user?accountId, /user/search?query,
// /user/assignable/search?query&project|issueKey); Data Center by username/key (?username). The
// watcher endpoints take a bare JSON string (accountId or username) and default to the caller.

import type { SeedUser } from '../seed.ts';
import type { Reply, RequestContext } from '../types.ts';
import { type Api, api, avatarUrls, dcAvatarUrls, expands, findIssue, findProject, intParam, isReply, jiraError, store, userJson } from './jira-common.ts';

const GROUPS = [
  { name: 'jira-software-users', groupId: '6a1c5b3e-2f4d-4e8a-9c7b-1d0e3f5a7b9c' },
  { name: 'confluence-users', groupId: '0b9d7f5e-3c1a-4b2d-8e6f-7a5c3e1d9b0f' },
  { name: 'site-admins', groupId: 'c2e4a6b8-d0f2-4416-8a9c-b1d3f5e7a9c1' },
];

/** The full user (GET /user, /myself): groups and application roles listed only when expanded. */
export function fullUserJson(a: Api, u: SeedUser, expand: Set<string>): Record<string, unknown> {
  if (a.dc) {
    return {
      self: `${a.rest}/user?username=${encodeURIComponent(u.dc.username)}`,
      key: u.dc.jiraKey,
      name: u.dc.username,
      emailAddress: u.email,
      avatarUrls: dcAvatarUrls(a.base, u),
      displayName: u.displayName,
      active: true,
      deleted: false,
      timeZone: u.timeZone,
      locale: u.locale,
      groups: { size: 2, items: [] },
      applicationRoles: { size: 1, items: [] },
      expand: 'groups,applicationRoles',
    };
  }
  return {
    self: `${a.rest}/user?accountId=${encodeURIComponent(u.accountId)}`,
    accountId: u.accountId,
    accountType: 'atlassian',
    emailAddress: u.email,
    avatarUrls: avatarUrls(u.email, u.displayName),
    displayName: u.displayName,
    active: true,
    timeZone: u.timeZone,
    locale: u.locale,
    groups: {
      size: GROUPS.length,
      items: expand.has('groups') ? GROUPS.map((g) => ({ ...g, self: `${a.rest}/group?groupId=${g.groupId}` })) : [],
    },
    applicationRoles: { size: 1, items: expand.has('applicationRoles') ? [{ key: 'jira-software', name: 'Jira Software' }] : [] },
    expand: 'groups,applicationRoles',
  };
}

export function myself(ctx: RequestContext): Reply {
  return { status: 200, body: fullUserJson(api(ctx), ctx.user, expands(ctx)) };
}

export function getUser(ctx: RequestContext): Reply {
  const a = api(ctx);
  const s = store(ctx);
  if (a.dc) {
    const ref = ctx.query.get('username') ?? ctx.query.get('key');
    if (ref === null) return jiraError(400, ['Either the \'username\' or the \'key\' query parameters need to be provided']);
    const u = s.dcUser(ref);
    if (!u) return jiraError(404, [`The user named '${ref}' does not exist`]);
    return { status: 200, body: fullUserJson(a, u, expands(ctx)) };
  }
  const id = ctx.query.get('accountId');
  if (id === null) return jiraError(400, ["The query parameter 'accountId' is required."]); // guess
  const u = s.user(id);
  if (!u) return jiraError(404, ['Specified user does not exist or you do not have required permissions']); // guess
  return { status: 200, body: fullUserJson(a, u, expands(ctx)) };
}

/** Does a user match a search string (prefix of a word of the name, the email, or the username)? */
function matches(u: SeedUser, q: string, dc: boolean): boolean {
  const n = q.toLowerCase().trim();
  if (n === '') return true;
  const words = [...u.displayName.toLowerCase().split(/\s+/), u.email.toLowerCase(), ...(dc ? [u.dc.username.toLowerCase()] : [])];
  return words.some((w) => w.startsWith(n)) || u.displayName.toLowerCase().startsWith(n);
}

function userPage(ctx: RequestContext, users: SeedUser[]): Reply {
  const startAt = intParam(ctx, 'startAt', 0);
  if (isReply(startAt)) return startAt;
  const maxResults = intParam(ctx, 'maxResults', 50, 1000);
  if (isReply(maxResults)) return maxResults;
  const a = api(ctx);
  return { status: 200, body: users.slice(startAt, startAt + maxResults).map((u) => userJson(a, u)) };
}

export function searchUsers(ctx: RequestContext): Reply {
  const a = api(ctx);
  const s = store(ctx);
  const q = a.dc ? ctx.query.get('username') : ctx.query.get('query');
  const id = a.dc ? null : ctx.query.get('accountId');
  if (q === null && id === null) {
    return jiraError(400, [a.dc ? "The username query parameter was not provided" : "One of 'query' or 'accountId' query parameters must be provided."]); // guess (Cloud)
  }
  return userPage(ctx, s.users.filter((u) => (id === null || u.accountId === id) && (q === null || matches(u, q, a.dc))));
}

/** GET /user/assignable/search: people who may be assigned issues of a project (those who can browse it). */
export function assignableUsers(ctx: RequestContext): Reply {
  const a = api(ctx);
  const s = store(ctx);
  const issueRef = ctx.query.get('issueKey') ?? ctx.query.get('issueId');
  let projectId: string;
  if (issueRef !== null) {
    const issue = findIssue(ctx, issueRef);
    if (isReply(issue)) return issue;
    projectId = issue.projectId;
  } else {
    const projectRef = ctx.query.get('project');
    if (projectRef === null) return jiraError(400, ["At least one of the parameters 'project', 'issueKey' or 'issueId' is required."]); // guess
    const p = findProject(ctx, projectRef);
    if (isReply(p)) return p;
    projectId = p.id;
  }
  const project = s.project(projectId)!;
  const q = (a.dc ? ctx.query.get('username') : ctx.query.get('query')) ?? '';
  const id = a.dc ? null : ctx.query.get('accountId');
  return userPage(ctx, s.users.filter((u) => s.canBrowse(project, u.accountId) && (id === null || u.accountId === id) && matches(u, q, a.dc)));
}

// ------------------------------------------------------------------ watchers

export function getWatchers(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const a = api(ctx);
  const s = store(ctx);
  return {
    status: 200,
    body: {
      self: `${a.rest}/issue/${issue.key}/watchers`,
      isWatching: issue.watcherIds.includes(ctx.user.accountId),
      watchCount: issue.watcherIds.length,
      watchers: issue.watcherIds.map((id) => userJson(a, s.user(id))).filter((u) => u !== null),
    },
  };
}

export function addWatcher(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const a = api(ctx);
  const s = store(ctx);
  const raw = ctx.rawBody.toString('utf8').trim();
  let who: SeedUser | undefined = ctx.user;
  if (raw !== '') {
    // the body is a JSON string: "<accountId>" (Cloud) or "<username>" (Data Center)
    if (!raw.startsWith('"') || typeof ctx.body !== 'string') return jiraError(400, ['The request body must be a JSON string naming the user.']); // guess
    who = a.dc ? s.dcUser(ctx.body) : s.user(ctx.body);
    if (!who) return jiraError(404, [`The user '${ctx.body}' does not exist.`]); // guess
  }
  if (!s.canBrowse(s.projectOf(issue), who.accountId)) return jiraError(401, [`The user '${a.dc ? who.dc.username : who.accountId}' does not have permission to view this issue.`]); // guess
  if (!issue.watcherIds.includes(who.accountId)) issue.watcherIds.push(who.accountId);
  return { status: 204 };
}

export function removeWatcher(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const a = api(ctx);
  const s = store(ctx);
  const ref = a.dc ? ctx.query.get('username') : ctx.query.get('accountId');
  if (ref === null) return jiraError(400, [a.dc ? "The 'username' query parameter is required." : "The 'accountId' query parameter is required."]); // guess
  const who = a.dc ? s.dcUser(ref) : s.user(ref);
  if (!who) return jiraError(404, [`The user '${ref}' does not exist.`]); // guess
  if (who.accountId !== ctx.user.accountId && !s.isAdmin(s.projectOf(issue), ctx.user.accountId)) {
    return jiraError(403, ['You do not have the permission to manage the watcher list.']); // guess
  }
  issue.watcherIds = issue.watcherIds.filter((id) => id !== who.accountId);
  return { status: 204 };
}
