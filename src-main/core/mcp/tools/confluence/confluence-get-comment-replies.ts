import { z } from 'zod';
import { getComment, listReplies } from '../../../atlassian/confluence/comments.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { commentId, limit } from './common-arguments.ts';
import { commentsAsJson } from './comment-bodies.ts';

export default defineTool({
  name: 'confluence_get_comment_replies',
  title: 'Get the replies to a comment',
  toolset: 'confluence_comments',
  description: 'List the replies to a Confluence comment (footer or inline), oldest first, with Markdown bodies.',
  input: () => z.strictObject({ comment_id: commentId.describe('Id of the comment.'), limit: limit(250) }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const { comment, kind } = await getComment(http, args.comment_id);
    if (comment.pageId) await context.spaces.assertPage(http, comment.pageId);
    const { results, next } = await listReplies(http, args.comment_id, kind, args.limit);
    return jsonOutput({
      comment_id: args.comment_id,
      kind,
      page_id: comment.pageId,
      replies: await commentsAsJson(http, results),
      ...(next ? { note: `There are more than ${args.limit} replies: raise limit to see them.` } : {}),
    });
  },
});
