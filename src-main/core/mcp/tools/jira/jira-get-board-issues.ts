import { z } from 'zod';
import { boardIssues } from '../../../atlassian/jira/agile.ts';
import { defineTool } from '../../define-tool.ts';
import { andJql } from '../../project-guard.ts';
import { jsonOutput } from '../../tool-output.ts';
import { numericId, startAt } from './common-arguments.ts';
import { assertBoard } from './board-access.ts';
import { issueView } from './issue-output.ts';

export default defineTool({
  name: 'jira_get_board_issues',
  title: 'Get the issues of a board',
  toolset: 'jira_agile',
  description: 'The issues on a Jira board, optionally narrowed with JQL.',
  input: () => z.strictObject({
    board_id: numericId('a board id').describe('Id of the board (from jira_get_agile_boards).'),
    jql: z.string().default('').describe('JQL to narrow the issues, such as status = "In Progress".'),
    fields: z.string().default('summary,status,assignee,priority,issuetype').describe('Comma-separated fields to return.'),
    start_at: startAt,
    limit: z.number().int().min(1).max(50).default(10).describe('How many to return (1-50).'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await assertBoard(client, context.projects, args.board_id);
    const jql = andJql(args.jql, context.projects.jqlClause());
    const page = await boardIssues(client, args.board_id, { jql: jql || undefined, fields: args.fields, startAt: args.start_at, limit: args.limit });
    const issues = page.issues ?? [];
    return jsonOutput({ board_id: args.board_id, total: page.total, issues: await Promise.all(issues.map((i) => issueView(client, i, { commentLimit: 0 }))), ...(page.total !== undefined && args.start_at + issues.length < page.total ? { next_start_at: args.start_at + issues.length } : {}) });
  },
});
