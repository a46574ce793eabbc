import { z } from 'zod';
import { listLinkTypes } from '../../../atlassian/jira/links.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';

export default defineTool({
  name: 'jira_get_link_types',
  title: 'Get the kinds of issue links',
  toolset: 'jira_links',
  description: 'The kinds of links between Jira issues (Blocks, Relates, Duplicates…), with how each reads in both directions.',
  input: () => z.strictObject({ name_filter: z.string().optional().describe('Only kinds whose name contains this text.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    const needle = args.name_filter?.toLowerCase();
    const types = (await listLinkTypes(client)).filter((t) => !needle || t.name.toLowerCase().includes(needle));
    return jsonOutput({ link_types: types.map((t) => ({ id: t.id, name: t.name, inward: t.inward, outward: t.outward })) });
  },
});
