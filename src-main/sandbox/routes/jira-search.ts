// Search. Cloud: the enhanced search `GET|POST /rest/api/{2,3}/search/jql` (nextPageToken + isLast,
// no total; only ids and keys unless `fields` asks for more), `POST /search/approximate-count`, and
// the old `/search` answering 410 Gone as Atlassian does since its removal. Data Center: the
// classic `GET|POST /rest/api/2/search` with startAt/maxResults/total.

import { createHash } from 'node:crypto';
import { JqlError } from '../jira/jql.ts';
import { compileQuery } from '../jira/search.ts';
import type { IssueRecord } from '../jira/model.ts';
import type { Reply, RequestContext } from '../types.ts';
import { api, expands, isObject, isReply, jiraError, jsonBody, listParam, store } from './jira-common.ts';
import { issueJson, type IssueView } from './jira-issue-json.ts';
import { issueView } from './jira-issues.ts';
import { fieldDef } from '../jira/fields.ts';

const REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

/** The old Cloud search endpoints: gone. */
export function searchGone(): Reply {
  return jiraError(410, [REMOVED]);
}

/** Runs a query as the caller; a Reply carries Jira's 400 for invalid JQL. */
export function runJql(ctx: RequestContext, jql: string, requireBound: boolean): IssueRecord[] | Reply {
  try {
    const q = compileQuery(jql, { store: store(ctx), userId: ctx.user.accountId, dc: api(ctx).dc });
    if (requireBound && !q.bounded) return jiraError(400, ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
    return q.run();
  } catch (err) {
    if (err instanceof JqlError) return jiraError(400, err.messages);
    throw err;
  }
}

interface SearchInput {
  jql: string;
  fields: string[] | undefined;
  expand: Set<string>;
  maxResults: unknown;
  nextPageToken: unknown;
  startAt: unknown;
}

function inputFrom(ctx: RequestContext): SearchInput | Reply {
  if (ctx.method === 'GET') {
    return {
      jql: ctx.query.get('jql') ?? '',
      fields: listParam(ctx, 'fields'),
      expand: expands(ctx),
      maxResults: ctx.query.get('maxResults') ?? undefined,
      nextPageToken: ctx.query.get('nextPageToken') ?? undefined,
      startAt: ctx.query.get('startAt') ?? undefined,
    };
  }
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const expand = Array.isArray(body.expand) ? body.expand.join(',') : body.expand;
  return {
    jql: typeof body.jql === 'string' ? body.jql : '',
    fields: Array.isArray(body.fields) ? body.fields.map(String) : undefined,
    expand: expands(undefined, expand),
    maxResults: body.maxResults,
    nextPageToken: body.nextPageToken,
    startAt: body.startAt,
  };
}

function intOf(raw: unknown, name: string, fallback: number): number | Reply {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n)) return jiraError(400, [`The value '${String(raw)}' of '${name}' is not a valid number.`]); // guess
  return n;
}

function jqlHash(jql: string): string {
  return createHash('sha256').update(jql).digest('base64url').slice(0, 10);
}

/** Names and schemas of the fields returned (expand=names / expand=schema at the top level). */
function topLevel(view: IssueView, out: Record<string, unknown>, sampleFields: string[]): void {
  if (view.expand.has('names')) out.names = Object.fromEntries(sampleFields.map((id) => [id, fieldDef(id, view.a.dc)?.name ?? id]));
  if (view.expand.has('schema')) {
    out.schema = Object.fromEntries(sampleFields.map((id) => [id, fieldDef(id, view.a.dc)?.schema]).filter(([, s]) => s !== undefined));
  }
}

/** GET|POST /rest/api/{2,3}/search/jql — the enhanced search of Jira Cloud. */
export function searchJql(ctx: RequestContext): Reply {
  const input = inputFrom(ctx);
  if (isReply(input)) return input;
  const fieldsAsked = input.fields ?? [];
  const idsOnly = fieldsAsked.every((f) => f === 'id' || f === 'key');
  // Atlassian: up to 5000 when only ids/keys are asked for, else 100 (larger values are lowered)
  const max = intOf(input.maxResults, 'maxResults', 50);
  if (isReply(max)) return max;
  const maxResults = Math.min(Math.max(max, 1), idsOnly ? 5000 : 100);
  let offset = 0;
  if (input.nextPageToken !== undefined && input.nextPageToken !== '') {
    const t = parseToken(input.nextPageToken);
    if (!t || t.q !== jqlHash(input.jql)) return jiraError(400, ['The provided next page token is invalid or expired.']); // guess at the sentence
    offset = t.o;
  }
  const hits = runJql(ctx, input.jql, true);
  if (isReply(hits)) return hits;
  // the enhanced search leaves the issue expansions other than names/schema on each issue
  const view = issueView(ctx, input.fields, 'none', input.expand);
  const page = hits.slice(offset, offset + maxResults);
  const issues = page.map((i) => {
    const json = issueJson({ ...view, expand: new Set([...view.expand].filter((e) => e !== 'names' && e !== 'schema')) }, i);
    if (Object.keys(json.fields as object).length === 0) delete json.fields;
    return json;
  });
  const out: Record<string, unknown> = { issues };
  const next = offset + maxResults < hits.length;
  if (next) out.nextPageToken = Buffer.from(JSON.stringify({ o: offset + maxResults, q: jqlHash(input.jql) })).toString('base64url');
  out.isLast = !next;
  topLevel(view, out, Object.keys((issues[0]?.fields as object | undefined) ?? {}));
  return { status: 200, body: out };
}

function parseToken(raw: unknown): { o: number; q: string } | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (!isObject(v) || typeof v.o !== 'number' || typeof v.q !== 'string' || !Number.isInteger(v.o) || v.o < 0) return undefined;
    return { o: v.o, q: v.q };
  } catch {
    return undefined;
  }
}

/** POST /rest/api/3/search/approximate-count. */
export function approximateCount(ctx: RequestContext): Reply {
  const body = jsonBody(ctx);
  if (isReply(body)) return body;
  const hits = runJql(ctx, typeof body.jql === 'string' ? body.jql : '', true);
  if (isReply(hits)) return hits;
  return { status: 200, body: { count: hits.length } };
}

/** Data Center: GET|POST /rest/api/2/search (startAt, maxResults ≤ 1000, total). */
export function searchDc(ctx: RequestContext): Reply {
  const input = inputFrom(ctx);
  if (isReply(input)) return input;
  const startAt = intOf(input.startAt, 'startAt', 0);
  if (isReply(startAt)) return startAt;
  const max = intOf(input.maxResults, 'maxResults', 50);
  if (isReply(max)) return max;
  const maxResults = Math.min(Math.max(max, 0), 1000);
  const hits = runJql(ctx, input.jql, false);
  if (isReply(hits)) return hits;
  const view = issueView(ctx, input.fields, '*navigable', input.expand);
  const issues = hits.slice(Math.max(0, startAt), Math.max(0, startAt) + maxResults).map((i) => issueJson({ ...view, expand: new Set([...view.expand].filter((e) => e !== 'names' && e !== 'schema')) }, i));
  const out: Record<string, unknown> = { expand: 'schema,names', startAt: Math.max(0, startAt), maxResults, total: hits.length, issues };
  topLevel(view, out, Object.keys((issues[0]?.fields as object | undefined) ?? {}));
  return { status: 200, body: out };
}
