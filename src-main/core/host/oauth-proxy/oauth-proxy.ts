// The MCP OAuth proxy (opt-in): Tether's HTTP endpoint as an OAuth 2.1 authorization server for
// remote MCP clients, backed by Atlassian OAuth. Clients discover it (RFC 9728, RFC 8414), register
// (RFC 7591), authorize with PKCE, and get Tether's own tokens; each token is served by the
// Atlassian grant its user approved, never by the host's sign-in. State is in memory (proxy-store.ts).
import { bearerAuthChallengeResponse, OAuthError, OAuthErrorCode, oauthMetadataResponse, requireBearerAuth, type AuthInfo, type AuthMetadataOptions } from '@modelcontextprotocol/server';
import { freshAtlassianToken } from './atlassian-side.ts';
import { authorizeRoute, callbackRoute, consentRoute } from './authorize.ts';
import type { OAuthProxyConfig } from './proxy-config.ts';
import { ProxyStore, type ProxyGrant } from './proxy-store.ts';
import { registerRoute } from './register.ts';
import { oauthError } from './responses.ts';
import { tokenRoute } from './token.ts';
import { redact } from '../../log/redact.ts';
import { AtlassianError } from '../../atlassian/http/atlassian-error.ts';

const ENDED = 'The Atlassian authorization behind this token has ended: authorize again.';

/** Whom an MCP request is served for: the grant, its site, and its Atlassian access token. */
export interface ProxyUser {
  grantId: string;
  /** The Atlassian access token as this request found it (refreshed when it was due). */
  accessToken: string;
  cloudId: string;
  /** The grant's access token whenever asked, refreshed when due: it outlives any one token. */
  tokenSource: () => Promise<string>;
}

export class OAuthProxy {
  readonly store: ProxyStore;
  readonly resourceMetadataUrl: string;
  private readonly metadata: AuthMetadataOptions;
  private readonly bearer: (request: Request) => Promise<AuthInfo | Response>;

  constructor(private readonly config: OAuthProxyConfig) {
    this.store = new ProxyStore(config.accessTokenTtlSeconds * 1000);
    const base = config.publicBaseUrl;
    this.resourceMetadataUrl = `${base}/.well-known/oauth-protected-resource`;
    this.metadata = {
      oauthMetadata: {
        issuer: base,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        registration_endpoint: `${base}/register`,
        response_types_supported: ['code'],
        grant_types_supported: config.grantTypes,
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
      },
      // The resource is the origin, so its metadata sits at the root well-known path.
      resourceServerUrl: new URL(`${base}/`),
      resourceName: 'Tether (Confluence and Jira)',
      // proxy-config allows plain http only for loopback addresses.
      dangerouslyAllowInsecureIssuerUrl: base.startsWith('http:'),
    };
    this.bearer = requireBearerAuth({
      resourceMetadataUrl: this.resourceMetadataUrl,
      verifier: {
        verifyAccessToken: async (token) => {
          const issued = this.store.accessGrant(token);
          if (!issued) throw new OAuthError(OAuthErrorCode.InvalidToken, 'The access token is unknown, expired or revoked.');
          return { token, clientId: issued.grant.clientId, scopes: [], expiresAt: Math.floor(issued.expiresAt / 1000), extra: { grant: issued.grant } };
        },
      },
    });
  }

  /** The proxy's own endpoints; undefined for any other path (the MCP endpoint, or 404). */
  async route(request: Request): Promise<Response | undefined> {
    const known = oauthMetadataResponse(request, this.metadata);
    if (known) return known;
    const { pathname } = new URL(request.url);
    try {
      if (pathname === '/register') return await registerRoute(this.config, this.store, request);
      if (pathname === '/token') return await tokenRoute(this.config, this.store, request);
      if (pathname === '/authorize') return request.method === 'POST' ? await consentRoute(this.config, this.store, request) : authorizeRoute(this.config, this.store, request);
      if (pathname === '/oauth/callback') return await callbackRoute(this.config, this.store, request);
    } catch (error) {
      return oauthError('server_error', `Tether could not answer: ${redact(error instanceof Error ? error.message : String(error))}`, 500);
    }
    return undefined;
  }

  /** An MCP request's user, or the 401 (with the resource metadata URL) to send instead. */
  async authenticate(request: Request): Promise<ProxyUser | Response> {
    const auth = await this.bearer(request);
    if (auth instanceof Response) return auth;
    const grant = auth.extra?.grant as ProxyGrant;
    const accessToken = await freshAtlassianToken(this.config, this.store, grant);
    if (!accessToken) {
      return bearerAuthChallengeResponse(new OAuthError(OAuthErrorCode.InvalidToken, ENDED), { resourceMetadataUrl: this.resourceMetadataUrl });
    }
    const tokenSource = async () => {
      const token = await freshAtlassianToken(this.config, this.store, grant);
      if (!token) throw new AtlassianError('auth', ENDED);
      return token;
    };
    return { grantId: grant.id, accessToken, cloudId: grant.cloudId, tokenSource };
  }
}
