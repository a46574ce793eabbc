// The state behind the sandbox authorization servers: the Cloud 3LO server (auth.atlassian.com) and
// the Data Center OAuth 2.0 providers of Jira and Confluence. One clock for all of them, so a test can
// jump past expiries without waiting.

import type { SandboxSeed, SeedUser, OAuthAppSeed } from '../seed.ts';
import { CodeStore, type Provider } from './codes.ts';
import { GrantStore } from './grants.ts';
import { applySettings, clearCounters, DEFAULT_OAUTH_SETTINGS, zeroCounters, type OAuthCounters, type OAuthSettings } from './settings.ts';

/** What a valid Bearer access token stands for. */
export interface BearerGrant {
  user: SeedUser;
  scopes: string[];
}

export class OAuthAuthority {
  readonly settings: OAuthSettings = { ...DEFAULT_OAUTH_SETTINGS };
  /** Live object: reset in place, never replaced. */
  readonly counters: OAuthCounters = zeroCounters();
  readonly codes: CodeStore;
  /** Cloud consents: rotating refresh tokens with the reuse grace; late reuse revokes the family. */
  readonly cloud: GrantStore;
  /** Data Center consents. guess: DC rotates too, with no grace and without revoking the family. */
  readonly dc: GrantStore;
  private readonly clients: Record<'cloud' | 'dc', OAuthAppSeed>;
  private clockOffsetMs = 0;

  constructor(
    private readonly seed: SandboxSeed,
    private readonly initial: Partial<OAuthSettings> = {},
  ) {
    applySettings(this.settings, initial);
    this.clients = { cloud: cloneApp(seed.oauth.cloud), dc: cloneApp(seed.oauth.dc) };
    const now = (): number => this.now();
    const accessLifetimeMs = (): number => this.settings.accessTokenLifetimeSeconds * 1000;
    this.codes = new CodeStore(now);
    this.cloud = new GrantStore(now, {
      accessLifetimeMs,
      reuseGraceMs: () => this.settings.refreshReuseGraceSeconds * 1000,
      revokeOnLateReuse: true,
    });
    this.dc = new GrantStore(now, { accessLifetimeMs, reuseGraceMs: () => 0, revokeOnLateReuse: false });
  }

  /** The OAuth clock: wall time plus whatever advanceClock() added. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new TypeError('seconds must be a number ≥ 0');
    this.clockOffsetMs += seconds * 1000;
  }

  /** The registered client of a provider (Data Center products share one client). */
  client(provider: Provider, clientId: string | null | undefined): OAuthAppSeed | undefined {
    const app = this.clients[provider === 'cloud' ? 'cloud' : 'dc'];
    return clientId === app.clientId ? app : undefined;
  }

  registerRedirectUri(uri: string, which: 'cloud' | 'dc' = 'cloud'): void {
    if (!URL.canParse(uri)) throw new TypeError('redirect URI must be an absolute URL');
    const list = this.clients[which].redirectUris;
    if (!list.includes(uri)) list.push(uri);
  }

  redirectUris(which: 'cloud' | 'dc'): string[] {
    return [...this.clients[which].redirectUris];
  }

  users(): SeedUser[] {
    return this.seed.users;
  }

  /** A seeded user by DC username (alice, bob). */
  user(name: string | null | undefined): SeedUser | undefined {
    return this.seed.users.find((u) => u.dc.username === name);
  }

  approvingUser(): SeedUser {
    return this.user(this.settings.approvingUser) ?? this.seed.alice;
  }

  /** Gateway Bearer: a live Cloud access token. */
  verifyCloudBearer(token: string): BearerGrant | undefined {
    const family = this.cloud.verifyAccess(token);
    return family && { user: family.user, scopes: family.scopes };
  }

  /** Data Center Bearer: a live access token issued by this product's provider. */
  verifyDcBearer(token: string, product: 'jira' | 'confluence'): BearerGrant | undefined {
    const family = this.dc.verifyAccess(token);
    return family && family.product === product ? { user: family.user, scopes: family.scopes } : undefined;
  }

  /** Forgets every consent, code and token; restores settings, redirect URIs and the clock; zeroes counters. */
  reset(): void {
    Object.assign(this.settings, DEFAULT_OAUTH_SETTINGS);
    applySettings(this.settings, this.initial);
    clearCounters(this.counters);
    this.codes.clear();
    this.cloud.clear();
    this.dc.clear();
    this.clients.cloud.redirectUris = [...this.seed.oauth.cloud.redirectUris];
    this.clients.dc.redirectUris = [...this.seed.oauth.dc.redirectUris];
    this.clockOffsetMs = 0;
  }
}

function cloneApp(app: OAuthAppSeed): OAuthAppSeed {
  return { ...app, redirectUris: [...app.redirectUris] };
}
