import { z } from 'zod';
import { assignableUsers } from '../../../atlassian/jira/users.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey, projectKey } from './common-arguments.ts';

export default defineTool({
  name: 'jira_search_assignable_users',
  title: 'Find people who can be assigned',
  toolset: 'jira_users',
  description: 'Find the people an issue (or issues of a project) can be assigned to, by name or email.',
  input: () => z.strictObject({
    query: z.string().trim().min(1).describe('Words of their name, or their email.'),
    project_key: projectKey.optional().describe('A project (give this or issue_key).'),
    issue_key: issueKey.optional().describe('An issue (give this or project_key).'),
    limit: z.number().int().min(1).max(1000).default(20).describe('How many to return (1-1000).'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    if (!args.project_key === !args.issue_key) throw new ToolInputError('Give exactly one of project_key and issue_key.');
    const client = await context.jira();
    if (args.project_key) context.projects.assertProject(args.project_key);
    if (args.issue_key) await context.projects.assertIssue(client, args.issue_key);
    const users = await assignableUsers(client, { query: args.query, projectKey: args.project_key, issueKey: args.issue_key, limit: args.limit });
    return jsonOutput({ count: users.length, users: users.map((u) => ({ display_name: u.displayName, account_id: u.accountId, name: u.name, email: u.emailAddress || undefined })) });
  },
});
