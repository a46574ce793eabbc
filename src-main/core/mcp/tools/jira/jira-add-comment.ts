import { z } from 'zod';
import { addComment } from '../../../atlassian/jira/comments.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { commentBody, visibilityArgument, visibilityFrom } from './comment-arguments.ts';
import { issueKey } from './common-arguments.ts';
import { person } from './issue-output.ts';
import { markdownToText } from './text-format.ts';

export default defineTool({
  name: 'jira_add_comment',
  title: 'Comment on an issue',
  toolset: 'jira_comments',
  description: 'Add a comment (Markdown: lists, code, tables, links, [@Name](mention:accountId) mentions) to a Jira issue, optionally visible only to a group or role.',
  input: () => z.strictObject({ issue_key: issueKey.describe('The issue key, such as PROJ-123.'), body: commentBody, visibility: visibilityArgument }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const comment = await addComment(client, args.issue_key, await markdownToText(client, args.body), visibilityFrom(args.visibility));
    return jsonOutput({ added: true, issue_key: args.issue_key, comment_id: comment.id, author: person(comment.author), created: comment.created });
  },
});
