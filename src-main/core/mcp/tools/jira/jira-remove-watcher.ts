import { z } from 'zod';
import { removeWatcher, resolveUser, userIdentifier } from '../../../atlassian/jira/users.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';
import { person } from './issue-output.ts';

export default defineTool({
  name: 'jira_remove_watcher',
  title: 'Remove a watcher from an issue',
  toolset: 'jira_users',
  description: 'Stop someone watching a Jira issue (account_id on Cloud, username on Data Center, or user_identifier for either).',
  input: () => z.strictObject({
    issue_key: issueKey.describe('The issue key, such as PROJ-123.'),
    account_id: z.string().optional().describe('Cloud: their account id.'),
    username: z.string().optional().describe('Data Center: their user name.'),
    user_identifier: z.string().optional().describe('Or: their email or display name.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const who = args.account_id ?? args.username ?? args.user_identifier;
    if (!who) throw new ToolInputError('Say who: give account_id (Cloud), username (Data Center) or user_identifier.');
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const user = args.account_id || args.username ? { accountId: args.account_id, name: args.username, displayName: who } : await resolveUser(client, who);
    if (!user) throw new ToolInputError(`No Jira user matches "${who}".`);
    await removeWatcher(client, args.issue_key, userIdentifier(client, user));
    return jsonOutput({ removed: true, issue_key: args.issue_key, watcher: person(user) });
  },
});
