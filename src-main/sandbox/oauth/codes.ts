// Authorization requests waiting on the consent page, and the single-use codes they turn into.
// A code is bound to the client, the redirect_uri of its request, the approving user and (Data Center)
// the PKCE challenge, and dies after `codeLifetimeSeconds`.

import type { SeedUser } from '../seed.ts';
import { opaqueToken } from './tokens.ts';

/** Which authorization server: Cloud (auth.atlassian.com) or the provider of a Data Center product. */
export type Provider = 'cloud' | 'jira' | 'confluence';

/** How long a consent page may stay open (mcp-atlassian's wizard gives up after 5 minutes). */
const CONSENT_TTL_MS = 10 * 60_000;

export interface AuthorizationRequest {
  provider: Provider;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  /** Data Center PKCE (S256 only). */
  codeChallenge?: string;
}

interface Pending {
  request: AuthorizationRequest;
  createdAt: number;
}

export interface AuthCode extends AuthorizationRequest {
  user: SeedUser;
  expiresAt: number;
  used: boolean;
}

export type Redeemed = { ok: true; code: AuthCode } | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'mismatch' };

export class CodeStore {
  private readonly pending = new Map<string, Pending>();
  private readonly codes = new Map<string, AuthCode>();

  constructor(private readonly now: () => number) {}

  /** Remembers a validated request; the id goes into the consent form. */
  open(request: AuthorizationRequest): string {
    const id = opaqueToken(18);
    this.pending.set(id, { request, createdAt: this.now() });
    return id;
  }

  /** The request behind a consent form (single use), or undefined when unknown, answered or stale. */
  take(id: string, provider: Provider): AuthorizationRequest | undefined {
    const p = this.pending.get(id);
    if (!p || p.request.provider !== provider) return undefined;
    this.pending.delete(id);
    return this.now() - p.createdAt > CONSENT_TTL_MS ? undefined : p.request;
  }

  issue(request: AuthorizationRequest, user: SeedUser, lifetimeMs: number): string {
    const code = opaqueToken(24);
    this.codes.set(code, { ...request, user, expiresAt: this.now() + lifetimeMs, used: false });
    return code;
  }

  /** Spends a code; it must belong to this provider and client and come with the same redirect_uri. */
  redeem(code: string, provider: Provider, clientId: string, redirectUri: string | undefined): Redeemed {
    const c = this.codes.get(code);
    if (!c || c.provider !== provider) return { ok: false, reason: 'unknown' };
    if (c.used) return { ok: false, reason: 'used' };
    if (this.now() >= c.expiresAt) return { ok: false, reason: 'expired' };
    if (c.clientId !== clientId || c.redirectUri !== redirectUri) return { ok: false, reason: 'mismatch' };
    c.used = true;
    return { ok: true, code: c };
  }

  clear(): void {
    this.pending.clear();
    this.codes.clear();
  }
}
