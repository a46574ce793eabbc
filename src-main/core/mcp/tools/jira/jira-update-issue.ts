import { z } from 'zod';
import { addComment } from '../../../atlassian/jira/comments.ts';
import { editIssue, getIssue } from '../../../atlassian/jira/issues.ts';
import { doTransition, listTransitions } from '../../../atlassian/jira/transitions.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { DEFAULT_FIELDS, issueKey, jsonObject, stringList } from './common-arguments.ts';
import { resolveFields } from './field-values.ts';
import { issueView } from './issue-output.ts';
import { markdownToText } from './text-format.ts';
import { findTransition } from './transition-choice.ts';

export default defineTool({
  name: 'jira_update_issue',
  title: 'Update an issue',
  toolset: 'jira_issues',
  description:
    'Change a Jira issue: fields by the names people know (summary, description in Markdown, priority, labels, assignee, "Story Points"…), components, and optionally move it through the workflow (transition by name) and add a comment, in one call. Parts of the description Markdown cannot express are kept.',
  input: () => z.strictObject({
    issue_key: issueKey.describe('The issue key, such as PROJ-123.'),
    fields: jsonObject.optional().describe('Fields to set, as a JSON object, e.g. {"summary": "New title", "description": "Markdown…", "priority": "High"}. null clears a field.'),
    additional_fields: jsonObject.optional().describe('More fields, same form (kept for compatibility with mcp-atlassian).'),
    components: stringList.optional().describe('Component names, comma-separated (replaces the current ones).'),
    transition: z.string().optional().describe('Move the issue through this transition (name or id) after the edit.'),
    comment: z.string().max(100_000).optional().describe('A comment to add, in Markdown.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    // Status changes go through a transition, never a field edit.
    const { status: _status, ...wanted }: Record<string, unknown> = { ...(args.fields ?? {}), ...(args.additional_fields ?? {}), ...(args.components ? { components: args.components } : {}) };
    const done: string[] = [];
    if (Object.keys(wanted).length > 0) {
      const current = 'description' in wanted && client.cloud ? (await getIssue(client, args.issue_key, { fields: 'description' })).fields : {};
      const { fields } = await resolveFields(client, wanted, current);
      await editIssue(client, args.issue_key, { fields });
      done.push(`updated ${Object.keys(wanted).join(', ')}`);
    }
    if (args.transition) {
      const transitions = await listTransitions(client, args.issue_key);
      const chosen = findTransition(transitions, args.transition, args.issue_key);
      await doTransition(client, args.issue_key, { id: chosen.id });
      done.push(`moved through "${chosen.name}"`);
    }
    if (args.comment) {
      await addComment(client, args.issue_key, await markdownToText(client, args.comment));
      done.push('added a comment');
    }
    if (done.length === 0) throw new ToolInputError('Nothing to change: give fields, additional_fields, components, transition or comment.');
    const issue = await getIssue(client, args.issue_key, { fields: DEFAULT_FIELDS });
    return jsonOutput({ message: `${args.issue_key}: ${done.join('; ')}.`, issue: await issueView(client, issue) });
  },
});
