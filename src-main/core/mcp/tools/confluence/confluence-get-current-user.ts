import { z } from 'zod';
import { currentUser } from '../../../atlassian/confluence/users.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';

export default defineTool({
  name: 'confluence_get_current_user',
  title: 'Who am I in Confluence',
  toolset: 'confluence_users',
  description: 'Get the Confluence account Tether is signed in as: display name, account id and email.',
  input: () => z.strictObject({}),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(_args, context) {
    const http = await context.confluence();
    const user = await currentUser(http);
    return jsonOutput({ account_id: user.accountId ?? user.userKey, display_name: user.displayName ?? user.publicName, email: user.email, account_type: user.accountType ?? user.type, time_zone: user.timeZone });
  },
});
