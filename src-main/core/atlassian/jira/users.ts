// People: who someone is, who may be assigned, who watches. Cloud knows accountIds; Data Center
// knows user names (and keys).
import { enc, type JiraClient } from './jira-client.ts';
import type { JiraUser } from './types.ts';

export function myself(client: JiraClient): Promise<JiraUser> {
  return client.http.get<JiraUser>(`${client.api}/myself`);
}

/** Finds people by name, email or (Data Center) user name. */
export function searchUsers(client: JiraClient, query: string, limit: number): Promise<JiraUser[]> {
  return client.http.get<JiraUser[]>(`${client.api}/user/search`, client.cloud ? { query, maxResults: limit } : { username: query, maxResults: limit });
}

export function userById(client: JiraClient, id: string): Promise<JiraUser> {
  return client.http.get<JiraUser>(`${client.api}/user`, client.cloud ? { accountId: id } : { username: id });
}

export function assignableUsers(client: JiraClient, input: { query: string; projectKey?: string | undefined; issueKey?: string | undefined; limit: number }): Promise<JiraUser[]> {
  return client.http.get<JiraUser[]>(`${client.api}/user/assignable/search`, {
    ...(client.cloud ? { query: input.query } : { username: input.query }),
    project: input.projectKey,
    issueKey: input.issueKey,
    maxResults: input.limit,
  });
}

export function watchers(client: JiraClient, key: string) {
  return client.http.get<{ watchCount?: number; isWatching?: boolean; watchers?: JiraUser[] }>(`${client.api}/issue/${enc(key)}/watchers`);
}

/** The body is a bare JSON string: the accountId (Cloud) or user name (Data Center). */
export async function addWatcher(client: JiraClient, key: string, user: string): Promise<void> {
  await client.http.request({ method: 'POST', path: `${client.api}/issue/${enc(key)}/watchers`, json: user });
}

export async function removeWatcher(client: JiraClient, key: string, user: string): Promise<void> {
  await client.http.request({ method: 'DELETE', path: `${client.api}/issue/${enc(key)}/watchers`, query: client.cloud ? { accountId: user } : { username: user } });
}

/** The identifier Jira wants for a person: an accountId or user name as given, else a lookup by name or email. */
export async function resolveUser(client: JiraClient, who: string): Promise<JiraUser | undefined> {
  const trimmed = who.trim();
  if (client.cloud && /^[0-9a-f]{24}$|^\d+:[0-9a-f-]{36}$|^[a-z0-9]+:[0-9a-f-]{36}$/i.test(trimmed)) return userById(client, trimmed);
  const found = await searchUsers(client, trimmed, 10);
  const lower = trimmed.toLowerCase();
  return found.find((u) => u.emailAddress?.toLowerCase() === lower || u.name?.toLowerCase() === lower || u.displayName?.toLowerCase() === lower) ?? (found.length === 1 ? found[0] : undefined);
}

export function userIdentifier(client: JiraClient, user: JiraUser): string {
  return (client.cloud ? user.accountId : user.name) ?? '';
}
