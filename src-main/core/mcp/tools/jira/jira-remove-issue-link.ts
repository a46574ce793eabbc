import { z } from 'zod';
import { deleteLink, getLink } from '../../../atlassian/jira/links.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { numericId } from './common-arguments.ts';

export default defineTool({
  name: 'jira_remove_issue_link',
  title: 'Remove a link between issues',
  toolset: 'jira_links',
  description: 'Remove a link between two Jira issues, by the link id (jira_get_issue lists the links of an issue with their ids).',
  input: () => z.strictObject({ link_id: numericId('a link id').describe('Id of the link.') }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    const link = await getLink(client, args.link_id);
    for (const key of [link.inwardIssue?.key, link.outwardIssue?.key]) if (key) await context.projects.assertIssue(client, key);
    await deleteLink(client, args.link_id);
    return jsonOutput({ removed: true, message: `Removed the link between ${link.outwardIssue?.key ?? '?'} and ${link.inwardIssue?.key ?? '?'}.` });
  },
});
