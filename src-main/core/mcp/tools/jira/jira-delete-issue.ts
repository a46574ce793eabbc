import { z } from 'zod';
import { deleteIssue } from '../../../atlassian/jira/issues.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';

export default defineTool({
  name: 'jira_delete_issue',
  title: 'Delete an issue',
  toolset: 'jira_issues',
  description: 'Delete a Jira issue for good (Jira has no bin for issues). Subtasks go with it only when delete_subtasks is true.',
  input: () => z.strictObject({
    issue_key: issueKey.describe('The issue key, such as PROJ-123.'),
    delete_subtasks: z.boolean().default(false).describe('Also delete its subtasks (required when it has any).'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    await deleteIssue(client, args.issue_key, args.delete_subtasks);
    return jsonOutput({ message: `Deleted ${args.issue_key}.`, deleted: true });
  },
});
