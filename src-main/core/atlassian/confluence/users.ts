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
