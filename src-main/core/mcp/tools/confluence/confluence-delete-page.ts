import { z } from 'zod';
import { deletePage, getPage } from '../../../atlassian/confluence/pages.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_delete_page',
  title: 'Delete a page',
  toolset: 'confluence_pages',
  description: "Move a Confluence page to the space's trash (its children move up to its parent). A space admin can restore it from the trash.",
  input: () => z.strictObject({ page_id: pageId.describe('Id of the page to delete.') }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const page = await getPage(http, args.page_id);
    await context.spaces.assertPage(http, page.id, page.spaceId);
    await deletePage(http, args.page_id);
    return jsonOutput({ deleted: true, page_id: page.id, title: page.title, note: "The page is in the space's trash." });
  },
});
