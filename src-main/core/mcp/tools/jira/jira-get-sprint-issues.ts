import { z } from 'zod';
import { sprintIssues } from '../../../atlassian/jira/agile.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { limit, listFields, numericId, startAt } from './common-arguments.ts';
import { assertSprint } from './board-access.ts';
import { issuePageView } from './issue-output.ts';

export default defineTool({
  name: 'jira_get_sprint_issues',
  title: 'Get the issues of a sprint',
  toolset: 'jira_agile',
  description: 'The issues in a Jira sprint, with their main fields.',
  input: () => z.strictObject({
    sprint_id: numericId('a sprint id').describe('Id of the sprint (from jira_get_sprints_from_board).'),
    fields: listFields,
    start_at: startAt,
    limit: limit(50, 10),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await assertSprint(client, context.projects, args.sprint_id);
    const clause = context.projects.jqlClause();
    const page = await sprintIssues(client, args.sprint_id, { jql: clause || undefined, fields: args.fields, startAt: args.start_at, limit: args.limit });
    return jsonOutput({ sprint_id: args.sprint_id, ...(await issuePageView(client, page, args.start_at)) });
  },
});
