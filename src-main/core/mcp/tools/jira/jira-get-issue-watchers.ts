import { z } from 'zod';
import { watchers } from '../../../atlassian/jira/users.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';
import { person } from './issue-output.ts';

export default defineTool({
  name: 'jira_get_issue_watchers',
  title: 'Get who watches an issue',
  toolset: 'jira_users',
  description: 'Who watches a Jira issue, and whether you do.',
  input: () => z.strictObject({ issue_key: issueKey.describe('The issue key, such as PROJ-123.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const found = await watchers(client, args.issue_key);
    return jsonOutput({ issue_key: args.issue_key, watch_count: found.watchCount, you_watch: found.isWatching, watchers: (found.watchers ?? []).map(person) });
  },
});
