// Issue attachments: the list comes with the issue; bytes are streamed; uploads are multipart
// with the XSRF header Jira requires.
import { openAsBlob } from 'node:fs';
import { enc, type JiraClient } from './jira-client.ts';

export interface JiraAttachment {
  id: string;
  filename: string;
  size?: number;
  mimeType?: string;
  created?: string;
  author?: { displayName?: string };
  content?: string;
}

export async function issueAttachments(client: JiraClient, key: string): Promise<JiraAttachment[]> {
  const issue = await client.http.get<{ fields: { attachment?: JiraAttachment[] } }>(`${client.api}/issue/${enc(key)}`, { fields: 'attachment' });
  return issue.fields.attachment ?? [];
}

export function downloadJiraAttachment(client: JiraClient, id: string) {
  return client.http.stream(`${client.api}/attachment/content/${enc(id)}`);
}

export async function uploadJiraAttachment(client: JiraClient, key: string, input: { path: string; filename: string }): Promise<JiraAttachment[]> {
  const form = new FormData();
  form.append('file', await openAsBlob(input.path), input.filename);
  const { body } = await client.http.request<JiraAttachment[]>({ method: 'POST', path: `${client.api}/issue/${enc(key)}/attachments`, body: form, headers: { 'X-Atlassian-Token': 'no-check' } });
  return body;
}
