import { z } from 'zod';
import { getIssue } from '../../../atlassian/jira/issues.ts';
import { doTransition, listTransitions } from '../../../atlassian/jira/transitions.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey, jsonObject } from './common-arguments.ts';
import { resolveFields } from './field-values.ts';
import { markdownToText } from './text-format.ts';
import { findTransition } from './transition-choice.ts';

export default defineTool({
  name: 'jira_transition_issue',
  title: 'Move an issue through its workflow',
  toolset: 'jira_transitions',
  description: 'Move a Jira issue through a workflow transition (by id or name, e.g. "In Progress" or "Done"), with the fields the transition asks for and an optional Markdown comment. If the transition is not open, the answer lists those that are.',
  input: () => z.strictObject({
    issue_key: issueKey.describe('The issue key, such as PROJ-123.'),
    transition_id: z.string().trim().min(1).describe('The transition id (from jira_get_transitions) or its name.'),
    fields: jsonObject.optional().describe('Fields the transition asks for, as JSON, e.g. {"resolution": "Done"}.'),
    comment: z.string().max(100_000).optional().describe('A comment to add with the transition, in Markdown.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const chosen = findTransition(await listTransitions(client, args.issue_key), args.transition_id, args.issue_key);
    const fields = args.fields && Object.keys(args.fields).length > 0 ? (await resolveFields(client, args.fields)).fields : undefined;
    await doTransition(client, args.issue_key, { id: chosen.id, ...(fields ? { fields } : {}), ...(args.comment ? { comment: await markdownToText(client, args.comment) } : {}) });
    const issue = await getIssue(client, args.issue_key, { fields: 'status' });
    return jsonOutput({ message: `${args.issue_key} went through "${chosen.name}".`, issue_key: args.issue_key, status: issue.fields.status?.name });
  },
});
