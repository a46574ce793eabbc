// Issues: read, create (one or many), edit, assign, delete, and their change history.
import type { Query } from '../http/atlassian-http.ts';
import { enc, type JiraClient } from './jira-client.ts';
import type { ChangeHistory, JiraIssue } from './types.ts';

export function getIssue(client: JiraClient, key: string, options: { fields?: string; expand?: string } = {}): Promise<JiraIssue> {
  const query: Query = { fields: options.fields, expand: options.expand };
  return client.http.get<JiraIssue>(`${client.api}/issue/${enc(key)}`, query);
}

export async function createIssue(client: JiraClient, fields: Record<string, unknown>): Promise<{ id: string; key: string }> {
  const { body } = await client.http.request<{ id: string; key: string }>({ method: 'POST', path: `${client.api}/issue`, json: { fields } });
  return body;
}

export interface BulkCreateResult {
  issues: { id: string; key: string }[];
  errors: { failedElementNumber?: number; elementErrors?: { errorMessages?: string[]; errors?: Record<string, string> } }[];
}

export async function createIssues(client: JiraClient, fieldsList: Record<string, unknown>[]): Promise<BulkCreateResult> {
  const { body } = await client.http.request<BulkCreateResult>({ method: 'POST', path: `${client.api}/issue/bulk`, json: { issueUpdates: fieldsList.map((fields) => ({ fields })) } });
  return { issues: body.issues ?? [], errors: body.errors ?? [] };
}

export async function editIssue(client: JiraClient, key: string, change: { fields?: Record<string, unknown>; update?: Record<string, unknown> }): Promise<void> {
  await client.http.request({ method: 'PUT', path: `${client.api}/issue/${enc(key)}`, json: change });
}

export async function deleteIssue(client: JiraClient, key: string, deleteSubtasks: boolean): Promise<void> {
  await client.http.request({ method: 'DELETE', path: `${client.api}/issue/${enc(key)}`, query: { deleteSubtasks } });
}

/** Cloud names people by accountId, Data Center by user name; null unassigns (an edit: the assignee
 * endpoint's documented body has no null). */
export async function assignIssue(client: JiraClient, key: string, user: string | null): Promise<void> {
  if (user === null) return editIssue(client, key, { fields: { assignee: null } });
  const json = client.cloud ? { accountId: user } : { name: user };
  await client.http.request({ method: 'PUT', path: `${client.api}/issue/${enc(key)}/assignee`, json });
}

/** Cloud pages the changelog; Data Center only returns it inside the issue (expand=changelog). */
export async function issueChangelog(client: JiraClient, key: string, max: number): Promise<ChangeHistory[]> {
  if (!client.cloud) return (await getIssue(client, key, { fields: 'summary', expand: 'changelog' })).changelog?.histories ?? [];
  const histories: ChangeHistory[] = [];
  for (let startAt = 0; histories.length < max; ) {
    const page = await client.http.get<{ values?: ChangeHistory[]; isLast?: boolean; total?: number }>(`${client.api}/issue/${enc(key)}/changelog`, { startAt, maxResults: 100 });
    const values = page.values ?? [];
    histories.push(...values);
    startAt += values.length;
    if (page.isLast !== false || values.length === 0) break;
  }
  return histories.slice(0, max);
}

/** Cloud only: the changelogs of many issues in as few requests as the API allows. */
export async function bulkChangelogs(client: JiraClient, keys: string[], fieldIds: string[] | undefined): Promise<Map<string, ChangeHistory[]>> {
  const byIssue = new Map<string, ChangeHistory[]>();
  let nextPageToken: string | undefined;
  do {
    const { body } = await client.http.request<{ issueChangeLogs?: { issueId: string; changeHistories?: ChangeHistory[] }[]; nextPageToken?: string }>({
      method: 'POST',
      path: `${client.api}/changelog/bulkfetch`,
      json: { issueIdsOrKeys: keys, maxResults: 1000, ...(fieldIds?.length ? { fieldIds } : {}), ...(nextPageToken ? { nextPageToken } : {}) },
      retryPostOn429: true,
    });
    for (const log of body.issueChangeLogs ?? []) byIssue.set(log.issueId, [...(byIssue.get(log.issueId) ?? []), ...(log.changeHistories ?? [])]);
    nextPageToken = body.nextPageToken;
  } while (nextPageToken);
  return byIssue;
}
