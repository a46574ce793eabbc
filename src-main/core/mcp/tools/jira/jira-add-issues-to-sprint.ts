import { z } from 'zod';
import { moveIssuesToSprint } from '../../../atlassian/jira/agile.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { numericId, stringList } from './common-arguments.ts';
import { assertSprint } from './board-access.ts';

export default defineTool({
  name: 'jira_add_issues_to_sprint',
  title: 'Add issues to a sprint',
  toolset: 'jira_agile',
  description: 'Move Jira issues into a sprint (out of the backlog or another sprint).',
  input: () => z.strictObject({
    sprint_id: numericId('a sprint id').describe('Id of the sprint.'),
    issue_keys: stringList.describe('Issue keys, comma-separated (up to 50).'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const keys = args.issue_keys.map((k) => k.toUpperCase());
    if (keys.length === 0 || keys.length > 50) throw new ToolInputError(`Give between 1 and 50 issue keys (got ${keys.length}).`);
    const client = await context.jira();
    await assertSprint(client, context.projects, args.sprint_id);
    for (const key of keys) await context.projects.assertIssue(client, key);
    await moveIssuesToSprint(client, args.sprint_id, keys);
    return jsonOutput({ message: `Moved ${keys.length} issue${keys.length > 1 ? 's' : ''} into sprint ${args.sprint_id}.`, sprint_id: args.sprint_id, issue_keys: keys });
  },
});
