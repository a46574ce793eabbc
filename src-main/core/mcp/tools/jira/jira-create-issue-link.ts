import { z } from 'zod';
import { createLink, listLinkTypes } from '../../../atlassian/jira/links.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';
import { markdownToText } from './text-format.ts';

export default defineTool({
  name: 'jira_create_issue_link',
  title: 'Link two issues',
  toolset: 'jira_links',
  description: 'Link two Jira issues with a kind of link: the inward issue <outward wording> the outward issue — with Blocks, inward_issue_key blocks outward_issue_key. An optional Markdown comment goes with it.',
  input: () => z.strictObject({
    link_type: z.string().trim().min(1).describe('The kind of link, by name, e.g. Blocks, Relates, Duplicate (see jira_get_link_types).'),
    inward_issue_key: issueKey.describe('The inward issue: with Blocks, the one that blocks.'),
    outward_issue_key: issueKey.describe('The outward issue: with Blocks, the one that is blocked.'),
    comment: z.string().max(100_000).optional().describe('A comment to add, in Markdown.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.inward_issue_key);
    await context.projects.assertIssue(client, args.outward_issue_key);
    const types = await listLinkTypes(client);
    const lower = args.link_type.toLowerCase();
    const type = types.find((t) => [t.name, t.inward, t.outward, t.id].some((n) => n?.toLowerCase() === lower));
    if (!type) throw new ToolInputError(`Jira has no link kind "${args.link_type}": use one of ${types.map((t) => `"${t.name}"`).join(', ')}.`);
    await createLink(client, { type: type.name, inward: args.inward_issue_key, outward: args.outward_issue_key, ...(args.comment ? { comment: await markdownToText(client, args.comment) } : {}) });
    return jsonOutput({ linked: true, message: `${args.inward_issue_key} ${type.outward} ${args.outward_issue_key}.` });
  },
});
