// Projects and what hangs off them: versions, components.
import { enc, type JiraClient } from './jira-client.ts';
import type { JiraProject } from './types.ts';

/** Every project the user can see (Cloud pages /project/search; Data Center answers /project whole). */
export async function listProjects(client: JiraClient, includeArchived: boolean): Promise<JiraProject[]> {
  if (!client.cloud) return client.http.get<JiraProject[]>(`${client.api}/project`, includeArchived ? { includeArchived: true } : undefined);
  const projects: JiraProject[] = [];
  for (let startAt = 0; ; ) {
    const page = await client.http.get<{ values?: JiraProject[]; isLast?: boolean }>(`${client.api}/project/search`, {
      startAt,
      maxResults: 100,
      ...(includeArchived ? { status: ['live', 'archived'] } : {}),
    });
    const values = page.values ?? [];
    projects.push(...values);
    startAt += values.length;
    if (page.isLast !== false || values.length === 0) break;
  }
  return projects;
}

export function getProject(client: JiraClient, key: string): Promise<JiraProject & { issueTypes?: { id: string; name: string; subtask?: boolean; description?: string }[] }> {
  return client.http.get(`${client.api}/project/${enc(key)}`);
}

export interface Version {
  id: string;
  name: string;
  description?: string;
  released?: boolean;
  archived?: boolean;
  startDate?: string;
  releaseDate?: string;
  projectId?: number;
}

export function projectVersions(client: JiraClient, key: string): Promise<Version[]> {
  return client.http.get<Version[]>(`${client.api}/project/${enc(key)}/versions`);
}

export function projectComponents(client: JiraClient, key: string): Promise<{ id: string; name: string; description?: string; lead?: { displayName?: string } }[]> {
  return client.http.get(`${client.api}/project/${enc(key)}/components`);
}

export async function createVersion(client: JiraClient, input: { projectId: string; name: string; description?: string | undefined; startDate?: string | undefined; releaseDate?: string | undefined }): Promise<Version> {
  const json = Object.fromEntries(Object.entries({ ...input, projectId: Number(input.projectId) }).filter(([, v]) => v !== undefined));
  const { body } = await client.http.request<Version>({ method: 'POST', path: `${client.api}/version`, json });
  return body;
}
