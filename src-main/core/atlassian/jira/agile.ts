// Boards and sprints (the agile REST API, the same on Cloud and Data Center).
import { enc, type JiraClient } from './jira-client.ts';
import type { JiraIssue } from './types.ts';

export interface Board {
  id: number;
  name: string;
  type?: string;
  location?: { projectKey?: string; projectName?: string };
}

export interface Sprint {
  id: number;
  name: string;
  state?: string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  goal?: string;
  originBoardId?: number;
}

export function listBoards(client: JiraClient, options: { name?: string | undefined; projectKey?: string | undefined; type?: string | undefined; startAt: number; limit: number }) {
  return client.http.get<{ values?: Board[]; isLast?: boolean; total?: number }>(`${client.agile}/board`, {
    name: options.name,
    projectKeyOrId: options.projectKey,
    type: options.type,
    startAt: options.startAt,
    maxResults: options.limit,
  });
}

export function getBoard(client: JiraClient, id: string) {
  return client.http.get<Board>(`${client.agile}/board/${enc(id)}`);
}

export function boardIssues(client: JiraClient, boardId: string, options: { jql?: string | undefined; fields?: string | undefined; startAt: number; limit: number }) {
  return client.http.get<{ issues?: JiraIssue[]; total?: number; startAt?: number }>(`${client.agile}/board/${enc(boardId)}/issue`, {
    jql: options.jql,
    fields: options.fields,
    startAt: options.startAt,
    maxResults: options.limit,
  });
}

export function boardSprints(client: JiraClient, boardId: string, options: { state?: string | undefined; startAt: number; limit: number }) {
  return client.http.get<{ values?: Sprint[]; isLast?: boolean }>(`${client.agile}/board/${enc(boardId)}/sprint`, { state: options.state, startAt: options.startAt, maxResults: options.limit });
}

export function getSprint(client: JiraClient, id: string) {
  return client.http.get<Sprint>(`${client.agile}/sprint/${enc(id)}`);
}

export function sprintIssues(client: JiraClient, sprintId: string, options: { jql?: string | undefined; fields?: string | undefined; startAt: number; limit: number }) {
  return client.http.get<{ issues?: JiraIssue[]; total?: number }>(`${client.agile}/sprint/${enc(sprintId)}/issue`, { jql: options.jql, fields: options.fields, startAt: options.startAt, maxResults: options.limit });
}

export async function createSprint(client: JiraClient, input: { name: string; boardId: number; startDate?: string | undefined; endDate?: string | undefined; goal?: string | undefined }): Promise<Sprint> {
  const json = Object.fromEntries(Object.entries({ name: input.name, originBoardId: input.boardId, startDate: input.startDate, endDate: input.endDate, goal: input.goal }).filter(([, v]) => v !== undefined));
  const { body } = await client.http.request<Sprint>({ method: 'POST', path: `${client.agile}/sprint`, json });
  return body;
}

/** A partial update: only the given fields change. */
export async function updateSprint(client: JiraClient, id: string, change: Partial<Pick<Sprint, 'name' | 'state' | 'startDate' | 'endDate' | 'goal'>>): Promise<Sprint> {
  const json = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  const { body } = await client.http.request<Sprint>({ method: 'POST', path: `${client.agile}/sprint/${enc(id)}`, json });
  return body;
}

export async function moveIssuesToSprint(client: JiraClient, sprintId: string, keys: string[]): Promise<void> {
  await client.http.request({ method: 'POST', path: `${client.agile}/sprint/${enc(sprintId)}/issue`, json: { issues: keys } });
}
