import { z } from 'zod';
import { searchIssues } from '../../../atlassian/jira/search.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { projectKey } from './common-arguments.ts';
import { issueView } from './issue-output.ts';

export default defineTool({
  name: 'jira_get_project_issues',
  title: 'Get the issues of a project',
  toolset: 'jira_issues',
  description: 'List the issues of one Jira project, newest first, with their main fields.',
  input: () => z.strictObject({
    project_key: projectKey.describe('The project key, such as PROJ.'),
    limit: z.number().int().min(1).max(100).default(10).describe('How many issues to return (1-100).'),
    start_at: z.number().int().min(0).optional().describe('Data Center: where to start (0-based).'),
    page_token: z.string().optional().describe('Cloud: next_page_token from a previous answer.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    context.projects.assertProject(args.project_key);
    const client = await context.jira();
    const jql = `project = "${args.project_key}" ORDER BY created DESC`;
    const page = await searchIssues(client, jql, { fields: 'summary,status,assignee,priority,issuetype,created,updated', limit: args.limit, pageToken: args.page_token, startAt: args.start_at });
    return jsonOutput({
      project_key: args.project_key,
      issues: await Promise.all(page.issues.map((issue) => issueView(client, issue, { commentLimit: 0 }))),
      ...(page.total !== undefined ? { total: page.total } : {}),
      ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
      ...(page.nextStartAt !== undefined ? { next_start_at: page.nextStartAt } : {}),
    });
  },
});
