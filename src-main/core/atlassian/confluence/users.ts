// Confluence users (v1).
import type { AtlassianHttp } from '../http/atlassian-http.ts';

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
  return http.get<ConfluenceUser>('/wiki/rest/api/user/current');
}

export function userByAccountId(http: AtlassianHttp, accountId: string): Promise<ConfluenceUser> {
  return http.get<ConfluenceUser>('/wiki/rest/api/user', { accountId });
}

/** Display names for up to 250 account ids in one request (v2), for readable mentions. */
export async function usersByAccountIds(http: AtlassianHttp, accountIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (accountIds.length === 0) return names;
  const { body } = await http.request<{ results?: { accountId?: string; displayName?: string; publicName?: string }[] }>({
    method: 'POST',
    path: '/wiki/api/v2/users-bulk',
    json: { accountIds: accountIds.slice(0, 250) },
    retryPostOn429: true,
  });
  for (const user of body.results ?? []) if (user.accountId) names.set(user.accountId, user.displayName || user.publicName || user.accountId);
  return names;
}
