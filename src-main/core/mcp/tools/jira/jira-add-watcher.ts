import { z } from 'zod';
import { addWatcher, resolveUser, userIdentifier } from '../../../atlassian/jira/users.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';
import { person } from './issue-output.ts';

export default defineTool({
  name: 'jira_add_watcher',
  title: 'Add a watcher to an issue',
  toolset: 'jira_users',
  description: 'Make someone (email, name, account id or user name) watch a Jira issue.',
  input: () => z.strictObject({ issue_key: issueKey.describe('The issue key, such as PROJ-123.'), user_identifier: z.string().trim().min(1).describe('Who: email, display name, account id or user name.') }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const user = await resolveUser(client, args.user_identifier);
    if (!user) throw new ToolInputError(`No Jira user matches "${args.user_identifier}": try their email or full name.`);
    await addWatcher(client, args.issue_key, userIdentifier(client, user));
    return jsonOutput({ added: true, issue_key: args.issue_key, watcher: person(user) });
  },
});
