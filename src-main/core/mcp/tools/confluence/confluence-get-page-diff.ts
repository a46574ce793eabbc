import { z } from 'zod';
import { getPage } from '../../../atlassian/confluence/pages.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { pageId } from './common-arguments.ts';
import { loadContent, loadDiff } from './load-content.ts';
import { maxChars, resolvePage, sliceText } from './page-content.ts';

export default defineTool({
  name: 'confluence_get_page_diff',
  title: 'Compare two versions of a page',
  toolset: 'confluence_pages',
  description:
    'Show what changed in a Confluence page between two versions, as a unified diff of their Markdown (lines starting with - were removed, + added). By default compares the current version with the one before it.',
  input: () => z.strictObject({
    page_id: pageId.describe('Id of the page.'),
    from_version: z.number().int().min(1).optional().describe('The older version (default: the one before to_version).'),
    to_version: z.number().int().min(1).optional().describe('The newer version (default: the current one).'),
    context_lines: z.number().int().min(0).max(20).default(3).describe('Unchanged lines shown around each change.'),
    offset: z.number().int().min(0).default(0).describe('Where to start reading a long diff: the next_offset of a previous answer.'),
    max_chars: maxChars,
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const current = await resolvePage(http, context, { page_id: args.page_id });
    const latest = current.version?.number ?? 1;
    const to = args.to_version ?? latest;
    const from = args.from_version ?? to - 1;
    if (from < 1) throw new ToolInputError(`Page ${current.id} has only version ${to} before which there is nothing to compare: give from_version and to_version between 1 and ${latest}.`);
    if (to > latest || from >= to) throw new ToolInputError(`Choose from_version lower than to_version, both between 1 and ${latest} (the current version of page ${current.id}).`);
    const [older, newer] = await Promise.all([from, to].map((version) => getPage(http, current.id, { bodyFormat: 'storage', version })));
    const [{ storageToMarkdown }, { formatPatch, structuredPatch }] = await Promise.all([loadContent(), loadDiff()]);
    const markdownOf = (page: typeof older) => storageToMarkdown(page?.body?.storage?.value ?? '').markdown;
    const patch = structuredPatch(`version ${from}`, `version ${to}`, markdownOf(older), markdownOf(newer), undefined, undefined, { context: args.context_lines });
    const changed = patch.hunks.flatMap((hunk) => hunk.lines.filter((line) => line.startsWith('+') || line.startsWith('-')));
    const body = changed.length === 0 ? '' : formatPatch(patch).replace(/^=+\n/, '').trimEnd();
    const piece = sliceText(body === '' ? '' : `${body}\n`, args.offset, args.max_chars);
    const summary = changed.length === 0 ? `Versions ${from} and ${to} of "${current.title}" have the same text.` : `"${current.title}" (page ${current.id}), version ${from} → ${to}: ${changed.filter((l) => l.startsWith('+')).length} lines added, ${changed.filter((l) => l.startsWith('-')).length} removed.`;
    const footer = piece.nextOffset !== undefined ? `\n\nThe diff continues: call confluence_get_page_diff again with offset ${piece.nextOffset}.` : '';
    return {
      text: `${summary}${piece.text ? `\n\n\`\`\`diff\n${piece.text}\`\`\`` : ''}${footer}`,
      data: { page_id: current.id, from_version: from, to_version: to, lines_changed: changed.length, ...(piece.nextOffset !== undefined ? { next_offset: piece.nextOffset } : {}) },
    };
  },
});
