import { z } from 'zod';
import { projectIssueTypes } from '../../../atlassian/jira/fields.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { projectKey } from './common-arguments.ts';

export default defineTool({
  name: 'jira_get_project_issue_types',
  title: 'Get the issue types of a project',
  toolset: 'jira_projects',
  description: 'The issue types a Jira project offers (Task, Bug, Story, Epic, Subtask…), with their ids.',
  input: () => z.strictObject({ project_key: projectKey.describe('The project key, such as PROJ.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    context.projects.assertProject(args.project_key);
    const client = await context.jira();
    const types = await projectIssueTypes(client, args.project_key);
    return jsonOutput({ project_key: args.project_key, issue_types: types.map((t) => ({ id: t.id, name: t.name, subtask: t.subtask ?? false, description: t.description || undefined })) });
  },
});
