import { z } from 'zod';
import { listPageComments } from '../../../atlassian/confluence/comments.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { limit, pageId } from './common-arguments.ts';
import { commentsAsJson } from './comment-bodies.ts';

export default defineTool({
  name: 'confluence_get_comments',
  title: 'Get the comments of a page',
  toolset: 'confluence_comments',
  description: 'List the footer comments of a Confluence page (the discussion under it), oldest first, with Markdown bodies, authors and times. Replies come from confluence_get_comment_replies.',
  input: () => z.strictObject({ page_id: pageId.describe('Id of the page.'), limit: limit(250), cursor: z.string().optional().describe('next_cursor from a previous answer.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const { results, next } = await listPageComments(http, args.page_id, 'footer', args.limit, args.cursor);
    return jsonOutput({ page_id: args.page_id, comments: await commentsAsJson(http, results), ...(next ? { next_cursor: next } : {}) });
  },
});
