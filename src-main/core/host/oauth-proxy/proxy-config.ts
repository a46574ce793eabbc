// The MCP OAuth proxy's settings (opt-in with ATLASSIAN_OAUTH_PROXY_ENABLE=true), named as
// mcp-atlassian names them. Read once at start, so a wrong value stops `tether serve` with a sentence.
import { authServerUrl, oauthAppFromEnv } from '../../auth/oauth/oauth-config.ts';
import { requestedScopes } from '../../auth/oauth/oauth-scopes.ts';
import { gatewayUrl } from '../../config/env.ts';
import { registerSecret } from '../../log/redact.ts';

export type ProxyGrantType = 'authorization_code' | 'refresh_token';

export interface OAuthProxyConfig {
  /** Where MCP clients reach Tether (an origin, no trailing slash): the issuer and the resource. */
  publicBaseUrl: string;
  /** Redirect URIs MCP clients may register; `http://localhost:*` and `http://127.0.0.1:*` allow any port. */
  allowedRedirectUris: string[];
  grantTypes: ProxyGrantType[];
  /** Show Tether's own page naming the MCP client before sending the browser to Atlassian. */
  requireConsent: boolean;
  /** Tether's Atlassian OAuth app (a confidential client: its secret never leaves Tether). */
  app: { clientId: string; clientSecret: string };
  scopes: string[];
  authUrl: string;
  gatewayUrl: string;
  /** Picks this site when the Atlassian grant reaches several. */
  cloudId?: string | undefined;
  /** Lifetime of Tether-issued access tokens (refresh tokens live 30 days). */
  accessTokenTtlSeconds: number;
}

export class ProxyConfigError extends Error {
  override name = 'ProxyConfigError';
}

const isOn = (value: string | undefined) => ['true', '1', 'yes', 'on'].includes((value ?? '').trim().toLowerCase());
const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);

export function oauthProxyEnabled(env: NodeJS.ProcessEnv): boolean {
  return isOn(env.ATLASSIAN_OAUTH_PROXY_ENABLE);
}

/** undefined when the proxy is off; throws ProxyConfigError when it is on but cannot work. */
export function oauthProxyFromEnv(env: NodeJS.ProcessEnv, writes: boolean): OAuthProxyConfig | undefined {
  if (!oauthProxyEnabled(env)) return undefined;
  const base = env.PUBLIC_BASE_URL?.trim() ?? '';
  const url = URL.canParse(base) ? new URL(base) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new ProxyConfigError(`PUBLIC_BASE_URL is "${base}": give the address MCP clients reach Tether at, such as https://tether.example.com (no path).`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !loopback) throw new ProxyConfigError('PUBLIC_BASE_URL must use https (plain http is only for localhost).');
  const app = oauthAppFromEnv(env);
  if (!app.clientId || !app.clientSecret) throw new ProxyConfigError("The OAuth proxy needs Tether's Atlassian app: set ATLASSIAN_OAUTH_CLIENT_ID and ATLASSIAN_OAUTH_CLIENT_SECRET.");
  const allowedRedirectUris = list(env.ATLASSIAN_OAUTH_ALLOWED_CLIENT_REDIRECT_URIS);
  if (allowedRedirectUris.length === 0) throw new ProxyConfigError('Set ATLASSIAN_OAUTH_ALLOWED_CLIENT_REDIRECT_URIS: the redirect URIs MCP clients may register (comma-separated; http://localhost:* allows any port).');
  const grants = list(env.ATLASSIAN_OAUTH_ALLOWED_GRANT_TYPES || 'authorization_code,refresh_token');
  const unknown = grants.filter((g) => g !== 'authorization_code' && g !== 'refresh_token');
  if (unknown.length > 0 || !grants.includes('authorization_code')) {
    throw new ProxyConfigError(`ATLASSIAN_OAUTH_ALLOWED_GRANT_TYPES is "${grants.join(',')}": use authorization_code, optionally with refresh_token.`);
  }
  const ttl = Number(env.TETHER_OAUTH_PROXY_TOKEN_TTL_SECONDS ?? 3600);
  if (!Number.isInteger(ttl) || ttl < 1) throw new ProxyConfigError('TETHER_OAUTH_PROXY_TOKEN_TTL_SECONDS must be a whole number of seconds.');
  // With offline_access always: without it Atlassian gives no refresh token, and the proxy's grants would die within the hour.
  const scopes = requestedScopes(app.scope, ['confluence', 'jira'], writes);
  return {
    publicBaseUrl: url.origin,
    allowedRedirectUris,
    grantTypes: grants as ProxyGrantType[],
    requireConsent: isOn(env.ATLASSIAN_OAUTH_REQUIRE_CONSENT),
    app: { clientId: app.clientId, clientSecret: registeredSecret(app.clientSecret) },
    scopes,
    authUrl: authServerUrl(env),
    gatewayUrl: gatewayUrl(env),
    cloudId: app.cloudId,
    accessTokenTtlSeconds: ttl,
  };
}

/** Whether a client's redirect URI is on the allow-list (exact, or a loopback wildcard port). */
export function redirectUriAllowed(uri: string, allowed: readonly string[]): boolean {
  if (!URL.canParse(uri) || new URL(uri).hash) return false;
  const given = new URL(uri);
  return allowed.some((pattern) => {
    const wildcard = /^http:\/\/(localhost|127\.0\.0\.1):\*(\/.*)?$/.exec(pattern);
    if (!wildcard) return pattern === uri;
    // A wildcard port covers any port (and any path unless the pattern names one) on that loopback host.
    return given.protocol === 'http:' && given.hostname === wildcard[1] && given.port !== '' && (wildcard[2] === undefined || wildcard[2] === given.pathname);
  });
}

/** The app's secret, known to the log redactor from the moment it is read. */
function registeredSecret(secret: string): string {
  registerSecret(secret);
  return secret;
}
