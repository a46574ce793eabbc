// The auth matrix (reference/atlassian.md "Sites and base URLs"):
//   site (Cloud site URL):  Basic email:classicToken only. Scoped token, Bearer, nothing → 401.
//   api  (gateway /ex/...): Basic email:scopedToken, or Bearer <Cloud OAuth access token>. Classic token → 401.
//   dc   (Data Center):     Bearer <PAT>, Bearer <DC OAuth access token of that product> or Basic username:password.
//   auth (auth server):     nothing here: its endpoints take client credentials in the request body.
// OAuth access tokens are resolved by the caller's BearerVerifier (oauth/authority.ts).
// Comparisons are constant-time; nothing here logs or echoes a credential.

import { timingSafeEqual } from 'node:crypto';
import { NARROW_TOKEN_SCOPES, type SandboxSeed, type SeedUser } from './seed.ts';
import type { AuthMethod, ListenerName } from './types.ts';

export type Credential =
  | { kind: 'none' }
  | { kind: 'basic'; user: string; secret: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'malformed' };

export type AuthResult =
  | { ok: true; user: SeedUser; method: AuthMethod; /** The scopes of an OAuth grant or a narrow scoped token; absent: every scope. */ scopes?: readonly string[] }
  | { ok: false; reason: string };

/** Resolves an OAuth access token to the user who consented and the scopes granted, if it is live. */
export type BearerVerifier = (token: string) => { user: SeedUser; scopes: string[] } | undefined;

export function parseAuthorization(header: string | undefined): Credential {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const m = /^(\S+)\s+(.+)$/.exec(header.trim());
  if (!m) return { kind: 'malformed' };
  const scheme = m[1]!.toLowerCase();
  const value = m[2]!.trim();
  if (scheme === 'bearer') return { kind: 'bearer', token: value };
  if (scheme === 'basic') {
    if (!/^[A-Za-z0-9+/=_-]+$/.test(value)) return { kind: 'malformed' };
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { kind: 'malformed' };
    return { kind: 'basic', user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  return { kind: 'malformed' };
}

function same(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

function byEmail(seed: SandboxSeed, email: string): SeedUser | undefined {
  const e = email.trim().toLowerCase();
  return seed.users.find((u) => u.email.toLowerCase() === e);
}

/** Cloud site: only Basic email:classicToken. */
export function authenticateSite(seed: SandboxSeed, cred: Credential): AuthResult {
  if (cred.kind !== 'basic') return { ok: false, reason: cred.kind === 'bearer' ? 'bearer-on-site' : cred.kind };
  const user = byEmail(seed, cred.user);
  if (!user) return { ok: false, reason: 'unknown-user' };
  if (same(cred.secret, user.classicToken)) return { ok: true, user, method: 'classic-token' };
  if (same(cred.secret, user.scopedToken) || same(cred.secret, user.narrowScopedToken)) return { ok: false, reason: 'scoped-token-on-site' };
  return { ok: false, reason: 'bad-token' };
}

/** api.atlassian.com gateway: Basic email:scopedToken or Bearer OAuth (3LO) access token. */
export function authenticateGateway(seed: SandboxSeed, cred: Credential, verifyBearer?: BearerVerifier): AuthResult {
  if (cred.kind === 'bearer') {
    const grant = verifyBearer?.(cred.token);
    return grant ? { ok: true, user: grant.user, method: 'oauth', scopes: grant.scopes } : { ok: false, reason: 'bad-bearer' };
  }
  if (cred.kind !== 'basic') return { ok: false, reason: cred.kind };
  const user = byEmail(seed, cred.user);
  if (!user) return { ok: false, reason: 'unknown-user' };
  if (same(cred.secret, user.scopedToken)) return { ok: true, user, method: 'scoped-token' };
  if (same(cred.secret, user.narrowScopedToken)) return { ok: true, user, method: 'scoped-token', scopes: NARROW_TOKEN_SCOPES };
  if (same(cred.secret, user.classicToken)) return { ok: false, reason: 'classic-token-on-gateway' };
  return { ok: false, reason: 'bad-token' };
}

/** Data Center: Bearer PAT, Bearer OAuth 2.0 access token, or Basic username:password. */
export function authenticateDc(seed: SandboxSeed, cred: Credential, verifyBearer?: BearerVerifier): AuthResult {
  if (cred.kind === 'bearer') {
    const user = seed.users.find((u) => same(cred.token, u.dc.pat));
    if (user) return { ok: true, user, method: 'pat' };
    const grant = verifyBearer?.(cred.token);
    return grant ? { ok: true, user: grant.user, method: 'oauth', scopes: grant.scopes } : { ok: false, reason: 'bad-pat' };
  }
  if (cred.kind === 'basic') {
    const user = seed.users.find((u) => u.dc.username === cred.user);
    if (user && same(cred.secret, user.dc.password)) return { ok: true, user, method: 'password' };
    return { ok: false, reason: 'bad-password' };
  }
  return { ok: false, reason: cred.kind };
}

/** `verifyBearer` resolves OAuth access tokens: Cloud ones on the gateway, the product's own on Data Center. */
export function authenticate(listener: ListenerName, seed: SandboxSeed, cred: Credential, verifyBearer?: BearerVerifier): AuthResult {
  switch (listener) {
    case 'site':
      return authenticateSite(seed, cred);
    case 'api':
      return authenticateGateway(seed, cred, verifyBearer);
    case 'dc':
      return authenticateDc(seed, cred, verifyBearer);
    case 'auth':
      return { ok: false, reason: 'no-user-auth-on-auth-server' };
  }
}
