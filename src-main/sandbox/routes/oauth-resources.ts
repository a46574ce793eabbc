// GET api.atlassian.com/oauth/token/accessible-resources: the sites an OAuth access token may reach,
// [{id (cloudId), name, url, scopes[], avatarUrl}]. The consenting account has two sites: the
// sandbox's own (served by the gateway) and a second one (listed only).

import { parseAuthorization } from '../auth.ts';
import { errorReply } from '../errors.ts';
import type { OAuthAuthority } from '../oauth/authority.ts';
import type { SandboxSeed } from '../seed.ts';
import type { Reply } from '../types.ts';
import type { OAuthRequest } from './oauth-common.ts';

export const ACCESSIBLE_RESOURCES_PATH = '/oauth/token/accessible-resources';

const AVATAR = 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240';

export function accessibleResourcesRoute(auth: OAuthAuthority, seed: SandboxSeed, siteUrl: string, req: OAuthRequest): Reply {
  if (req.method !== 'GET') return errorReply('gateway', 405, { headers: { Allow: 'GET' } });
  const cred = parseAuthorization(req.headers.authorization);
  const grant = cred.kind === 'bearer' ? auth.verifyCloudBearer(cred.token) : undefined;
  if (!grant) return errorReply('gateway', 401);
  // guess: offline_access is not listed among a site's scopes.
  const scopes = grant.scopes.filter((s) => s !== 'offline_access');
  const second = seed.oauth.secondSite;
  return {
    status: 200,
    body: [
      { id: seed.cloudId, url: siteUrl, name: seed.siteName, scopes, avatarUrl: `${AVATAR}/rocket.png` },
      { id: second.cloudId, url: second.url, name: second.name, scopes, avatarUrl: `${AVATAR}/flag.png` },
    ],
  };
}
