// POST /token: the MCP client's code (with its PKCE verifier) or refresh token → Tether's own opaque
// access and refresh tokens. Atlassian's tokens never leave Tether. Refresh tokens rotate; the
// Atlassian grant behind them is refreshed when due. Errors as RFC 6749 §5.2 names them.
import { createHash } from 'node:crypto';
import { freshAtlassianToken } from './atlassian-side.ts';
import { resourceAllowed } from './authorize.ts';
import type { OAuthProxyConfig } from './proxy-config.ts';
import type { ProxyGrant, ProxyStore } from './proxy-store.ts';
import { json, oauthError, readParams } from './responses.ts';

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

function tokenAnswer(config: OAuthProxyConfig, store: ProxyStore, grant: ProxyGrant): Response {
  const tokens = store.issueTokens(grant, config.grantTypes.includes('refresh_token'));
  return json({ access_token: tokens.accessToken, token_type: 'Bearer', expires_in: tokens.expiresIn, ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}) });
}

export async function tokenRoute(config: OAuthProxyConfig, store: ProxyStore, request: Request): Promise<Response> {
  if (request.method !== 'POST') return oauthError('invalid_request', 'Use POST.', 405, { allow: 'POST' });
  const params = await readParams(request);
  if (!params) return oauthError('invalid_request', 'Send the parameters as application/x-www-form-urlencoded.');
  const grantType = params.get('grant_type');
  if (!grantType) return oauthError('invalid_request', 'grant_type is required.');
  if (!(config.grantTypes as string[]).includes(grantType)) return oauthError('unsupported_grant_type', `This server accepts ${config.grantTypes.join(', ')}.`);
  // Public clients authenticate by client_id alone (token_endpoint_auth_method "none").
  const client = store.clients.get(params.get('client_id') ?? '');
  if (!client) return oauthError('invalid_client', 'Unknown client_id: register the client again.', 401);
  if (client.grant_types && !client.grant_types.includes(grantType)) return oauthError('unauthorized_client', `This client did not register for ${grantType}.`);
  if (!resourceAllowed(config, params.get('resource'))) return oauthError('invalid_target', 'resource must name this server.');
  return grantType === 'authorization_code' ? byCode(config, store, params, client.client_id) : byRefresh(config, store, params, client.client_id);
}

function byCode(config: OAuthProxyConfig, store: ProxyStore, params: Map<string, string>, clientId: string): Response {
  const value = params.get('code');
  const verifier = params.get('code_verifier');
  if (!value || !verifier) return oauthError('invalid_request', 'code and code_verifier are required.');
  const code = store.redeemCode(value);
  if (!code || code.clientId !== clientId) return oauthError('invalid_grant', 'The code is unknown, expired, already used, or issued to another client.');
  if (params.get('redirect_uri') !== code.redirectUri) return oauthError('invalid_grant', 'redirect_uri does not match the one the code was issued for.');
  if (!VERIFIER.test(verifier) || createHash('sha256').update(verifier).digest('base64url') !== code.codeChallenge) {
    return oauthError('invalid_grant', 'The code_verifier does not match the code_challenge.');
  }
  return tokenAnswer(config, store, code.grant);
}

async function byRefresh(config: OAuthProxyConfig, store: ProxyStore, params: Map<string, string>, clientId: string): Promise<Response> {
  const value = params.get('refresh_token');
  if (!value) return oauthError('invalid_request', 'refresh_token is required.');
  const spent = 'The refresh token is unknown, expired, already used, or issued to another client.';
  const grant = store.refreshGrant(value, clientId);
  if (!grant) return oauthError('invalid_grant', spent);
  // The Atlassian grant must still work, or the new tokens would be useless. Checked before the
  // refresh token is spent, so a network failure here leaves the client its token for a retry.
  if (!(await freshAtlassianToken(config, store, grant))) return oauthError('invalid_grant', 'The Atlassian authorization behind this token has ended: authorize again.');
  // Taken only now: of two concurrent uses, one wins.
  if (!store.takeRefresh(value, clientId)) return oauthError('invalid_grant', spent);
  return tokenAnswer(config, store, grant);
}
