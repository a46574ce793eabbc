import { z } from 'zod';
import { getPage, movePage } from '../../../atlassian/confluence/pages.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_move_page',
  title: 'Move a page',
  toolset: 'confluence_pages',
  description: 'Move a Confluence page (with its children) under another page, or before/after a sibling. The target may be in another allowed space.',
  input: () => z.strictObject({
    page_id: pageId.describe('Id of the page to move.'),
    target_id: pageId.describe('Id of the page to move it to (its new parent, or the sibling for before/after).'),
    position: z.enum(['append', 'before', 'after']).default('append').describe('append: become the last child of target_id; before/after: become its sibling.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    await context.spaces.assertPage(http, args.target_id);
    await movePage(http, args.page_id, args.position, args.target_id);
    const moved = await getPage(http, args.page_id);
    return jsonOutput({ moved: true, page_id: moved.id, title: moved.title, parent_id: moved.parentId, space_id: moved.spaceId });
  },
});
