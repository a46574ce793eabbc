import { z } from 'zod';
import { createIssue, getIssue } from '../../../atlassian/jira/issues.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { DEFAULT_FIELDS, jsonObject, projectKey, stringList } from './common-arguments.ts';
import { fieldsForNewIssue } from './create-input.ts';
import { issueView } from './issue-output.ts';

export default defineTool({
  name: 'jira_create_issue',
  title: 'Create an issue',
  toolset: 'jira_issues',
  description:
    'Create a Jira issue. The description is Markdown. Other fields go in additional_fields by the names people know ("Story Points", "Team", priority, labels, parent, fixVersions, duedate…); if the issue type requires a field you left out, the answer names it and its allowed values (jira_get_create_fields lists them up front).',
  input: () => z.strictObject({
    project_key: projectKey.describe('Project key, such as PROJ.'),
    summary: z.string().trim().min(1).max(255).describe('One-line summary.'),
    issue_type: z.string().trim().min(1).describe('Issue type name or id: Task, Bug, Story, Epic, Subtask (a subtask needs parent in additional_fields).'),
    description: z.string().max(100_000).optional().describe('Description, in Markdown.'),
    assignee: z.string().optional().describe('Who to assign: email, display name or account id (user name on Data Center).'),
    components: stringList.optional().describe('Component names, comma-separated.'),
    additional_fields: jsonObject.optional().describe('More fields as a JSON object, by name or id, e.g. {"priority": "High", "labels": ["ops"], "parent": "PROJ-1", "Story Points": 3}.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    const fields = await fieldsForNewIssue(client, context.projects, args);
    const created = await createIssue(client, fields);
    const issue = await getIssue(client, created.key, { fields: DEFAULT_FIELDS });
    return jsonOutput({ message: `Created ${created.key}.`, issue: await issueView(client, issue) });
  },
});
