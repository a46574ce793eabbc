// The browser dance of OAuth 2.0 (3LO), from "Connect" to tokens and a chosen site: a callback
// server on 127.0.0.1, the authorize URL (opened in the browser or printed), `state` checked, the
// code exchanged, the sites the grant reaches listed. Saving is the engine's job.
import { randomBytes, createHash } from 'node:crypto';
import type { Product } from '../../../shared/status.ts';
import { AtlassianError } from '../../atlassian/http/atlassian-error.ts';
import { startCallbackServer } from './callback-server.ts';
import { accessibleResources, exchangeCode, type AccessibleResource, type TokenAnswer } from './token-endpoint.ts';
import type { OAuthGrant } from './oauth-grant.ts';
import { productsOfScopes } from './oauth-scopes.ts';

export interface OAuthFlowInput {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  /** https://auth.atlassian.com, or where TETHER_ATLASSIAN_AUTH_URL points. */
  authUrl: string;
  /** https://api.atlassian.com, or where TETHER_ATLASSIAN_API_URL points. */
  gatewayUrl: string;
  port: number;
  /** A redirect URI registered with the app; its port and path are used for the callback server. */
  redirectUri?: string | undefined;
  products: Product[];
  /** Data Center: its own OAuth 2.0 provider on the site (PKCE, no gateway, no site list). */
  dataCenterUrl?: string | undefined;
  /** Shows the authorize URL: opens the browser, or prints it. */
  present(url: string, notes: { portTaken?: number; redirectUri: string }): void | Promise<void>;
  /** Picks the site when the grant reaches several. */
  chooseSite(sites: AccessibleResource[]): Promise<AccessibleResource>;
  timeoutMs?: number;
}

export interface OAuthFlowResult {
  tokens: TokenAnswer;
  site: AccessibleResource;
  tokenUrl: string;
  redirectUri: string;
}

export async function runOAuthFlow(input: OAuthFlowInput): Promise<OAuthFlowResult> {
  const wanted = input.redirectUri ? new URL(input.redirectUri) : undefined;
  const server = await startCallbackServer({
    port: wanted ? Number(wanted.port || 80) : input.port,
    path: wanted?.pathname ?? '/callback',
    host: wanted?.hostname === 'localhost' ? 'localhost' : '127.0.0.1',
  });
  try {
    const state = randomBytes(24).toString('base64url');
    const dc = input.dataCenterUrl?.replace(/\/+$/, '');
    const pkce = dc ? pkcePair() : undefined;
    const url = authorizeUrl({ authUrl: input.authUrl, clientId: input.clientId, scopes: input.scopes, redirectUri: server.redirectUri, state, ...(dc && pkce ? { dataCenter: { url: dc, codeChallenge: pkce.challenge } } : {}) });
    await input.present(url, { redirectUri: server.redirectUri, ...(server.portTaken !== undefined ? { portTaken: server.portTaken } : {}) });
    const { code } = await server.wait(state, input.timeoutMs ?? 5 * 60_000);
    const tokenUrl = dc ? `${dc}/rest/oauth2/latest/token` : `${input.authUrl}/oauth/token`;
    const tokens = await exchangeCode({ tokenUrl, clientId: input.clientId, clientSecret: input.clientSecret }, { code, redirectUri: server.redirectUri, ...(pkce ? { codeVerifier: pkce.verifier } : {}) });
    if (dc) return { tokens, site: { id: '', name: new URL(dc).host, url: dc, scopes: tokens.scope }, tokenUrl, redirectUri: server.redirectUri };
    const sites = (await accessibleResources(input.gatewayUrl, tokens.accessToken)).filter((site) => input.products.some((p) => productsOfScopes(site.scopes).includes(p)));
    if (sites.length === 0) {
      throw new AtlassianError('permission', `The sign-in worked, but it reaches no site with ${input.products.map((p) => (p === 'jira' ? 'Jira' : 'Confluence')).join(' or ')}: check that your account can use it on your site, and that the app asks for its scopes.`);
    }
    const site = sites.length === 1 ? sites[0]! : await input.chooseSite(sites);
    return { tokens, site, tokenUrl, redirectUri: server.redirectUri };
  } finally {
    await server.close();
  }
}

/** Where the browser goes to approve: Atlassian (Cloud, consent asked every time) or a Data Center provider (PKCE). */
export function authorizeUrl(input: { authUrl: string; clientId: string; scopes: readonly string[]; redirectUri: string; state: string; dataCenter?: { url: string; codeChallenge: string } }): string {
  const dc = input.dataCenter;
  const url = new URL(dc ? `${dc.url}/rest/oauth2/latest/authorize` : `${input.authUrl}/authorize`);
  url.search = new URLSearchParams({
    ...(dc ? {} : { audience: 'api.atlassian.com' }),
    client_id: input.clientId,
    scope: input.scopes.join(' '),
    redirect_uri: input.redirectUri,
    state: input.state,
    response_type: 'code',
    ...(dc ? { code_challenge: dc.codeChallenge, code_challenge_method: 'S256' } : { prompt: 'consent' }),
  }).toString();
  return url.toString();
}

/** The grant a finished sign-in saves: the app, the tokens, and the scopes granted (those asked for when the answer names none). */
export function grantOf(result: OAuthFlowResult, app: { clientId: string; clientSecret: string }, asked: string[]): OAuthGrant {
  const { tokens } = result;
  return {
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    tokenUrl: result.tokenUrl,
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    expiresAt: tokens.expiresAt,
    scope: tokens.scope.length ? tokens.scope : asked,
  };
}

/** PKCE (RFC 7636, S256) for Data Center's OAuth 2.0 provider. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
