import { z } from 'zod';
import { listSpacePages } from '../../../atlassian/confluence/pages.ts';
import { getSpaceByKey } from '../../../atlassian/confluence/spaces.ts';
import type { Page } from '../../../atlassian/confluence/types.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { spaceKey } from './common-arguments.ts';

const MAX_PAGES = 2000;

export default defineTool({
  name: 'confluence_get_space_page_tree',
  title: 'Get the page tree of a space',
  toolset: 'confluence_pages',
  description: 'Show the page tree of a Confluence space as an indented list (title and id), down to a chosen depth.',
  input: () => z.strictObject({
    space_key: spaceKey.describe('The space key, such as ENG.'),
    max_depth: z.number().int().min(1).max(10).default(3).describe('How many levels below the top to show (1-10).'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    context.spaces.assertKey(args.space_key);
    const http = await context.confluence();
    const space = await getSpaceByKey(http, args.space_key);
    if (!space) throw new ToolInputError(`There is no space with the key ${args.space_key} that you can see: check the key with confluence_list_spaces.`);
    const { results, next } = await listSpacePages(http, space.id, { depth: 'all', limit: MAX_PAGES });
    const byParent = new Map<string, Page[]>();
    const ids = new Set(results.map((p) => p.id));
    const roots: Page[] = [];
    for (const page of results) {
      if (page.parentId && ids.has(page.parentId)) byParent.set(page.parentId, [...(byParent.get(page.parentId) ?? []), page]);
      else roots.push(page);
    }
    const lines: string[] = [];
    let hidden = 0;
    const walk = (pages: Page[], depth: number) => {
      for (const page of pages.sort((a, b) => (a.position ?? 0) - (b.position ?? 0))) {
        const children = byParent.get(page.id) ?? [];
        lines.push(`${'  '.repeat(depth)}- ${page.title} (id ${page.id}${page.parentType === 'folder' && depth === 0 ? `, in folder ${page.parentId}` : ''})`);
        if (depth + 1 < args.max_depth) walk(children, depth + 1);
        else hidden += countAll(children, byParent);
      }
    };
    walk(roots, 0);
    const notes = [
      ...(hidden > 0 ? [`${hidden} deeper pages are not shown: raise max_depth, or ask for a page's children with confluence_get_page_children.`] : []),
      ...(next ? [`The space has more than ${MAX_PAGES} pages; only the first ${MAX_PAGES} are in this tree.`] : []),
    ];
    const text = [`# ${space.name} (${space.key}) — ${results.length} pages`, '', ...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
    return { text, data: { space_key: space.key, page_count: results.length, hidden_deeper: hidden } };
  },
});

function countAll(pages: Page[], byParent: Map<string, Page[]>): number {
  return pages.reduce((sum, p) => sum + 1 + countAll(byParent.get(p.id) ?? [], byParent), 0);
}
