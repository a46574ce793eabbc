import { z } from 'zod';
import { listAncestors } from '../../../atlassian/confluence/pages.ts';
import type { Page, Paged } from '../../../atlassian/confluence/types.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_get_page_ancestors',
  title: 'Get page ancestors',
  toolset: 'confluence_pages',
  description: 'List the ancestors of a Confluence page from the top of the space down to its parent (the breadcrumb).',
  input: () => z.strictObject({ page_id: pageId.describe('Id of the page.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const { results } = await listAncestors(http, args.page_id);
    const pageIds = results.filter((a) => a.type === 'page').map((a) => a.id);
    // Data Center names the ancestors already; Cloud v2 needs one more lookup.
    const titles = new Map<string, string>(results.flatMap((a) => (a.title ? [[a.id, a.title] as const] : [])));
    if (pageIds.some((id) => !titles.has(id))) {
      const pages = await http.get<Paged<Page>>('/wiki/api/v2/pages', { id: pageIds, limit: 250 });
      for (const p of pages.results) titles.set(p.id, p.title);
    }
    return jsonOutput({ page_id: args.page_id, ancestors: results.map((a) => ({ id: a.id, type: a.type, title: titles.get(a.id) })) });
  },
});
