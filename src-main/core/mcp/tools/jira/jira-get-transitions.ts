import { z } from 'zod';
import { listTransitions } from '../../../atlassian/jira/transitions.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';

export default defineTool({
  name: 'jira_get_transitions',
  title: 'Get the transitions of an issue',
  toolset: 'jira_transitions',
  description: 'The workflow transitions open to a Jira issue now: id, name, the status each leads to, and the fields a transition asks for.',
  input: () => z.strictObject({ issue_key: issueKey.describe('The issue key, such as PROJ-123.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const transitions = await listTransitions(client, args.issue_key);
    return jsonOutput({
      issue_key: args.issue_key,
      transitions: transitions.map((t) => ({
        id: t.id,
        name: t.name,
        to_status: t.to?.name,
        ...(t.fields && Object.keys(t.fields).length > 0 ? { fields: Object.entries(t.fields).map(([id, f]) => ({ id, name: f.name, required: f.required ?? false })) } : {}),
      })),
    });
  },
});
