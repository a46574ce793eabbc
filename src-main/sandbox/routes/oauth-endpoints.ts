// Where the OAuth endpoints live. Cloud: the auth listener stands in for https://auth.atlassian.com
// (/authorize, its consent form, /oauth/token). Data Center: each product's own provider under its
// base URL (/rest/oauth2/latest/authorize and /token; the consent form posts to the servlet path).

import { errorReply } from '../errors.ts';
import type { OAuthAuthority } from '../oauth/authority.ts';
import type { Reply } from '../types.ts';
import { authorizeRoute, consentRoute } from './oauth-authorize.ts';
import type { OAuthRequest } from './oauth-common.ts';
import { cloudTokenRoute, dcTokenRoute } from './oauth-token.ts';

const CLOUD_CONSENT = '/authorize/consent';
const DC_CONSENT = '/plugins/servlet/oauth2/consent';

/** Everything the auth listener answers. */
export function authServerRoute(auth: OAuthAuthority, req: OAuthRequest): Reply {
  const path = req.pathname.replace(/\/+$/, '');
  if (path === '/authorize') return authorizeRoute(auth, 'cloud', req, CLOUD_CONSENT);
  if (path === CLOUD_CONSENT) return consentRoute(auth, 'cloud', req);
  if (path === '/oauth/token') return cloudTokenRoute(auth, req);
  return errorReply('html', 404);
}

/**
 * The Data Center provider endpoints of one product (`path` is inside the product's context path,
 * `prefix` that context path), or undefined when `path` is not one of them.
 */
export function dcOAuthRoute(auth: OAuthAuthority, product: 'jira' | 'confluence', prefix: string, path: string, req: OAuthRequest): Reply | undefined {
  const p = path.replace(/\/+$/, '');
  if (p === '/rest/oauth2/latest/authorize') return authorizeRoute(auth, product, req, `${prefix}${DC_CONSENT}`);
  if (p === DC_CONSENT) return consentRoute(auth, product, req);
  if (p === '/rest/oauth2/latest/token') return dcTokenRoute(auth, product, req);
  return undefined;
}
