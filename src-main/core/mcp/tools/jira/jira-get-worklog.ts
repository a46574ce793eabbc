import { z } from 'zod';
import { listWorklogs } from '../../../atlassian/jira/worklogs.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';
import { person } from './issue-output.ts';
import { textToMarkdown } from './text-format.ts';

export default defineTool({
  name: 'jira_get_worklog',
  title: 'Get the time logged on an issue',
  toolset: 'jira_worklog',
  description: 'The work logged on a Jira issue: who, when, how long, and their note.',
  input: () => z.strictObject({ issue_key: issueKey.describe('The issue key, such as PROJ-123.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const { worklogs, total } = await listWorklogs(client, args.issue_key);
    const seconds = worklogs.reduce((sum, w) => sum + (w.timeSpentSeconds ?? 0), 0);
    return jsonOutput({
      issue_key: args.issue_key,
      total,
      total_hours: Math.round((seconds / 3600) * 100) / 100,
      worklogs: await Promise.all(worklogs.map(async (w) => ({ id: w.id, author: person(w.author), started: w.started, time_spent: w.timeSpent, comment: (await textToMarkdown(client, w.comment)) || undefined }))),
    });
  },
});
