// Jira Data Center at `${dcUrl}/jira`: ctx.path is the part after `/jira`. REST v2 only.

import type { Reply, RequestContext } from '../types.ts';
import { Router } from './router.ts';

export const jiraDcRouter = new Router().get('/rest/api/2/myself', myself);

function myself(ctx: RequestContext): Reply {
  const u = ctx.user;
  const base = `${ctx.urls.dcUrl}/jira`;
  const avatar = (size: number): string => `${base}/secure/useravatar?size=${size}&ownerId=${u.dc.username}&avatarId=10341`;
  return {
    status: 200,
    body: {
      self: `${base}/rest/api/2/user?username=${encodeURIComponent(u.dc.username)}`,
      key: u.dc.jiraKey,
      name: u.dc.username,
      emailAddress: u.email,
      avatarUrls: { '48x48': avatar(48), '24x24': avatar(24), '16x16': avatar(16), '32x32': avatar(32) },
      displayName: u.displayName,
      active: true,
      deleted: false,
      timeZone: u.timeZone,
      locale: u.locale,
      groups: { size: 2, items: [] },
      applicationRoles: { size: 1, items: [] },
      expand: 'groups,applicationRoles',
    },
  };
}
