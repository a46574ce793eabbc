import { z } from 'zod';
import { getIssue } from '../../../atlassian/jira/issues.ts';
import { listTransitions } from '../../../atlassian/jira/transitions.ts';
import { watchers } from '../../../atlassian/jira/users.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';
import { issueView, person } from './issue-output.ts';

export default defineTool({
  name: 'jira_get_issue',
  title: 'Get an issue',
  toolset: 'jira_issues',
  description: 'Read a Jira issue: summary, status, people, dates, description and latest comments as Markdown, links, subtasks, attachments, and custom fields under their names. Optionally its transitions, watchers and change history.',
  input: () => z.strictObject({
    issue_key: issueKey.describe('The issue key, such as PROJ-123.'),
    fields: z.string().default('*all').describe('Comma-separated fields to return; *all (the default) gives every field that has a value.'),
    expand: z.string().optional().describe('Jira expansions, such as renderedFields or changelog.'),
    comment_limit: z.number().int().min(0).max(100).default(10).describe('How many of the latest comments to include (0-100).'),
    include: z.string().optional().describe('Extra sections, comma-separated: transitions, watchers, changelog, or all.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    const include = new Set((args.include ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
    const all = include.has('all');
    const expand = [args.expand, 'names', ...(all || include.has('changelog') ? ['changelog'] : [])].filter(Boolean).join(',');
    const issue = await getIssue(client, args.issue_key, { fields: args.fields, expand });
    context.projects.assertIssueProject(issue.key, (issue.fields.project as { key?: string } | undefined)?.key ?? issue.key.replace(/-\d+$/, ''));
    const view = await issueView(client, issue, { commentLimit: args.comment_limit });
    if (all || include.has('transitions')) view.transitions = (await listTransitions(client, issue.key)).map((t) => ({ id: t.id, name: t.name, to: t.to?.name }));
    if (all || include.has('watchers')) view.watchers = ((await watchers(client, issue.key)).watchers ?? []).map(person);
    if (issue.changelog?.histories) {
      view.changelog = issue.changelog.histories.map((h) => ({ by: person(h.author), at: h.created, changes: (h.items ?? []).map((i) => ({ field: i.field, from: i.fromString, to: i.toString })) }));
    }
    return jsonOutput(view);
  },
});
