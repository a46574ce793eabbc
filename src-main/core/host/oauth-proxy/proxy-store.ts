// Everything the proxy remembers, in memory only: registered clients, authorizations in flight,
// codes, and the tokens Tether issued. A restart forgets it all, so MCP clients authorize again;
// nothing here ever reaches the disk. Tokens are kept by their SHA-256 digest, never as given.
import { createHash, randomBytes } from 'node:crypto';
import type { OAuthClientInformationFull } from '@modelcontextprotocol/server';
import type { TokenAnswer } from '../../auth/oauth/token-endpoint.ts';

/** What the MCP client asked for at /authorize, waiting for Atlassian to answer (keyed by Tether's state). */
export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  state?: string | undefined;
  /** False until the person approves Tether's own consent page (when ATLASSIAN_OAUTH_REQUIRE_CONSENT is on). */
  consented: boolean;
  expiresAt: number;
}

/** One MCP client's authorization: the Atlassian grant behind it and the site it serves. */
export interface ProxyGrant {
  id: string;
  clientId: string;
  atlassian: TokenAnswer;
  cloudId: string;
  revoked?: boolean;
  refreshing?: Promise<void> | undefined;
}

export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  grant: ProxyGrant;
  expiresAt: number;
}

interface IssuedToken {
  grant: ProxyGrant;
  expiresAt: number;
}

const PENDING_MS = 10 * 60_000;
const CODE_MS = 5 * 60_000;
export const REFRESH_TOKEN_MS = 30 * 24 * 3600_000;

export const newSecret = () => randomBytes(32).toString('base64url');
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** A map whose entries expire; expired ones are swept on each write so the map cannot grow forever. */
class Expiring<T extends { expiresAt: number }> {
  private readonly items = new Map<string, T>();
  constructor(private readonly max = 10_000) {}
  set(key: string, value: T): void {
    const now = Date.now();
    for (const [k, v] of this.items) if (v.expiresAt <= now) this.items.delete(k);
    // Oldest first: a flood of half-finished authorizations pushes out only the oldest ones.
    while (this.items.size >= this.max) this.items.delete(this.items.keys().next().value as string);
    this.items.set(key, value);
  }
  get(key: string): T | undefined {
    const value = this.items.get(key);
    return value && value.expiresAt > Date.now() ? value : undefined;
  }
  take(key: string): T | undefined {
    const value = this.get(key);
    this.items.delete(key);
    return value;
  }
}

export class ProxyStore {
  readonly clients = new Map<string, OAuthClientInformationFull>();
  private readonly pending = new Expiring<PendingAuthorization>();
  private readonly codes = new Expiring<IssuedCode>();
  /** Codes already exchanged: a second use revokes what the first one got (RFC 6749 §4.1.2). */
  private readonly spentCodes = new Expiring<{ grant: ProxyGrant; expiresAt: number }>();
  private readonly access = new Expiring<IssuedToken>();
  private readonly refresh = new Expiring<IssuedToken>();

  private readonly revokedListeners = new Set<(grant: ProxyGrant) => void>();

  constructor(private readonly accessTtlMs: number) {}

  /** Told once when a grant is revoked (so what was kept for it, such as its engine, can go). */
  onRevoked(listener: (grant: ProxyGrant) => void): void {
    this.revokedListeners.add(listener);
  }

  /** Ends a grant: every token issued for it stops working. */
  revoke(grant: ProxyGrant): void {
    if (grant.revoked) return;
    grant.revoked = true;
    for (const listener of this.revokedListeners) listener(grant);
  }

  registerClient(client: OAuthClientInformationFull): void {
    // Bounded: registration is open to anyone who reaches the endpoint.
    if (this.clients.size >= 10_000) this.clients.delete(this.clients.keys().next().value as string);
    this.clients.set(client.client_id, client);
  }

  openPending(request: Omit<PendingAuthorization, 'expiresAt'>): string {
    const state = newSecret();
    this.pending.set(state, { ...request, expiresAt: Date.now() + PENDING_MS });
    return state;
  }

  peekPending(state: string): PendingAuthorization | undefined {
    return this.pending.get(state);
  }

  takePending(state: string): PendingAuthorization | undefined {
    return this.pending.take(state);
  }

  issueCode(code: Omit<IssuedCode, 'expiresAt'>): string {
    const value = newSecret();
    this.codes.set(digest(value), { ...code, expiresAt: Date.now() + CODE_MS });
    return value;
  }

  /** The code, once; a code seen before revokes the grant it had been exchanged for. */
  redeemCode(value: string): IssuedCode | undefined {
    const key = digest(value);
    const code = this.codes.take(key);
    if (code) this.spentCodes.set(key, { grant: code.grant, expiresAt: Date.now() + CODE_MS });
    else {
      const spent = this.spentCodes.get(key);
      if (spent) this.revoke(spent.grant);
    }
    return code;
  }

  /** A fresh access token (and refresh token when wanted) for a grant. */
  issueTokens(grant: ProxyGrant, withRefresh: boolean): { accessToken: string; refreshToken?: string; expiresIn: number } {
    const accessToken = newSecret();
    this.access.set(digest(accessToken), { grant, expiresAt: Date.now() + this.accessTtlMs });
    const expiresIn = Math.round(this.accessTtlMs / 1000);
    if (!withRefresh) return { accessToken, expiresIn };
    const refreshToken = newSecret();
    this.refresh.set(digest(refreshToken), { grant, expiresAt: Date.now() + REFRESH_TOKEN_MS });
    return { accessToken, refreshToken, expiresIn };
  }

  accessGrant(token: string): { grant: ProxyGrant; expiresAt: number } | undefined {
    const issued = this.access.get(digest(token));
    return issued && !issued.grant.revoked ? issued : undefined;
  }

  /** The grant a refresh token is for (without spending it), when it belongs to this client. */
  refreshGrant(token: string, clientId: string): ProxyGrant | undefined {
    const grant = this.refresh.get(digest(token))?.grant;
    return grant && !grant.revoked && grant.clientId === clientId ? grant : undefined;
  }

  /** Rotation: a refresh token works once, and only for its own client; the caller issues the next pair. */
  takeRefresh(token: string, clientId: string): ProxyGrant | undefined {
    const key = digest(token);
    const grant = this.refresh.get(key)?.grant;
    if (!grant || grant.clientId !== clientId) return undefined;
    this.refresh.take(key);
    return grant.revoked ? undefined : grant;
  }
}
