import { z } from 'zod';
import { addWorklog } from '../../../atlassian/jira/worklogs.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';
import { markdownToText } from './text-format.ts';

const duration = z.string().trim().regex(/^(\d+(\.\d+)?[wdhm]\s*)+$/i, 'a duration looks like "1h 30m", "2d" or "45m"');

/** Jira wants "2026-11-23T09:30:00.000+0000". */
function jiraTime(value: string | undefined): string {
  const date = value ? new Date(value) : new Date();
  return date.toISOString().replace('Z', '+0000');
}

export default defineTool({
  name: 'jira_add_worklog',
  title: 'Log time on an issue',
  toolset: 'jira_worklog',
  description: 'Log work on a Jira issue: how long (e.g. "1h 30m"), when it started, a Markdown note, and optionally the new remaining estimate.',
  input: () => z.strictObject({
    issue_key: issueKey.describe('The issue key, such as PROJ-123.'),
    time_spent: duration.describe('How long, e.g. "1h 30m", "1d", "45m".'),
    comment: z.string().max(32_000).optional().describe('A note, in Markdown.'),
    started: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'a time looks like 2026-11-23T09:30:00Z').optional().describe('When the work started, ISO 8601; now when left out.'),
    remaining_estimate: duration.optional().describe('The new remaining estimate, e.g. "2h".'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const worklog = await addWorklog(client, args.issue_key, {
      timeSpent: args.time_spent,
      started: jiraTime(args.started),
      ...(args.comment ? { comment: await markdownToText(client, args.comment) } : {}),
      remainingEstimate: args.remaining_estimate,
    });
    return jsonOutput({ added: true, issue_key: args.issue_key, worklog_id: worklog.id, time_spent: worklog.timeSpent ?? args.time_spent });
  },
});
