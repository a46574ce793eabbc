import { z } from 'zod';
import { addInlineComment } from '../../../atlassian/confluence/comments.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';
import { commentContent, commentStorage } from './comment-content.ts';
import { loadContent } from './load-content.ts';
import { resolvePage } from './page-content.ts';

function occurrences(text: string, selection: string): number {
  let count = 0;
  for (let at = text.indexOf(selection); at >= 0; at = text.indexOf(selection, at + selection.length)) count += 1;
  return count;
}

export default defineTool({
  name: 'confluence_add_inline_comment',
  title: 'Comment on text in a page',
  toolset: 'confluence_comments',
  description: 'Add an inline comment (in Markdown) to a piece of text on a Confluence page, as a reviewer would. Quote the text exactly as it reads on the page; when it appears more than once, match_index picks which (0 = first).',
  input: () => z.strictObject({
    page_id: pageId.describe('Id of the page.'),
    text_selection: z.string().min(1).max(2000).describe('The exact text on the page to attach the comment to.'),
    content: commentContent,
    match_index: z.number().int().min(0).default(0).describe('Which occurrence of text_selection, when it appears more than once (0 = first).'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const page = await resolvePage(http, context, { page_id: args.page_id }, { bodyFormat: 'storage' });
    const { parseStorage, textContent } = await loadContent();
    const text = textContent(parseStorage(page.body?.storage?.value ?? ''));
    const count = occurrences(text, args.text_selection);
    if (count === 0) throw new ToolInputError(`The text "${args.text_selection.slice(0, 80)}" is not on page ${page.id} as written: quote a short phrase exactly as confluence_get_page shows it (without Markdown marks) and try again.`);
    if (args.match_index >= count) throw new ToolInputError(`The text appears ${count} time${count > 1 ? 's' : ''} on page ${page.id}, so match_index must be between 0 and ${count - 1}.`);
    const comment = await addInlineComment(http, {
      pageId: page.id,
      storage: await commentStorage(args.content),
      selection: { text: args.text_selection, matchCount: count, matchIndex: args.match_index },
    });
    return jsonOutput({ added: true, comment_id: comment.id, page_id: page.id, selected_text: args.text_selection, match: `${args.match_index + 1} of ${count}`, url: confluenceWebUrl(http, comment._links?.webui) });
  },
});
