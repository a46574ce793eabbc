// Consents ("families") and the tokens minted from them, for one authorization server.
// Refresh tokens rotate: every use mints a new one and retires the one presented. A retired token is
// still honoured within the reuse grace (two processes racing to refresh both succeed); after the
// grace, presenting it is treated as theft and, where the policy says so, the whole family is
// revoked: its refresh tokens and its access tokens all stop working, and the user must consent again.

import type { SeedUser } from '../seed.ts';
import { opaqueToken } from './tokens.ts';

const DAY_MS = 86_400_000;
/** Atlassian: a refresh token unused for 90 days expires; every refresh token dies 365 days after consent. */
const REFRESH_IDLE_MS = 90 * DAY_MS;
const FAMILY_MAX_MS = 365 * DAY_MS;

export interface Family {
  id: number;
  clientId: string;
  user: SeedUser;
  scopes: string[];
  consentAt: number;
  revoked: boolean;
  /** Whether refresh tokens are minted (Cloud: offline_access granted; Data Center: always). */
  offline: boolean;
  /** The newest refresh token (the one not rotated out yet). */
  head?: string;
  /** Data Center: the product whose provider issued the family. */
  product?: 'jira' | 'confluence';
}

interface AccessRecord {
  family: Family;
  expiresAt: number;
}

interface RefreshRecord {
  family: Family;
  issuedAt: number;
  /** When a newer token replaced this one. */
  rotatedAt?: number;
}

export interface GrantPolicy {
  accessLifetimeMs(): number;
  /** How long a rotated-out refresh token is still accepted; 0 = never. */
  reuseGraceMs(): number;
  /** Revoke the family when a rotated-out token comes back after the grace. */
  revokeOnLateReuse: boolean;
}

export interface Issued {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
  family: Family;
}

export type RefreshOutcome =
  | { ok: true; issued: Issued; reusedWithinGrace: boolean }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired' | 'wrong-client' }
  | { ok: false; reason: 'rotated-out'; revokedFamily: boolean };

export class GrantStore {
  private readonly access = new Map<string, AccessRecord>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  private nextFamily = 1;

  constructor(
    private readonly now: () => number,
    private readonly policy: GrantPolicy,
  ) {}

  /** A new consent and its first tokens. */
  consent(init: Omit<Family, 'id' | 'consentAt' | 'revoked' | 'head'>): Issued {
    const family: Family = { ...init, id: this.nextFamily++, consentAt: this.now(), revoked: false };
    return this.mint(family);
  }

  /** Rotates `token`. `product`: Data Center tokens only refresh at the provider that issued them. */
  refresh(token: string, clientId: string, product?: 'jira' | 'confluence'): RefreshOutcome {
    const rec = this.refreshTokens.get(token);
    if (!rec || rec.family.product !== product) return { ok: false, reason: 'unknown' };
    const { family } = rec;
    const now = this.now();
    if (family.revoked) return { ok: false, reason: 'revoked' };
    if (family.clientId !== clientId) return { ok: false, reason: 'wrong-client' };
    if (now - rec.issuedAt > REFRESH_IDLE_MS || now - family.consentAt > FAMILY_MAX_MS) return { ok: false, reason: 'expired' };
    let reusedWithinGrace = false;
    if (rec.rotatedAt !== undefined) {
      if (now - rec.rotatedAt >= this.policy.reuseGraceMs()) {
        if (this.policy.revokeOnLateReuse) family.revoked = true;
        return { ok: false, reason: 'rotated-out', revokedFamily: this.policy.revokeOnLateReuse };
      }
      reusedWithinGrace = true;
    }
    // Retire the newest token (usually the one presented); rotation continues from the new one.
    const head = family.head === undefined ? undefined : this.refreshTokens.get(family.head);
    if (head && head.rotatedAt === undefined) head.rotatedAt = now;
    return { ok: true, issued: this.mint(family), reusedWithinGrace };
  }

  /** The family behind a live access token (not expired, family not revoked). */
  verifyAccess(token: string): Family | undefined {
    const rec = this.access.get(token);
    if (!rec || rec.family.revoked || this.now() >= rec.expiresAt) return undefined;
    return rec.family;
  }

  clear(): void {
    this.access.clear();
    this.refreshTokens.clear();
  }

  private mint(family: Family): Issued {
    const now = this.now();
    const lifetime = this.policy.accessLifetimeMs();
    const accessToken = opaqueToken(48);
    this.access.set(accessToken, { family, expiresAt: now + lifetime });
    const issued: Issued = { accessToken, expiresIn: Math.round(lifetime / 1000), family };
    if (family.offline) {
      const refreshToken = opaqueToken(48);
      this.refreshTokens.set(refreshToken, { family, issuedAt: now });
      family.head = refreshToken;
      issued.refreshToken = refreshToken;
    }
    return issued;
  }
}
