// What jira_create_issue and jira_batch_create_issues share: one issue's plain input → Jira fields,
// checked against what its issue type requires.
import type { JiraClient } from '../../../atlassian/jira/jira-client.ts';
import type { ProjectGuard } from '../../project-guard.ts';
import { checkCreate, issueTypeId, resolveFields } from './field-values.ts';

export interface NewIssue {
  project_key: string;
  summary: string;
  issue_type: string;
  description?: string | undefined;
  assignee?: string | undefined;
  components?: string[] | undefined;
  additional_fields?: Record<string, unknown> | undefined;
}

export async function fieldsForNewIssue(client: JiraClient, projects: ProjectGuard, issue: NewIssue): Promise<Record<string, unknown>> {
  const projectKey = issue.project_key.toUpperCase();
  projects.assertProject(projectKey);
  const type = await issueTypeId(client, projectKey, issue.issue_type);
  const { fields } = await resolveFields(client, {
    summary: issue.summary,
    ...(issue.description !== undefined ? { description: issue.description } : {}),
    ...(issue.assignee ? { assignee: issue.assignee } : {}),
    ...(issue.components?.length ? { components: issue.components } : {}),
    ...(issue.additional_fields ?? {}),
  });
  const all = { project: { key: projectKey }, issuetype: { id: type.id }, ...fields };
  await checkCreate(client, projectKey, type, all);
  return all;
}
