// The proxy's dealings with Atlassian, as Tether's own confidential app: the authorize URL, the
// code exchange, the site the grant serves, and refreshing (with rotation) when the access token
// is nearly spent. Reuses core/auth/oauth's token endpoint client.
import { AtlassianError } from '../../atlassian/http/atlassian-error.ts';
import { accessibleResources, exchangeCode, refreshTokens, type TokenAnswer, type TokenClient } from '../../auth/oauth/token-endpoint.ts';
import { authorizeUrl } from '../../auth/oauth/oauth-flow.ts';
import { productsOfScopes } from '../../auth/oauth/oauth-scopes.ts';
import type { OAuthProxyConfig } from './proxy-config.ts';
import type { ProxyGrant, ProxyStore } from './proxy-store.ts';

/** Refresh when less than this is left, as the host's own OAuth session does. */
const MARGIN_MS = 60_000;

export const callbackUrl = (config: OAuthProxyConfig) => `${config.publicBaseUrl}/oauth/callback`;

const tokenClient = (config: OAuthProxyConfig): TokenClient => ({ tokenUrl: `${config.authUrl}/oauth/token`, clientId: config.app.clientId, clientSecret: config.app.clientSecret });

export const atlassianAuthorizeUrl = (config: OAuthProxyConfig, state: string): string =>
  authorizeUrl({ authUrl: config.authUrl, clientId: config.app.clientId, scopes: config.scopes, redirectUri: callbackUrl(config), state });

/** Atlassian's code → tokens and the site they serve (the configured cloud id, else the first with Confluence or Jira). */
export async function redeemAtlassianCode(config: OAuthProxyConfig, code: string): Promise<{ tokens: TokenAnswer; cloudId: string }> {
  const tokens = await exchangeCode(tokenClient(config), { code, redirectUri: callbackUrl(config) });
  const sites = (await accessibleResources(config.gatewayUrl, tokens.accessToken)).filter((site) => productsOfScopes(site.scopes).length > 0);
  const site = config.cloudId ? sites.find((s) => s.id === config.cloudId) : sites[0];
  if (!site) throw new AtlassianError('permission', 'The Atlassian sign-in reaches no site with Confluence or Jira' + (config.cloudId ? ` (looked for ${config.cloudId})` : '') + '.');
  return { tokens, cloudId: site.id };
}

/** Keeps the Atlassian side of a grant usable: one refresh at a time; a refused refresh revokes the grant. */
export async function freshAtlassianToken(config: OAuthProxyConfig, store: ProxyStore, grant: ProxyGrant): Promise<string | undefined> {
  if (grant.revoked) return undefined;
  if (grant.atlassian.expiresAt - Date.now() > MARGIN_MS) return grant.atlassian.accessToken;
  const refreshToken = grant.atlassian.refreshToken;
  if (!refreshToken) return grant.atlassian.expiresAt > Date.now() ? grant.atlassian.accessToken : undefined;
  grant.refreshing ??= refreshTokens(tokenClient(config), refreshToken)
    .then((answer) => {
      // Atlassian rotates refresh tokens: keep the new one (or the old one when none came back).
      grant.atlassian = { ...answer, refreshToken: answer.refreshToken ?? refreshToken };
    })
    .catch((error: unknown) => {
      // Only a refusal ends the grant; a network hiccup leaves it for the next try.
      if (error instanceof AtlassianError && error.kind === 'auth') store.revoke(grant);
      else throw error;
    })
    .finally(() => (grant.refreshing = undefined));
  await grant.refreshing;
  return grant.revoked ? undefined : grant.atlassian.accessToken;
}
