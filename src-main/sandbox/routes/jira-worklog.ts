// Worklogs: list (startAt/maxResults, startedAfter/startedBefore in epoch ms), get one, add (201)
// with Jira's estimate adjustment (auto, new, manual, leave). Time is `3h 30m` or seconds; the
// comment is ADF on v3 and wiki markup on v2.

import type { WorklogRecord } from '../jira/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import { api, findIssue, intParam, isReply, jiraError, jsonBody, parseDuration, richIn, store } from './jira-common.ts';
import { worklogJson } from './jira-json.ts';

export function listWorklogs(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const startAt = intParam(ctx, 'startAt', 0);
  if (isReply(startAt)) return startAt;
  const maxResults = intParam(ctx, 'maxResults', 5000, 5000);
  if (isReply(maxResults)) return maxResults;
  const after = intParam(ctx, 'startedAfter', 0);
  if (isReply(after)) return after;
  const before = intParam(ctx, 'startedBefore', Number.MAX_SAFE_INTEGER);
  if (isReply(before)) return before;
  const a = api(ctx);
  const s = store(ctx);
  const all = s.worklogsOf(issue.id).filter((w) => Date.parse(w.started) >= after && Date.parse(w.started) <= before);
  return { status: 200, body: { startAt, maxResults, total: all.length, worklogs: all.slice(startAt, startAt + maxResults).map((w) => worklogJson(a, s, w)) } };
}

export function getWorklog(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const w = store(ctx).data.worklogs.get(params.id ?? '');
  if (!w || w.issueId !== issue.id) return jiraError(404, [`Cannot find worklog with id: '${params.id ?? ''}'.`]); // guess
  return { status: 200, body: worklogJson(api(ctx), store(ctx), w) };
}

/** Jira's worklog `started`: `2026-11-20T09:00:00.000+0000` (an ISO `Z` is accepted too). */
function parseStarted(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)([+-]\d{2}):?(\d{2})$|^(.+Z)$/.exec(raw);
  if (!m) return undefined;
  const iso = m[4] ?? `${m[1]}${m[2]}:${m[3]}`;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export function addWorklog(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = findIssue(ctx, params.issueIdOrKey);
  if (isReply(issue)) return issue;
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const a = api(ctx);
  const s = store(ctx);
  const errors: Record<string, string> = {};
  let seconds: number | undefined;
  if (typeof body.timeSpentSeconds === 'number' && body.timeSpentSeconds > 0) seconds = Math.round(body.timeSpentSeconds);
  else if (body.timeSpent !== undefined) {
    seconds = parseDuration(body.timeSpent);
    if (seconds === undefined) errors.timeLogged = 'Invalid time duration entered.';
  } else errors.timeLogged = 'You must indicate the time spent working.';
  const now = new Date().toISOString();
  let started = now;
  if (body.started !== undefined) {
    const st = parseStarted(body.started);
    if (st === undefined) errors.started = "Invalid date format. Please enter the date in the format 'yyyy-MM-dd'T'HH:mm:ss.SSSZ'."; // guess
    else started = st;
  }
  let comment: WorklogRecord['comment'] = null;
  if (body.comment !== undefined) {
    const r = richIn(a, s, body.comment);
    if ('error' in r) errors.comment = r.error;
    else comment = r.doc;
  }
  const adjust = ctx.query.get('adjustEstimate') ?? 'auto';
  if (!['auto', 'new', 'leave', 'manual'].includes(adjust)) errors.adjustEstimate = `Invalid value for adjustEstimate: ${adjust}`; // guess
  let newRemaining: number | null | undefined;
  if (adjust === 'new') {
    newRemaining = parseDuration(ctx.query.get('newEstimate') ?? undefined);
    if (newRemaining === undefined) errors.newEstimate = 'You must supply a valid new estimate.';
  } else if (adjust === 'manual') {
    const by = parseDuration(ctx.query.get('reduceBy') ?? undefined);
    if (by === undefined) errors.reduceBy = 'You must supply a valid amount of time to adjust the estimate by.';
    else newRemaining = Math.max(0, (issue.remainingEstimate ?? 0) - by);
  } else if (adjust === 'auto' && seconds !== undefined && issue.remainingEstimate !== null) {
    newRemaining = Math.max(0, issue.remainingEstimate - seconds);
  }
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);

  const id = String(s.nextId('worklog'));
  const w: WorklogRecord = { id, issueId: issue.id, authorId: ctx.user.accountId, updateAuthorId: ctx.user.accountId, comment, started, timeSpentSeconds: seconds!, created: now, updated: now };
  s.data.worklogs.set(id, w);
  if (newRemaining !== undefined) issue.remainingEstimate = newRemaining;
  issue.updated = now;
  return { status: 201, body: worklogJson(a, s, w) };
}
