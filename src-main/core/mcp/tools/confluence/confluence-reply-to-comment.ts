import { z } from 'zod';
import { addFooterComment, addInlineComment, getComment } from '../../../atlassian/confluence/comments.ts';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { commentId } from './common-arguments.ts';
import { commentContent, commentStorage } from './comment-content.ts';

export default defineTool({
  name: 'confluence_reply_to_comment',
  title: 'Reply to a comment',
  toolset: 'confluence_comments',
  description: 'Reply (in Markdown) to a Confluence comment, footer or inline: the reply joins its thread.',
  input: () => z.strictObject({ comment_id: commentId.describe('Id of the comment to reply to.'), content: commentContent }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const { comment, kind } = await getComment(http, args.comment_id);
    if (comment.pageId) await context.spaces.assertPage(http, comment.pageId);
    const storage = await commentStorage(args.content);
    const reply = kind === 'inline' ? await addInlineComment(http, { parentCommentId: args.comment_id, storage }) : await addFooterComment(http, { parentCommentId: args.comment_id }, storage);
    return jsonOutput({ added: true, comment_id: reply.id, parent_comment_id: args.comment_id, kind, page_id: comment.pageId, url: confluenceWebUrl(http, reply._links?.webui) });
  },
});
