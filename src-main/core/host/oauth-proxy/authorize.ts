// The browser's way through the proxy: GET /authorize (the MCP client's request, checked, then sent
// on to Atlassian as Tether's own app), the optional consent page (POST /authorize), and
// GET /oauth/callback (Atlassian's answer, turned into a code of Tether's for the MCP client).
// As RFC 6749 §4.1.2.1 asks, a request whose client or redirect URI cannot be trusted gets a page,
// never a redirect; every other problem goes back to the client's redirect URI.
import { randomUUID } from 'node:crypto';
import { atlassianAuthorizeUrl, redeemAtlassianCode } from './atlassian-side.ts';
import type { OAuthProxyConfig } from './proxy-config.ts';
import type { ProxyStore } from './proxy-store.ts';
import { consentPage, errorPage, readParams, redirectTo } from './responses.ts';

/** A resource indicator (RFC 8707), when given, must name this server. */
export const resourceAllowed = (config: OAuthProxyConfig, resource: string | null | undefined) =>
  !resource || resource === config.publicBaseUrl || resource.startsWith(`${config.publicBaseUrl}/`);

export function authorizeRoute(config: OAuthProxyConfig, store: ProxyStore, request: Request): Response {
  const q = new URL(request.url).searchParams;
  const client = store.clients.get(q.get('client_id') ?? '');
  if (!client) return errorPage(400, 'Unknown client', 'No MCP client is registered with this client_id (Tether forgets registrations when it restarts): connect the app again.');
  const given = q.get('redirect_uri');
  const redirectUri = given ?? (client.redirect_uris.length === 1 ? client.redirect_uris[0] : undefined);
  if (!redirectUri || !client.redirect_uris.includes(redirectUri)) return errorPage(400, 'Invalid redirect_uri', 'The redirect_uri is not one this client registered.');
  const state = q.get('state') ?? undefined;
  const fail = (error: string, description: string) => redirectTo(redirectUri, { error, error_description: description, state });
  if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  const challenge = q.get('code_challenge');
  if (!challenge) return fail('invalid_request', 'code_challenge is required (PKCE)');
  if (q.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return fail('invalid_request', 'code_challenge must be a base64url SHA-256 digest');
  if (!resourceAllowed(config, q.get('resource'))) return fail('invalid_target', 'resource must name this server');
  const pending = store.openPending({ clientId: client.client_id, redirectUri, codeChallenge: challenge, state, consented: !config.requireConsent });
  if (!config.requireConsent) return redirectTo(atlassianAuthorizeUrl(config, pending), {});
  return consentPage({ clientName: client.client_name ?? 'An MCP client', redirectHost: new URL(redirectUri).host, request: pending });
}

/** POST /authorize: the answer to Tether's own consent page. */
export async function consentRoute(config: OAuthProxyConfig, store: ProxyStore, request: Request): Promise<Response> {
  const form = await readParams(request);
  const id = form?.get('request') ?? '';
  const pending = store.peekPending(id);
  if (!pending) return errorPage(400, 'Request expired', 'This authorization request was already answered or has expired: connect the app again.');
  if (form?.get('decision') !== 'approve') {
    store.takePending(id);
    return redirectTo(pending.redirectUri, { error: 'access_denied', error_description: 'The user declined.', state: pending.state });
  }
  pending.consented = true;
  return redirectTo(atlassianAuthorizeUrl(config, id), {});
}

export async function callbackRoute(config: OAuthProxyConfig, store: ProxyStore, request: Request): Promise<Response> {
  const q = new URL(request.url).searchParams;
  const pending = store.takePending(q.get('state') ?? '');
  if (!pending || !pending.consented) return errorPage(400, 'Not a sign-in Tether is waiting for', 'This answer belongs to an unknown or expired authorization: connect the app again.');
  const back = (params: Record<string, string>) => redirectTo(pending.redirectUri, { ...params, state: pending.state });
  const refused = q.get('error');
  if (refused) return back({ error: 'access_denied', error_description: `Atlassian did not authorize Tether (${refused}).` });
  const code = q.get('code');
  if (!code) return back({ error: 'server_error', error_description: 'Atlassian answered without a code.' });
  try {
    const { tokens, cloudId } = await redeemAtlassianCode(config, code);
    const grant = { id: randomUUID(), clientId: pending.clientId, atlassian: tokens, cloudId };
    return back({ code: store.issueCode({ clientId: pending.clientId, redirectUri: pending.redirectUri, codeChallenge: pending.codeChallenge, grant }) });
  } catch (error) {
    return back({ error: 'server_error', error_description: `The Atlassian sign-in could not be completed: ${error instanceof Error ? error.message : String(error)}` });
  }
}
