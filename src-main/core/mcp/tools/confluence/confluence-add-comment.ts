import { z } from 'zod';
import { addFooterComment } from '../../../atlassian/confluence/comments.ts';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';
import { commentContent, commentStorage } from './comment-content.ts';

export default defineTool({
  name: 'confluence_add_comment',
  title: 'Comment on a page',
  toolset: 'confluence_comments',
  description: 'Add a footer comment (in Markdown) to a Confluence page.',
  input: () => z.strictObject({ page_id: pageId.describe('Id of the page.'), content: commentContent }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const comment = await addFooterComment(http, { pageId: args.page_id }, await commentStorage(args.content));
    return jsonOutput({ added: true, comment_id: comment.id, page_id: args.page_id, url: confluenceWebUrl(http, comment._links?.webui) });
  },
});
