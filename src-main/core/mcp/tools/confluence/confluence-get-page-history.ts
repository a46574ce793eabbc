import { z } from 'zod';
import { listVersions } from '../../../atlassian/confluence/pages.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { limit, pageId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_get_page_history',
  title: 'Get page history',
  toolset: 'confluence_pages',
  description: 'List the versions of a Confluence page, newest first: version number, author, time and version message.',
  input: () => z.strictObject({ page_id: pageId.describe('Id of the page.'), limit: limit(250), cursor: z.string().optional().describe('next_cursor from a previous answer.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const { results, next } = await listVersions(http, args.page_id, args.limit, args.cursor);
    return jsonOutput({
      page_id: args.page_id,
      versions: results.map((v) => ({ number: v.number, author_id: v.authorId, created_at: v.createdAt, message: v.message || undefined, minor_edit: v.minorEdit })),
      ...(next ? { next_cursor: next } : {}),
    });
  },
});
