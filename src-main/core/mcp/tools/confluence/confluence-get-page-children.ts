import { z } from 'zod';
import { listChildren } from '../../../atlassian/confluence/pages.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_get_page_children',
  title: 'Get child pages',
  toolset: 'confluence_pages',
  description: 'List the direct children (pages and folders) of a Confluence page, in their order in the page tree.',
  input: () => z.strictObject({
    page_id: pageId.describe('Id of the parent page.'),
    limit: z.number().int().min(1).max(250).default(25).describe('How many children to return (1-250).'),
    cursor: z.string().optional().describe('next_cursor from a previous answer.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const { results, next } = await listChildren(http, args.page_id, args.limit, args.cursor);
    return jsonOutput({ parent_id: args.page_id, children: results.map((c) => ({ id: c.id, title: c.title, type: c.type, status: c.status, position: c.childPosition })), ...(next ? { next_cursor: next } : {}) });
  },
});
