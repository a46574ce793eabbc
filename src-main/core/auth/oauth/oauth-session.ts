// Access tokens for one stored grant, refreshed ahead of expiry. One refresh at a time within a
// process (a shared promise) and across processes (a lock file); after taking the lock the grant
// is read again, because another process may have refreshed meanwhile. The rotated refresh token
// is saved before the new access token is used, so a refresh token is never spent twice.
import crypto from 'node:crypto';
import path from 'node:path';
import { withFileLock } from '../../config/file-lock.ts';
import type { SecretStore } from '../../credentials/secret-store.ts';
import { GrantRevokedError, refreshTokens } from './token-endpoint.ts';
import { parseGrant, serializeGrant, type OAuthGrant } from './oauth-grant.ts';

/** Refresh when less than this is left. */
const MARGIN_MS = 60_000;

export class OAuthSession {
  private refreshing: Promise<OAuthGrant> | undefined;
  private cached: OAuthGrant | undefined;

  constructor(
    private readonly store: SecretStore,
    private readonly account: string,
    private readonly lockDir: string,
  ) {}

  private async read(): Promise<OAuthGrant> {
    const secret = await this.store.get(this.account);
    const grant = secret === undefined ? undefined : parseGrant(secret);
    if (!grant) throw new GrantRevokedError('the stored sign-in is missing or unreadable');
    return grant;
  }

  private fresh(grant: OAuthGrant): boolean {
    return grant.expiresAt - Date.now() > MARGIN_MS;
  }

  async accessToken(): Promise<string> {
    const grant = this.cached ?? (this.cached = await this.read());
    if (grant.revoked) throw new GrantRevokedError(grant.revoked);
    if (this.fresh(grant)) return grant.accessToken;
    this.refreshing ??= this.refreshUnderLock().finally(() => (this.refreshing = undefined));
    return (await this.refreshing).accessToken;
  }

  private async refreshUnderLock(): Promise<OAuthGrant> {
    const lock = path.join(this.lockDir, `oauth-${crypto.createHash('sha256').update(this.account).digest('hex').slice(0, 16)}.lock`);
    return withFileLock(lock, async () => {
      const current = await this.read();
      if (current.revoked) throw new GrantRevokedError(current.revoked);
      if (this.fresh(current)) return (this.cached = current);
      if (!current.refreshToken) throw new GrantRevokedError('the access token expired and the sign-in has no refresh token (was offline_access granted?)');
      let next: OAuthGrant;
      try {
        const answer = await refreshTokens({ tokenUrl: current.tokenUrl, clientId: current.clientId, clientSecret: current.clientSecret }, current.refreshToken);
        next = { ...current, accessToken: answer.accessToken, refreshToken: answer.refreshToken ?? current.refreshToken, expiresAt: answer.expiresAt, scope: answer.scope.length ? answer.scope : current.scope };
      } catch (error) {
        if (error instanceof GrantRevokedError) await this.store.set(this.account, serializeGrant({ ...current, revoked: error.detail }));
        throw error;
      }
      await this.store.set(this.account, serializeGrant(next));
      return (this.cached = next);
    });
  }
}
