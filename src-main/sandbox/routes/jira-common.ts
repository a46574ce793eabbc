// Shared pieces of the Jira routes: which flavour a request speaks (Cloud v3 = ADF bodies, Cloud v2
// and Data Center = wiki markup; Data Center names users by username/key), Jira's error bodies,
// parameters, rich-text bodies in and out, and the lookups that hide what the caller may not see.

import { createHash } from 'node:crypto';
import { type AdfDoc, isAdfDoc } from '../jira/adf.ts';
import type { IssueRecord, JiraStore, ProjectRecord } from '../jira/model.ts';
import { adfToWiki, type MentionCodec, wikiToAdf } from '../jira/wiki.ts';
import type { SeedUser } from '../seed.ts';
import type { Reply, RequestContext } from '../types.ts';

export interface Api {
  /** 3: rich text is ADF; 2: wiki markup. */
  version: 2 | 3;
  /** Data Center: users by username/key, DC-only fields (Epic Link), v2 only. */
  dc: boolean;
  /** Base of self links: the site, the gateway prefix, or the DC context path. */
  base: string;
  /** `${base}/rest/api/${version}`. */
  rest: string;
}

/**
 * Base of Jira `self` links: the site, or the gateway prefix when the request came through
 * api.atlassian.com (Jira rewrites its self links to the URL it was called on), or `/jira` on DC.
 */
export function jiraBase(ctx: RequestContext): string {
  if (ctx.listener === 'dc') return `${ctx.urls.dcUrl}${ctx.prefix}`;
  return ctx.listener === 'api' ? `${ctx.urls.apiUrl}${ctx.prefix}` : ctx.urls.siteUrl;
}

/** The flavour of a request. The agile API answers with v2 representations (wiki markup bodies). */
export function api(ctx: RequestContext): Api {
  const version = ctx.path.startsWith('/rest/api/3/') ? 3 : 2;
  const base = jiraBase(ctx);
  return { version, dc: ctx.listener === 'dc', base, rest: `${base}/rest/api/${version}` };
}

export function store(ctx: RequestContext): JiraStore {
  return ctx.state.jira;
}

export function isReply(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Reply).status === 'number';
}

// ------------------------------------------------------------------ errors

/** Jira's error body: `{errorMessages:[...], errors:{field: sentence}}`. */
export function jiraError(status: number, messages: string[] = [], errors: Record<string, string> = {}): Reply {
  return { status, body: { errorMessages: messages, errors } };
}

/** The 404 of a missing issue and of one the caller may not browse (Jira does not tell them apart). */
export function issueNotFound(): Reply {
  return jiraError(404, ['Issue does not exist or you do not have permission to see it.']);
}

/** A 400 naming fields: `{errorMessages: [], errors: {field: sentence}}`. */
export function fieldErrors(errors: Record<string, string>): Reply {
  return jiraError(400, [], errors);
}

// ------------------------------------------------------------------ lookups that respect permissions

/** The issue by id or key, or Jira's 404 when it does not exist or the caller may not browse it. */
export function findIssue(ctx: RequestContext, idOrKey: string | undefined): IssueRecord | Reply {
  const s = store(ctx);
  const issue = idOrKey === undefined ? undefined : s.issue(idOrKey);
  if (!issue || !s.canBrowse(s.projectOf(issue), ctx.user.accountId)) return issueNotFound();
  return issue;
}

/** The project by id or key, or Jira's 404 (a project the caller may not browse does not exist). */
export function findProject(ctx: RequestContext, idOrKey: string | undefined): ProjectRecord | Reply {
  const s = store(ctx);
  const p = idOrKey === undefined ? undefined : s.project(idOrKey);
  if (!p || !s.canBrowse(p, ctx.user.accountId)) {
    const what = idOrKey !== undefined && /^\d+$/.test(idOrKey) ? 'id' : 'key';
    return jiraError(404, [`No project could be found with ${what} '${idOrKey ?? ''}'.`]);
  }
  return p;
}

// ------------------------------------------------------------------ parameters

/** The `expand` query parameter (repeated or comma-separated), plus a body's `expand` if given. */
export function expands(ctx: RequestContext | undefined, bodyExpand?: unknown): Set<string> {
  const raw = [...(ctx?.query.getAll('expand') ?? []), ...(typeof bodyExpand === 'string' ? [bodyExpand] : [])];
  return new Set(
    raw
      .flatMap((v) => v.split(','))
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

export function listParam(ctx: RequestContext, name: string): string[] | undefined {
  const raw = ctx.query.getAll(name);
  if (raw.length === 0) return undefined;
  return raw
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** An integer query parameter; the 400 wording is a guess (Jira's varies by resource). */
export function intParam(ctx: RequestContext, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number | Reply {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) return jiraError(400, [`The value '${raw}' of the query parameter '${name}' is not a valid number.`]);
  return Math.min(Math.max(Number(raw), 0), max);
}

export function boolParam(ctx: RequestContext, name: string, fallback = false): boolean {
  const raw = ctx.query.get(name);
  return raw === null ? fallback : raw === 'true';
}

/** The JSON object of a write request, or Jira's 400 for a missing or malformed body. */
export function jsonBody(ctx: RequestContext): Record<string, unknown> | Reply {
  const b = ctx.body;
  if (b === undefined) return jiraError(400, ['No content to map due to end-of-input']);
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return jiraError(400, ['Unexpected character in the request body: it must be a JSON object.']);
  return b as Record<string, unknown>;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ------------------------------------------------------------------ rich text

export function mentionCodec(a: Api, s: JiraStore): MentionCodec {
  if (a.dc) {
    return {
      toWiki: (id) => s.user(id)?.dc.username ?? id,
      fromWiki: (ref) => {
        const u = s.dcUser(ref);
        return u ? { id: u.accountId, name: u.displayName } : undefined;
      },
    };
  }
  return {
    toWiki: (id) => `accountid:${id}`,
    fromWiki: (ref) => {
      const m = /^accountid:(.+)$/i.exec(ref);
      if (!m) return undefined;
      const u = s.user(m[1]!);
      return { id: m[1]!, name: u?.displayName ?? 'Unknown user' };
    },
  };
}

/** A stored rich-text value as the flavour shows it: ADF (v3) or wiki markup (v2), null stays null. */
export function richOut(a: Api, s: JiraStore, value: AdfDoc | null): unknown {
  if (value === null) return null;
  return a.version === 3 ? value : adfToWiki(value, mentionCodec(a, s));
}

/** A rich-text value from a request: ADF on v3, a string on v2. `{error}` carries Jira's sentence. */
export function richIn(a: Api, s: JiraStore, value: unknown): { doc: AdfDoc | null } | { error: string } {
  if (value === null) return { doc: null };
  if (a.version === 3) {
    if (!isAdfDoc(value)) return { error: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' };
    return { doc: structuredClone(value) };
  }
  if (typeof value !== 'string') return { error: 'Operation value must be a string' };
  return { doc: value.trim() === '' ? null : wikiToAdf(value, mentionCodec(a, s)) };
}

// ------------------------------------------------------------------ durations

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 8 * HOUR; // Jira's default working day
const WEEK = 5 * DAY;

/** `3h 30m` style (Jira's defaults: 8-hour days, 5-day weeks). */
export function formatDuration(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of [['w', WEEK], ['d', DAY], ['h', HOUR], ['m', MINUTE]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}

/** `1w 2d 3h 30m` → seconds; a bare number means minutes (as Jira reads it); undefined when invalid. */
export function parseDuration(raw: unknown): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (/^\d+$/.test(s)) return Number(s) * MINUTE;
  if (!/^(\d+(\.\d+)?\s*[wdhm]\s*)+$/i.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)\s*([wdhm])/gi)) {
    const size = { w: WEEK, d: DAY, h: HOUR, m: MINUTE }[m[2]!.toLowerCase() as 'w' | 'd' | 'h' | 'm'];
    total += Number(m[1]) * size;
  }
  return total > 0 ? Math.round(total) : undefined;
}

// ------------------------------------------------------------------ users

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** Cloud avatar URLs: gravatar with Atlassian's initials avatar as the fallback. */
export function avatarUrls(email: string, displayName: string): Record<string, string> {
  const hash = createHash('md5').update(email.trim().toLowerCase()).digest('hex');
  const fallback = encodeURIComponent(
    `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${initials(displayName)}-5.png`,
  );
  const out: Record<string, string> = {};
  for (const size of [48, 24, 16, 32]) {
    out[`${size}x${size}`] = `https://secure.gravatar.com/avatar/${hash}?d=${fallback}`;
  }
  return out;
}

export function dcAvatarUrls(base: string, u: SeedUser): Record<string, string> {
  const avatar = (size: number): string => `${base}/secure/useravatar?size=${size === 48 ? 'large' : size === 32 ? 'medium' : size === 24 ? 'small' : 'xsmall'}&ownerId=${u.dc.username}&avatarId=10341`;
  return { '48x48': avatar(48), '24x24': avatar(24), '16x16': avatar(16), '32x32': avatar(32) };
}

/** A user as it appears inside other objects (UserDetails); null for "nobody". */
export function userJson(a: Api, u: SeedUser | undefined): Record<string, unknown> | null {
  if (!u) return null;
  if (a.dc) {
    return {
      self: `${a.rest}/user?username=${encodeURIComponent(u.dc.username)}`,
      name: u.dc.username,
      key: u.dc.jiraKey,
      emailAddress: u.email,
      avatarUrls: dcAvatarUrls(a.base, u),
      displayName: u.displayName,
      active: true,
      timeZone: u.timeZone,
    };
  }
  return {
    self: `${a.rest}/user?accountId=${encodeURIComponent(u.accountId)}`,
    accountId: u.accountId,
    emailAddress: u.email,
    avatarUrls: avatarUrls(u.email, u.displayName),
    displayName: u.displayName,
    active: true,
    timeZone: u.timeZone,
    accountType: 'atlassian',
  };
}

/**
 * The user a request body names: Cloud `{accountId}`, Data Center `{name}` or `{key}`. Returns
 * `null` for an explicit "nobody", undefined when the reference names no known user.
 */
export function userRef(a: Api, s: JiraStore, ref: unknown): SeedUser | null | undefined {
  if (ref === null) return null;
  if (!isObject(ref)) return undefined;
  if (a.dc) {
    const name = ref.name ?? ref.key;
    if (name === null) return null;
    return typeof name === 'string' ? s.dcUser(name) : undefined;
  }
  if (ref.accountId === null) return null;
  return typeof ref.accountId === 'string' ? s.user(ref.accountId) : undefined;
}

/** How a user reference is echoed in error sentences. */
export function refLabel(a: Api, ref: unknown): string {
  if (!isObject(ref)) return String(ref);
  return String((a.dc ? (ref.name ?? ref.key) : ref.accountId) ?? '');
}
