// The token endpoints. Cloud: POST auth.atlassian.com/oauth/token with the client secret in the body
// (JSON as documented, or a form), grants authorization_code and refresh_token, rotating refresh
// tokens with the reuse grace. Data Center: POST {base}/rest/oauth2/latest/token (query string or
// form), where the code must come with the PKCE code_verifier.
//
// Cloud error answers (reference/atlassian.md): 401 access_denied (bad client credentials),
// 403 invalid_grant (unknown, used, expired or revoked code/token), 403 unauthorized_client
// (a rotated-out refresh token after the grace).

import type { OAuthAuthority } from '../oauth/authority.ts';
import type { Issued } from '../oauth/grants.ts';
import { bodyParams, mergedParams, type Params } from '../oauth/params.ts';
import { countGrant } from '../oauth/settings.ts';
import { s256, sameSecret, validVerifier } from '../oauth/tokens.ts';
import type { Reply } from '../types.ts';
import { methodNotAllowed, oauthError, type OAuthRequest } from './oauth-common.ts';

const INVALID_REFRESH = 'Unknown or invalid refresh token.'; // Atlassian's documented wording
const INVALID_CODE = 'Invalid authorization code'; // guess

function tokenAnswer(issued: Issued, tokenType: string): Reply {
  const body: Record<string, unknown> = { access_token: issued.accessToken, expires_in: issued.expiresIn, token_type: tokenType };
  if (issued.refreshToken !== undefined) body.refresh_token = issued.refreshToken;
  body.scope = issued.family.scopes.join(' ');
  return { status: 200, body };
}

export function cloudTokenRoute(auth: OAuthAuthority, req: OAuthRequest): Reply {
  if (req.method !== 'POST') return methodNotAllowed('POST');
  const params = bodyParams(req.rawBody, req.headers);
  const grantType = params?.get('grant_type');
  countGrant(auth.counters.tokenRequests, grantType);
  // guess: the answer to a body that is neither JSON nor a form.
  if (!params) return oauthError(400, 'invalid_request', 'Send a JSON or application/x-www-form-urlencoded body');
  const client = auth.client('cloud', params.get('client_id'));
  if (!client || !sameSecret(params.get('client_secret') ?? '', client.clientSecret)) {
    return oauthError(401, 'access_denied', 'Unauthorized');
  }

  if (grantType === 'authorization_code') {
    const r = auth.codes.redeem(params.get('code') ?? '', 'cloud', client.clientId, params.get('redirect_uri'));
    if (!r.ok) return oauthError(403, 'invalid_grant', INVALID_CODE);
    const { user, scopes } = r.code;
    return tokenAnswer(auth.cloud.consent({ clientId: client.clientId, user, scopes, offline: scopes.includes('offline_access') }), 'Bearer');
  }

  if (grantType === 'refresh_token') {
    const out = auth.cloud.refresh(params.get('refresh_token') ?? '', client.clientId);
    if (out.ok) {
      auth.counters.refreshes += 1;
      if (out.reusedWithinGrace) auth.counters.graceReuses += 1;
      return tokenAnswer(out.issued, 'Bearer');
    }
    if (out.reason === 'rotated-out') {
      if (out.revokedFamily) auth.counters.revokedFamilies += 1;
      return oauthError(403, 'unauthorized_client', 'refresh_token is invalid'); // guess: the description
    }
    return oauthError(403, 'invalid_grant', INVALID_REFRESH);
  }

  // guess: status and wording (RFC 6749 §5.2).
  return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
}

/**
 * Data Center. guess: DC answers follow RFC 6749 §5.2 (400 invalid_grant, 401 invalid_client), the
 * client secret is required along with PKCE, and token_type is lower-case "bearer".
 */
export function dcTokenRoute(auth: OAuthAuthority, product: 'jira' | 'confluence', req: OAuthRequest): Reply {
  if (req.method !== 'POST') return methodNotAllowed('POST');
  const params: Params = mergedParams(req.query, bodyParams(req.rawBody, req.headers));
  const grantType = params.get('grant_type');
  countGrant(auth.counters.dcTokenRequests, grantType);
  const client = auth.client(product, params.get('client_id'));
  if (!client || !sameSecret(params.get('client_secret') ?? '', client.clientSecret)) {
    return oauthError(401, 'invalid_client', 'Client authentication failed');
  }

  if (grantType === 'authorization_code') {
    const r = auth.codes.redeem(params.get('code') ?? '', product, client.clientId, params.get('redirect_uri'));
    if (!r.ok) return oauthError(400, 'invalid_grant', INVALID_CODE);
    const verifier = params.get('code_verifier') ?? '';
    if (!validVerifier(verifier) || s256(verifier) !== r.code.codeChallenge) {
      return oauthError(400, 'invalid_grant', 'PKCE verification failed');
    }
    const { user, scopes } = r.code;
    return tokenAnswer(auth.dc.consent({ clientId: client.clientId, user, scopes, offline: true, product }), 'bearer');
  }

  if (grantType === 'refresh_token') {
    const out = auth.dc.refresh(params.get('refresh_token') ?? '', client.clientId, product);
    if (!out.ok) return oauthError(400, 'invalid_grant', 'Invalid refresh token');
    auth.counters.dcRefreshes += 1;
    return tokenAnswer(out.issued, 'bearer');
  }

  return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
}
