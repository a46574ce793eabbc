import { z } from 'zod';
import { boardIssues } from '../../../atlassian/jira/agile.ts';
import { defineTool } from '../../define-tool.ts';
import { andJql } from '../../project-guard.ts';
import { jsonOutput } from '../../tool-output.ts';
import { limit, listFields, numericId, startAt } from './common-arguments.ts';
import { assertBoard } from './board-access.ts';
import { issuePageView } from './issue-output.ts';

export default defineTool({
  name: 'jira_get_board_issues',
  title: 'Get the issues of a board',
  toolset: 'jira_agile',
  description: 'The issues on a Jira board, optionally narrowed with JQL.',
  input: () => z.strictObject({
    board_id: numericId('a board id').describe('Id of the board (from jira_get_agile_boards).'),
    jql: z.string().default('').describe('JQL to narrow the issues, such as status = "In Progress".'),
    fields: listFields,
    start_at: startAt,
    limit: limit(50, 10),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await assertBoard(client, context.projects, args.board_id);
    const jql = andJql(args.jql, context.projects.jqlClause());
    const page = await boardIssues(client, args.board_id, { jql: jql || undefined, fields: args.fields, startAt: args.start_at, limit: args.limit });
    return jsonOutput({ board_id: args.board_id, ...(await issuePageView(client, page, args.start_at)) });
  },
});
