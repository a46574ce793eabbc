// Time logged on an issue.
import { enc, type JiraClient } from './jira-client.ts';
import type { JiraUser } from './types.ts';

export interface Worklog {
  id: string;
  author?: JiraUser;
  comment?: unknown;
  started?: string;
  timeSpent?: string;
  timeSpentSeconds?: number;
}

export async function listWorklogs(client: JiraClient, key: string): Promise<{ worklogs: Worklog[]; total: number }> {
  const page = await client.http.get<{ worklogs?: Worklog[]; total?: number }>(`${client.api}/issue/${enc(key)}/worklog`, { maxResults: 1000 });
  return { worklogs: page.worklogs ?? [], total: page.total ?? page.worklogs?.length ?? 0 };
}

export async function addWorklog(
  client: JiraClient,
  key: string,
  input: { timeSpent: string; started: string; comment?: unknown; remainingEstimate?: string | undefined },
): Promise<Worklog> {
  const { body } = await client.http.request<Worklog>({
    method: 'POST',
    path: `${client.api}/issue/${enc(key)}/worklog`,
    query: input.remainingEstimate ? { adjustEstimate: 'new', newEstimate: input.remainingEstimate } : undefined,
    json: { timeSpent: input.timeSpent, started: input.started, ...(input.comment !== undefined ? { comment: input.comment } : {}) },
  });
  return body;
}
