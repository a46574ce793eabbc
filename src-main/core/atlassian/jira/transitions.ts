// Workflow transitions: which are open to an issue now (with the fields each asks for), and taking one.
import { enc, type JiraClient } from './jira-client.ts';
import type { Transition } from './types.ts';

export async function listTransitions(client: JiraClient, key: string): Promise<Transition[]> {
  const page = await client.http.get<{ transitions?: Transition[] }>(`${client.api}/issue/${enc(key)}/transitions`, { expand: 'transitions.fields' });
  return page.transitions ?? [];
}

export async function doTransition(client: JiraClient, key: string, input: { id: string; fields?: Record<string, unknown>; comment?: unknown }): Promise<void> {
  await client.http.request({
    method: 'POST',
    path: `${client.api}/issue/${enc(key)}/transitions`,
    json: {
      transition: { id: input.id },
      ...(input.fields ? { fields: input.fields } : {}),
      ...(input.comment !== undefined ? { update: { comment: [{ add: { body: input.comment } }] } } : {}),
    },
  });
}
