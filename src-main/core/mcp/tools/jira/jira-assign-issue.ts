import { z } from 'zod';
import { assignIssue } from '../../../atlassian/jira/issues.ts';
import { resolveUser, userIdentifier } from '../../../atlassian/jira/users.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';
import { person } from './issue-output.ts';

export default defineTool({
  name: 'jira_assign_issue',
  title: 'Assign an issue',
  toolset: 'jira_issues',
  description: 'Assign a Jira issue to someone (email, display name or account id; user name on Data Center), or unassign it with an empty assignee.',
  input: () => z.strictObject({
    issue_key: issueKey.describe('The issue key, such as PROJ-123.'),
    assignee: z.string().nullable().optional().describe('Who: email, display name or account id. Empty or null unassigns.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    if (!args.assignee) {
      await assignIssue(client, args.issue_key, null);
      return jsonOutput({ message: `${args.issue_key} is unassigned.` });
    }
    const user = await resolveUser(client, args.assignee);
    if (!user) throw new ToolInputError(`No Jira user matches "${args.assignee}": find the person with jira_search_assignable_users and pass their ${client.cloud ? 'account id' : 'user name'}.`);
    await assignIssue(client, args.issue_key, userIdentifier(client, user));
    return jsonOutput({ message: `${args.issue_key} is assigned to ${person(user)}.` });
  },
});
