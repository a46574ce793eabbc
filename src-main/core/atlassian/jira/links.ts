// Links between issues, and from an issue to the web (remote links).
import { enc, type JiraClient } from './jira-client.ts';

export interface LinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export async function listLinkTypes(client: JiraClient): Promise<LinkType[]> {
  return (await client.http.get<{ issueLinkTypes?: LinkType[] }>(`${client.api}/issueLinkType`)).issueLinkTypes ?? [];
}

export async function createLink(client: JiraClient, input: { type: string; inward: string; outward: string; comment?: unknown }): Promise<void> {
  await client.http.request({
    method: 'POST',
    path: `${client.api}/issueLink`,
    json: { type: { name: input.type }, inwardIssue: { key: input.inward }, outwardIssue: { key: input.outward }, ...(input.comment !== undefined ? { comment: { body: input.comment } } : {}) },
  });
}

export function getLink(client: JiraClient, id: string) {
  return client.http.get<{ id: string; type?: LinkType; inwardIssue?: { key: string }; outwardIssue?: { key: string } }>(`${client.api}/issueLink/${enc(id)}`);
}

export async function deleteLink(client: JiraClient, id: string): Promise<void> {
  await client.http.request({ method: 'DELETE', path: `${client.api}/issueLink/${enc(id)}` });
}

export async function createRemoteLink(
  client: JiraClient,
  key: string,
  input: { url: string; title: string; summary?: string | undefined; relationship?: string | undefined; iconUrl?: string | undefined },
): Promise<{ id: number; self?: string }> {
  const { body } = await client.http.request<{ id: number; self?: string }>({
    method: 'POST',
    path: `${client.api}/issue/${enc(key)}/remotelink`,
    json: {
      ...(input.relationship ? { relationship: input.relationship } : {}),
      object: { url: input.url, title: input.title, ...(input.summary ? { summary: input.summary } : {}), ...(input.iconUrl ? { icon: { url16x16: input.iconUrl, title: input.title } } : {}) },
    },
  });
  return body;
}
