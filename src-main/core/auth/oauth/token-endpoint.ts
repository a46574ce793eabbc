// The authorization server's token endpoint: a code for tokens, a refresh token for new ones.
// Its answers are mapped once to sentences: a wrong secret, a revoked or rotated-out grant.
import { AtlassianError } from '../../atlassian/http/atlassian-error.ts';
import { sendRequest } from '../../atlassian/http/send-request.ts';

export interface TokenAnswer {
  accessToken: string;
  refreshToken?: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  scope: string[];
}

export interface TokenClient {
  tokenUrl: string;
  clientId: string;
  clientSecret?: string | undefined;
}

function fromBody(body: unknown): TokenAnswer {
  const b = (body ?? {}) as { access_token?: string; refresh_token?: string; expires_in?: number; scope?: string };
  if (!b.access_token) throw new AtlassianError('server', 'The Atlassian sign-in server answered without an access token: try signing in again.');
  return {
    accessToken: b.access_token,
    ...(b.refresh_token ? { refreshToken: b.refresh_token } : {}),
    expiresAt: Date.now() + (b.expires_in ?? 3600) * 1000,
    scope: (b.scope ?? '').split(/\s+/).filter(Boolean),
  };
}

/** The grant is gone (revoked, expired, or its refresh token rotated out): only a new sign-in helps. */
export class GrantRevokedError extends AtlassianError {
  constructor(readonly detail: string) {
    super('auth', `Your Atlassian sign-in has expired or was revoked (${detail}): sign in again with \`tether auth --oauth\`.`, 403);
  }
}

async function post(client: TokenClient, fields: Record<string, string>): Promise<TokenAnswer> {
  const body = { client_id: client.clientId, ...(client.clientSecret ? { client_secret: client.clientSecret } : {}), ...fields };
  // Atlassian Cloud documents JSON; Data Center's provider (/rest/oauth2/…) takes the standard form encoding.
  const dataCenter = /\/rest\/oauth2\//.test(client.tokenUrl);
  const response = await sendRequest({ url: client.tokenUrl, method: 'POST', ...(dataCenter ? { form: body } : { json: body }) });
  if (response.status >= 200 && response.status < 300) return fromBody(response.body);
  const error = (response.body ?? {}) as { error?: string; error_description?: string };
  const detail = [error.error, error.error_description].filter(Boolean).join(': ') || `HTTP ${response.status}`;
  if (response.status === 401 || error.error === 'access_denied' || error.error === 'invalid_client') {
    throw new AtlassianError('auth', `The Atlassian sign-in server refused the app's credentials (${detail}): the client secret is wrong — copy it again from your app in the Atlassian developer console.`, response.status);
  }
  if (error.error === 'invalid_grant' || error.error === 'unauthorized_client') throw new GrantRevokedError(detail);
  throw new AtlassianError('server', `The Atlassian sign-in server answered with an error (${detail}): try again in a moment.`, response.status);
}

export function exchangeCode(client: TokenClient, input: { code: string; redirectUri: string; codeVerifier?: string }): Promise<TokenAnswer> {
  return post(client, { grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, ...(input.codeVerifier ? { code_verifier: input.codeVerifier } : {}) });
}

export function refreshTokens(client: TokenClient, refreshToken: string): Promise<TokenAnswer> {
  return post(client, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

export interface AccessibleResource {
  id: string;
  name: string;
  url: string;
  scopes: string[];
  avatarUrl?: string;
}

/** The sites a token reaches. */
export async function accessibleResources(gatewayUrl: string, accessToken: string): Promise<AccessibleResource[]> {
  const response = await sendRequest({ url: `${gatewayUrl}/oauth/token/accessible-resources`, headers: { authorization: `Bearer ${accessToken}` } });
  if (response.status !== 200 || !Array.isArray(response.body)) {
    throw new AtlassianError('auth', `Atlassian did not list the sites this sign-in reaches (HTTP ${response.status}): try signing in again.`, response.status);
  }
  return response.body as AccessibleResource[];
}
