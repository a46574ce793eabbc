import { z } from 'zod';
import { editComment } from '../../../atlassian/jira/comments.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { commentBody, visibilityArgument, visibilityFrom } from './comment-arguments.ts';
import { issueKey, numericId } from './common-arguments.ts';
import { markdownToText } from './text-format.ts';

export default defineTool({
  name: 'jira_edit_comment',
  title: 'Edit a comment',
  toolset: 'jira_comments',
  description: 'Replace the text (Markdown) of a comment on a Jira issue, and optionally who may see it.',
  input: () => z.strictObject({ issue_key: issueKey.describe('The issue key, such as PROJ-123.'), comment_id: numericId('a comment id').describe('Id of the comment.'), body: commentBody, visibility: visibilityArgument }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const comment = await editComment(client, args.issue_key, args.comment_id, await markdownToText(client, args.body), visibilityFrom(args.visibility));
    return jsonOutput({ updated: true, issue_key: args.issue_key, comment_id: comment.id, updated_at: comment.updated });
  },
});
