// Jira Cloud: the same routes answer on the site (`/rest/...`) and through the gateway
// (`/ex/jira/{cloudId}/rest/...`; ctx.path is the part from `/rest` on).
// Shapes follow /work/shared/specs/jira-v3.json (v2 answers the same shapes with string bodies).

import { createHash } from 'node:crypto';
import type { Reply, RequestContext } from '../types.ts';
import { Router } from './router.ts';

export const jiraCloudRouter = new Router()
  .get('/rest/api/3/myself', (ctx) => myself(ctx, 3))
  .get('/rest/api/2/myself', (ctx) => myself(ctx, 2));

/**
 * Base of Jira `self` links: the site, or the gateway prefix when the request came through
 * api.atlassian.com (Jira rewrites its self links to the URL it was called on).
 */
export function jiraBase(ctx: RequestContext): string {
  return ctx.listener === 'api' ? `${ctx.urls.apiUrl}${ctx.prefix}` : ctx.urls.siteUrl;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function avatarUrls(email: string, displayName: string): Record<string, string> {
  const hash = createHash('md5').update(email.trim().toLowerCase()).digest('hex');
  const fallback = encodeURIComponent(
    `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${initials(displayName)}-5.png`,
  );
  const out: Record<string, string> = {};
  for (const size of [48, 24, 16, 32]) {
    out[`${size}x${size}`] = `https://secure.gravatar.com/avatar/${hash}?d=${fallback}`;
  }
  return out;
}

const GROUPS = [
  { name: 'jira-software-users', groupId: '6a1c5b3e-2f4d-4e8a-9c7b-1d0e3f5a7b9c' },
  { name: 'confluence-users', groupId: '0b9d7f5e-3c1a-4b2d-8e6f-7a5c3e1d9b0f' },
  { name: 'site-admins', groupId: 'c2e4a6b8-d0f2-4416-8a9c-b1d3f5e7a9c1' },
];

function expands(ctx: RequestContext): Set<string> {
  return new Set(
    ctx.query
      .getAll('expand')
      .flatMap((v) => v.split(','))
      .map((s) => s.trim()),
  );
}

function myself(ctx: RequestContext, version: 2 | 3): Reply {
  const u = ctx.user;
  const base = jiraBase(ctx);
  const expand = expands(ctx);
  return {
    status: 200,
    body: {
      self: `${base}/rest/api/${version}/user?accountId=${encodeURIComponent(u.accountId)}`,
      accountId: u.accountId,
      accountType: 'atlassian',
      emailAddress: u.email,
      avatarUrls: avatarUrls(u.email, u.displayName),
      displayName: u.displayName,
      active: true,
      timeZone: u.timeZone,
      locale: u.locale,
      groups: {
        size: GROUPS.length,
        items: expand.has('groups')
          ? GROUPS.map((g) => ({ ...g, self: `${base}/rest/api/${version}/group?groupId=${g.groupId}` }))
          : [],
      },
      applicationRoles: {
        size: 1,
        items: expand.has('applicationRoles') ? [{ key: 'jira-software', name: 'Jira Software' }] : [],
      },
      expand: 'groups,applicationRoles',
    },
  };
}
