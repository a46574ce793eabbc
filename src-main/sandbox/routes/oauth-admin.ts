// Admin endpoints of the OAuth stand-ins, under /__sandbox/oauth (any listener), for tests in
// another process. Secrets never appear here except the ones already public in the seed.
//
//   GET   /__sandbox/oauth                 { authUrl, settings, counters, redirectUris: { cloud, dc } }
//   GET   /__sandbox/oauth/counters        the counters
//   POST  /__sandbox/oauth/settings        JSON, any of accessTokenLifetimeSeconds, refreshReuseGraceSeconds,
//                                          codeLifetimeSeconds, approvingUser ("alice" | "bob") → the settings
//   POST  /__sandbox/oauth/redirect-uris   { "uri": "...", "client": "cloud" | "dc" } → 201 { redirectUris }
//   POST  /__sandbox/oauth/clock           { "advanceSeconds": n } → 204 (expiries come n seconds sooner)
//   POST  /__sandbox/oauth/reset           forget grants and tokens, default settings, zero counters → 204

import type { OAuthAuthority } from '../oauth/authority.ts';
import { applySettings } from '../oauth/settings.ts';
import type { Reply } from '../types.ts';

export const OAUTH_ADMIN_PREFIX = '/__sandbox/oauth';

function json(raw: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(raw) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const bad = (message: string): Reply => ({ status: 400, body: { error: message } });
const onlyMethod = (allow: string): Reply => ({ status: 405, body: { error: `use ${allow}` }, headers: { Allow: allow } });

/** `path` without trailing slash; undefined when it is not an OAuth admin path. */
export function oauthAdminRoute(method: string, path: string, rawBody: string, auth: OAuthAuthority, authUrl: string): Reply | undefined {
  if (path !== OAUTH_ADMIN_PREFIX && !path.startsWith(`${OAUTH_ADMIN_PREFIX}/`)) return undefined;
  const sub = path.slice(OAUTH_ADMIN_PREFIX.length);
  switch (sub) {
    case '':
      if (method !== 'GET') return onlyMethod('GET');
      return {
        status: 200,
        body: { authUrl, settings: auth.settings, counters: auth.counters, redirectUris: { cloud: auth.redirectUris('cloud'), dc: auth.redirectUris('dc') } },
      };
    case '/counters':
      return method === 'GET' ? { status: 200, body: auth.counters } : onlyMethod('GET');
    case '/settings': {
      if (method !== 'POST' && method !== 'PATCH') return onlyMethod('POST, PATCH');
      try {
        applySettings(auth.settings, json(rawBody));
      } catch (err) {
        return bad((err as Error).message);
      }
      return { status: 200, body: auth.settings };
    }
    case '/redirect-uris': {
      if (method !== 'POST') return onlyMethod('POST');
      const body = json(rawBody);
      const client = body?.client ?? 'cloud';
      if (typeof body?.uri !== 'string' || (client !== 'cloud' && client !== 'dc')) return bad('body must be {"uri": "...", "client": "cloud" | "dc"}');
      try {
        auth.registerRedirectUri(body.uri, client);
      } catch (err) {
        return bad((err as Error).message);
      }
      return { status: 201, body: { redirectUris: auth.redirectUris(client) } };
    }
    case '/clock': {
      if (method !== 'POST') return onlyMethod('POST');
      const seconds = json(rawBody)?.advanceSeconds;
      if (typeof seconds !== 'number' || !(seconds >= 0)) return bad('body must be {"advanceSeconds": n ≥ 0}');
      auth.advanceClock(seconds);
      return { status: 204 };
    }
    case '/reset':
      if (method !== 'POST') return onlyMethod('POST');
      auth.reset();
      return { status: 204 };
    default:
      return { status: 404, body: { error: `no admin endpoint ${method} ${path}` } };
  }
}
