// Knobs and counters of the sandbox authorization servers (Cloud 3LO and Data Center OAuth 2.0).
// Tests shorten lifetimes and the reuse grace (or advance the OAuth clock) instead of waiting hours,
// and read the counters to assert how often a client really went to the token endpoint.

/** Seeded accounts that can approve a consent (their `dc.username`). */
export type ApprovingUser = 'alice' | 'bob';

export interface OAuthSettings {
  /** Lifetime of access tokens in seconds (`expires_in`; Atlassian answers 3600). */
  accessTokenLifetimeSeconds: number;
  /** How long a rotated-out refresh token is still accepted (Atlassian: about 10 minutes). 0 = never. */
  refreshReuseGraceSeconds: number;
  /** Lifetime of authorization codes in seconds. */
  codeLifetimeSeconds: number;
  /** The account preselected on the consent page, i.e. the one that approves when a test just submits. */
  approvingUser: ApprovingUser;
}

export const DEFAULT_OAUTH_SETTINGS: Readonly<OAuthSettings> = Object.freeze({
  accessTokenLifetimeSeconds: 3600,
  refreshReuseGraceSeconds: 600,
  codeLifetimeSeconds: 300,
  approvingUser: 'alice',
});

/** Token endpoint requests by the `grant_type` sent (`other`: missing or unsupported). Every outcome counts. */
export interface GrantTypeCounters {
  authorization_code: number;
  refresh_token: number;
  other: number;
}

export interface OAuthCounters {
  /** Cloud: GET /authorize requests (valid or not). */
  authorizeRequests: number;
  /** Consent pages answered with Approve / Deny (Cloud and Data Center). */
  approvals: number;
  denials: number;
  /** Cloud: POST /oauth/token requests. */
  tokenRequests: GrantTypeCounters;
  /** Cloud: refresh_token grants answered 200 (tolerated reuses included). */
  refreshes: number;
  /** Cloud: rotated-out refresh tokens accepted because they came back within the reuse grace. */
  graceReuses: number;
  /** Cloud: consents revoked because a rotated-out refresh token came back after the grace. */
  revokedFamilies: number;
  /** Data Center: POST …/rest/oauth2/latest/token requests (Jira and Confluence together). */
  dcTokenRequests: GrantTypeCounters;
  /** Data Center: refresh_token grants answered 200. */
  dcRefreshes: number;
}

export function zeroCounters(): OAuthCounters {
  return {
    authorizeRequests: 0,
    approvals: 0,
    denials: 0,
    tokenRequests: { authorization_code: 0, refresh_token: 0, other: 0 },
    refreshes: 0,
    graceReuses: 0,
    revokedFamilies: 0,
    dcTokenRequests: { authorization_code: 0, refresh_token: 0, other: 0 },
    dcRefreshes: 0,
  };
}

/** Zeroes the counters in place, so references handed out earlier (`sandbox.oauth.counters`) stay live. */
export function clearCounters(c: OAuthCounters): void {
  const zero = zeroCounters();
  Object.assign(c.tokenRequests, zero.tokenRequests);
  Object.assign(c.dcTokenRequests, zero.dcTokenRequests);
  Object.assign(c, { ...zero, tokenRequests: c.tokenRequests, dcTokenRequests: c.dcTokenRequests });
}

export function countGrant(c: GrantTypeCounters, grantType: string | undefined): void {
  if (grantType === 'authorization_code' || grantType === 'refresh_token') c[grantType] += 1;
  else c.other += 1;
}

/** Validates a partial settings object (admin JSON or SandboxOptions) and applies it. Throws TypeError. */
export function applySettings(target: OAuthSettings, patch: unknown): void {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new TypeError('settings must be a JSON object');
  const p = patch as Record<string, unknown>;
  const next = { ...target };
  for (const key of ['accessTokenLifetimeSeconds', 'refreshReuseGraceSeconds', 'codeLifetimeSeconds'] as const) {
    const v = p[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new TypeError(`${key} must be a number of seconds ≥ 0`);
    next[key] = v;
  }
  if (p.approvingUser !== undefined) {
    if (p.approvingUser !== 'alice' && p.approvingUser !== 'bob') throw new TypeError('approvingUser must be "alice" or "bob"');
    next.approvingUser = p.approvingUser;
  }
  const unknown = Object.keys(p).filter((k) => !(k in DEFAULT_OAUTH_SETTINGS));
  if (unknown.length > 0) throw new TypeError(`unknown setting(s): ${unknown.join(', ')}`);
  Object.assign(target, next);
}
