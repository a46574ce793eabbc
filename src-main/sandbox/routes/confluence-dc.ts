// Confluence Data Center at `${dcUrl}/confluence`: ctx.path is the part after `/confluence`.

import type { Reply, RequestContext } from '../types.ts';
import { Router } from './router.ts';

export const confluenceDcRouter = new Router().get('/rest/api/user/current', currentUser);

function currentUser(ctx: RequestContext): Reply {
  const u = ctx.user;
  const base = `${ctx.urls.dcUrl}/confluence`;
  return {
    status: 200,
    body: {
      type: 'known',
      username: u.dc.username,
      userKey: u.dc.confluenceUserKey,
      profilePicture: {
        path: '/confluence/images/icons/profilepics/default.svg',
        width: 48,
        height: 48,
        isDefault: true,
      },
      displayName: u.displayName,
      _links: {
        base,
        context: '/confluence',
        self: `${base}/rest/api/user?key=${u.dc.confluenceUserKey}`,
      },
      _expandable: { status: '', personalSpace: '' },
    },
  };
}
