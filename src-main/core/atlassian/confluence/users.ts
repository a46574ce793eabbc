// Confluence users (v1; Data Center knows people by username, not account id).
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import { dcCurrentUser } from './dc-content.ts';
import { isDataCenter } from './dc.ts';

export interface ConfluenceUser {
  accountId?: string;
  accountType?: string;
  email?: string;
  publicName?: string;
  displayName?: string;
  timeZone?: string;
  type?: string;
  username?: string;
  userKey?: string;
}

export function currentUser(http: AtlassianHttp): Promise<ConfluenceUser> {
  if (isDataCenter(http)) return dcCurrentUser(http);
  return http.get<ConfluenceUser>('/wiki/rest/api/user/current');
}

export function userByAccountId(http: AtlassianHttp, accountId: string): Promise<ConfluenceUser> {
  return http.get<ConfluenceUser>('/wiki/rest/api/user', { accountId });
}

/** Display names for up to 250 account ids in one request (v2), for readable mentions. */
export async function usersByAccountIds(http: AtlassianHttp, accountIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  // Data Center mentions name a user key (ri:userkey), never an account id.
  if (accountIds.length === 0 || isDataCenter(http)) return names;
  const { body } = await http.request<{ results?: { accountId?: string; displayName?: string; publicName?: string }[] }>({
    method: 'POST',
    path: '/wiki/api/v2/users-bulk',
    json: { accountIds: accountIds.slice(0, 250) },
    retryPostOn429: true,
  });
  for (const user of body.results ?? []) if (user.accountId) names.set(user.accountId, user.displayName || user.publicName || user.accountId);
  return names;
}
