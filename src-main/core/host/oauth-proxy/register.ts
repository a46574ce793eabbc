// POST /register: dynamic client registration (RFC 7591) for MCP clients. Every client is public
// (PKCE instead of a secret), and may only name redirect URIs on the operator's allow-list, so a
// registered client cannot have codes sent anywhere else.
import { randomUUID } from 'node:crypto';
import type { OAuthClientInformationFull } from '@modelcontextprotocol/server';
import { redirectUriAllowed, type OAuthProxyConfig } from './proxy-config.ts';
import type { ProxyStore } from './proxy-store.ts';
import { json, oauthError, readJson } from './responses.ts';

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined);

export async function registerRoute(config: OAuthProxyConfig, store: ProxyStore, request: Request): Promise<Response> {
  if (request.method !== 'POST') return oauthError('invalid_request', 'Register with POST and a JSON body.', 405, { allow: 'POST' });
  const body = await readJson(request);
  if (typeof body !== 'object' || body === null) return oauthError('invalid_client_metadata', 'The body must be a JSON object (RFC 7591).');
  const metadata = body as Record<string, unknown>;
  const redirectUris = strings(metadata.redirect_uris);
  if (!redirectUris || redirectUris.length === 0) return oauthError('invalid_redirect_uri', 'redirect_uris is required: a list of URIs.');
  const refused = redirectUris.find((uri) => !redirectUriAllowed(uri, config.allowedRedirectUris));
  if (refused !== undefined) return oauthError('invalid_redirect_uri', `The redirect URI ${refused} is not allowed by this server.`);
  const grantTypes = strings(metadata.grant_types) ?? ['authorization_code', 'refresh_token'].filter((g) => (config.grantTypes as string[]).includes(g));
  if (grantTypes.some((g) => !(config.grantTypes as string[]).includes(g))) return oauthError('invalid_client_metadata', `grant_types may only use ${config.grantTypes.join(', ')}.`);
  const responseTypes = strings(metadata.response_types) ?? ['code'];
  if (responseTypes.some((t) => t !== 'code')) return oauthError('invalid_client_metadata', 'response_types may only be ["code"].');
  const client: OAuthClientInformationFull = {
    client_id: randomUUID(),
    client_id_issued_at: Math.floor(Date.now() / 1000),
    redirect_uris: redirectUris,
    grant_types: grantTypes,
    response_types: responseTypes,
    // Public clients only: whatever method was asked for, the answer says "none" (RFC 7591 §3.2.1 lets the server decide).
    token_endpoint_auth_method: 'none',
    ...(typeof metadata.client_name === 'string' ? { client_name: metadata.client_name.slice(0, 200) } : {}),
  };
  store.registerClient(client);
  return json(client, 201);
}
