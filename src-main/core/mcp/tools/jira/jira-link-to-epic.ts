import { z } from 'zod';
import { findField, listFields } from '../../../atlassian/jira/fields.ts';
import { editIssue } from '../../../atlassian/jira/issues.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';

export default defineTool({
  name: 'jira_link_to_epic',
  title: 'Put an issue under an epic',
  toolset: 'jira_links',
  description: 'Put a Jira issue under an epic (its parent on Cloud; the Epic Link field on Data Center).',
  input: () => z.strictObject({ issue_key: issueKey.describe('The issue to put under the epic.'), epic_key: issueKey.describe('The epic, such as PROJ-10.') }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    await context.projects.assertIssue(client, args.epic_key);
    if (client.cloud) {
      await editIssue(client, args.issue_key, { fields: { parent: { key: args.epic_key } } });
    } else {
      const fields = await listFields(client);
      const epicLink = fields.find((f) => f.schema?.custom?.endsWith(':gh-epic-link')) ?? findField(fields, 'Epic Link');
      if (!epicLink) throw new ToolInputError('This Jira has no Epic Link field: ask your Jira admin whether epics are set up.');
      await editIssue(client, args.issue_key, { fields: { [epicLink.id]: args.epic_key } });
    }
    return jsonOutput({ linked: true, message: `${args.issue_key} is now under epic ${args.epic_key}.` });
  },
});
