import { z } from 'zod';
import { listPageComments } from '../../../atlassian/confluence/comments.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { limit, pageId } from './common-arguments.ts';
import { commentsAsJson } from './comment-bodies.ts';

export default defineTool({
  name: 'confluence_get_inline_comments',
  title: 'Get the inline comments of a page',
  toolset: 'confluence_comments',
  description: 'List the inline comments of a Confluence page: the text each one is attached to, whether it is open or resolved, and its Markdown body.',
  input: () => z.strictObject({
    page_id: pageId.describe('Id of the page.'),
    resolution: z.enum(['open', 'resolved', 'all']).default('all').describe('Only open, only resolved, or all (default).'),
    limit: limit(250),
    cursor: z.string().optional().describe('next_cursor from a previous answer.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const { results, next } = await listPageComments(http, args.page_id, 'inline', args.limit, args.cursor);
    const wanted = results.filter((c) => args.resolution === 'all' || (args.resolution === 'resolved' ? c.resolutionStatus === 'resolved' : c.resolutionStatus !== 'resolved'));
    return jsonOutput({ page_id: args.page_id, comments: await commentsAsJson(http, wanted), ...(next ? { next_cursor: next } : {}) });
  },
});
