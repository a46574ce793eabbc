// The authorization endpoint and its consent page, for Cloud (GET auth.atlassian.com/authorize) and
// for the Data Center providers (GET {base}/rest/oauth2/latest/authorize, PKCE S256 required).
// As authorization servers do, a request whose client or redirect_uri cannot be trusted gets an HTML
// error page; every other problem goes back to the redirect_uri as `error` + `error_description`.

import type { OAuthAuthority } from '../oauth/authority.ts';
import type { AuthorizationRequest, Provider } from '../oauth/codes.ts';
import { consentPage } from '../oauth/consent-page.ts';
import { bodyParams } from '../oauth/params.ts';
import { splitScopes, unknownCloudScopes, unknownDcScopes } from '../oauth/scopes.ts';
import type { Reply } from '../types.ts';
import { htmlError, htmlReply, methodNotAllowed, redirect, type OAuthRequest } from './oauth-common.ts';

const SERVER_NAME: Record<Provider, string> = { cloud: 'Atlassian', jira: 'Jira Data Center', confluence: 'Confluence Data Center' };

/** GET authorize: validates the request and shows the consent form, which posts to `consentAction`. */
export function authorizeRoute(auth: OAuthAuthority, provider: Provider, req: OAuthRequest, consentAction: string): Reply {
  if (req.method !== 'GET') return methodNotAllowed('GET');
  if (provider === 'cloud') auth.counters.authorizeRequests += 1;
  const q = req.query;
  const client = auth.client(provider, q.get('client_id'));
  if (!client) return htmlError(400, 'Invalid client', 'No app is registered with this client_id.');
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) {
    return htmlError(400, 'Invalid redirect_uri', 'The redirect_uri does not exactly match a callback URL registered for this app.');
  }
  const state = q.get('state') ?? undefined;
  const fail = (error: string, description: string): Reply => redirect(redirectUri, { error, error_description: description, state });

  if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  // guess: Atlassian's exact answer to a wrong audience is not documented; RFC 6749 says invalid_request.
  if (provider === 'cloud' && q.get('audience') !== 'api.atlassian.com') return fail('invalid_request', 'audience must be api.atlassian.com');
  const scopes = splitScopes(q.get('scope'));
  if (scopes.length === 0) return fail('invalid_scope', 'scope is required');
  const unknown = provider === 'cloud' ? unknownCloudScopes(scopes) : unknownDcScopes(scopes);
  if (unknown.length > 0) return fail('invalid_scope', `Unknown or disallowed scope: ${unknown.join(' ')}`);

  const request: AuthorizationRequest = { provider, clientId: client.clientId, redirectUri, scopes };
  if (state !== undefined) request.state = state;
  if (provider !== 'cloud') {
    const challenge = q.get('code_challenge');
    if (!challenge) return fail('invalid_request', 'code_challenge is required');
    if (q.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return fail('invalid_request', 'code_challenge must be a base64url SHA-256 digest');
    request.codeChallenge = challenge;
  }
  const requestId = auth.codes.open(request);
  return htmlReply(
    200,
    consentPage({
      appName: client.name,
      action: consentAction,
      requestId,
      scopes,
      users: auth.users(),
      selected: auth.approvingUser(),
      serverName: SERVER_NAME[provider],
    }),
  );
}

/** POST of the consent form: Approve → 302 with code + state; Deny → 302 with error=access_denied. */
export function consentRoute(auth: OAuthAuthority, provider: Provider, req: OAuthRequest): Reply {
  if (req.method !== 'POST') return methodNotAllowed('POST');
  const form = bodyParams(req.rawBody, req.headers);
  const decision = form?.get('decision');
  if (!form || (decision !== 'approve' && decision !== 'deny')) {
    return htmlError(400, 'Bad request', 'Post the consent form with decision=approve or decision=deny.');
  }
  const account = form.get('account');
  const user = account === undefined ? auth.approvingUser() : auth.user(account);
  if (!user) return htmlError(400, 'Bad request', 'Unknown account.');
  const request = auth.codes.take(form.get('request') ?? '', provider);
  if (!request) return htmlError(400, 'Authorization request expired', 'This request was already answered or has expired. Start again from the app.');
  if (decision === 'deny') {
    auth.counters.denials += 1;
    // guess: the wording of error_description on a denied consent.
    return redirect(request.redirectUri, { error: 'access_denied', error_description: 'User did not authorize the request', state: request.state });
  }
  auth.counters.approvals += 1;
  const code = auth.codes.issue(request, user, auth.settings.codeLifetimeSeconds * 1000);
  return redirect(request.redirectUri, { code, state: request.state });
}
