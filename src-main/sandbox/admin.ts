// The HTTP admin surface under `/__sandbox/` (on every listener), so tests in another process can
// drive the sandbox. Admin requests are never recorded as exchanges.
//
//   POST   /__sandbox/faults     JSON FaultRule (path = prefix string, or pathRegex = RegExp source)
//   DELETE /__sandbox/faults     remove all rules
//   GET    /__sandbox/exchanges  JSON list of exchanges
//   DELETE /__sandbox/exchanges  forget recorded exchanges
//   GET    /__sandbox/info       { siteUrl, apiUrl, dcUrl, cloudId } (no secrets)
//   POST   /__sandbox/reset      restore the seeded state (Confluence and Jira content); exchanges and faults stay
//   …      /__sandbox/oauth/…    OAuth settings, counters, redirect URIs, clock (routes/oauth-admin.ts)

import { ruleFromJson, type Faults } from './faults.ts';
import type { OAuthAuthority } from './oauth/authority.ts';
import { oauthAdminRoute } from './routes/oauth-admin.ts';
import type { Exchange, Reply, SandboxUrls } from './types.ts';

export const ADMIN_PREFIX = '/__sandbox';

export interface AdminContext {
  faults: Faults;
  exchanges: Exchange[];
  urls: SandboxUrls;
  cloudId: string;
  reset: () => void;
  oauth: OAuthAuthority;
  authUrl: string;
}

export function isAdminPath(pathname: string): boolean {
  return pathname === ADMIN_PREFIX || pathname.startsWith(`${ADMIN_PREFIX}/`);
}

export function adminRoute(method: string, pathname: string, rawBody: string, admin: AdminContext): Reply {
  const path = pathname.replace(/\/+$/, '');
  const oauth = oauthAdminRoute(method, path, rawBody, admin.oauth, admin.authUrl);
  if (oauth) return oauth;
  if (path === `${ADMIN_PREFIX}/faults`) {
    if (method === 'POST') {
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        return { status: 400, body: { error: 'body must be a JSON fault rule' } };
      }
      try {
        admin.faults.add(ruleFromJson(json));
      } catch (err) {
        return { status: 400, body: { error: (err as Error).message } };
      }
      return { status: 201, body: { ok: true } };
    }
    if (method === 'DELETE') {
      admin.faults.clear();
      return { status: 204 };
    }
    return { status: 405, body: { error: 'use POST or DELETE' }, headers: { Allow: 'POST, DELETE' } };
  }
  if (path === `${ADMIN_PREFIX}/exchanges`) {
    if (method === 'GET') return { status: 200, body: admin.exchanges };
    if (method === 'DELETE') {
      admin.exchanges.length = 0;
      return { status: 204 };
    }
    return { status: 405, body: { error: 'use GET or DELETE' }, headers: { Allow: 'GET, DELETE' } };
  }
  if (path === `${ADMIN_PREFIX}/reset`) {
    if (method !== 'POST') return { status: 405, body: { error: 'use POST' }, headers: { Allow: 'POST' } };
    admin.reset();
    return { status: 204 };
  }
  if (path === `${ADMIN_PREFIX}/info` && method === 'GET') {
    return { status: 200, body: { ...admin.urls, cloudId: admin.cloudId } };
  }
  return { status: 404, body: { error: `no admin endpoint ${method} ${pathname}` } };
}
