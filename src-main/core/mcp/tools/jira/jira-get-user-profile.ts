import { z } from 'zod';
import { resolveUser } from '../../../atlassian/jira/users.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';

export default defineTool({
  name: 'jira_get_user_profile',
  title: 'Get a person\'s profile',
  toolset: 'jira_users',
  description: 'Look up a Jira user by email, display name, account id (Cloud) or user name (Data Center).',
  input: () => z.strictObject({ user_identifier: z.string().trim().min(1).describe('Email, display name, account id or user name.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    const user = await resolveUser(client, args.user_identifier);
    if (!user) throw new ToolInputError(`No Jira user matches "${args.user_identifier}": try their email or full name, or jira_search_assignable_users.`);
    return jsonOutput({ user: { display_name: user.displayName, account_id: user.accountId, name: user.name, email: user.emailAddress || undefined, active: user.active, time_zone: user.timeZone } });
  },
});
