// Issue comments (reading them is part of getIssue). Bodies arrive already converted: ADF on
// Cloud, wiki markup on Data Center.
import { enc, type JiraClient } from './jira-client.ts';
import type { JiraComment } from './types.ts';

export type Visibility = { type: 'group' | 'role'; value: string };

export async function addComment(client: JiraClient, key: string, body: unknown, visibility?: Visibility): Promise<JiraComment> {
  const { body: comment } = await client.http.request<JiraComment>({ method: 'POST', path: `${client.api}/issue/${enc(key)}/comment`, json: { body, ...(visibility ? { visibility } : {}) } });
  return comment;
}

export async function editComment(client: JiraClient, key: string, id: string, body: unknown, visibility?: Visibility): Promise<JiraComment> {
  const { body: comment } = await client.http.request<JiraComment>({ method: 'PUT', path: `${client.api}/issue/${enc(key)}/comment/${enc(id)}`, json: { body, ...(visibility ? { visibility } : {}) } });
  return comment;
}

export async function listComments(client: JiraClient, key: string, max: number): Promise<{ comments: JiraComment[]; total: number }> {
  const page = await client.http.get<{ comments?: JiraComment[]; total?: number }>(`${client.api}/issue/${enc(key)}/comment`, { maxResults: Math.min(max, 100), orderBy: '-created' });
  return { comments: page.comments ?? [], total: page.total ?? page.comments?.length ?? 0 };
}
