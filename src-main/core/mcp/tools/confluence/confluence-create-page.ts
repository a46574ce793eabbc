import { z } from 'zod';
import { createPage } from '../../../atlassian/confluence/pages.ts';
import { getSpaceByKey } from '../../../atlassian/confluence/spaces.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { spaceKey } from './common-arguments.ts';
import { contentArgument, contentFormat, markdownForNewContent } from './page-content.ts';

export default defineTool({
  name: 'confluence_create_page',
  title: 'Create a page',
  toolset: 'confluence_pages',
  description:
    'Create a Confluence page from Markdown (or storage XHTML) in a space, at the top level, under a parent page, or in a folder. Markdown may use [STATUS: Done | green] lozenges, [@Name](mention:accountId) mentions, > [!NOTE] panels and fenced code with its language.',
  input: () => z.strictObject({
    space_key: spaceKey.describe('Key of the space to create the page in, such as ENG.'),
    title: z.string().trim().min(1, 'the title is empty').max(255).describe('Title of the new page (unique in its space).'),
    content: contentArgument.describe('The page body.'),
    content_format: contentFormat,
    parent_id: z.string().regex(/^\d+$/, 'a parent id is a number').optional().describe('Id of the parent page or folder; leave out for the top of the space.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    context.spaces.assertKey(args.space_key);
    const http = await context.confluence();
    const space = await getSpaceByKey(http, args.space_key);
    if (!space) throw new ToolInputError(`There is no space with the key ${args.space_key} that you can see: check the key with confluence_list_spaces.`);
    const converted = args.content_format === 'markdown' ? await markdownForNewContent(args.content) : { storage: args.content, unknownPlaceholders: [] };
    const page = await createPage(http, { spaceId: space.id, title: args.title, storage: converted.storage, ...(args.parent_id ? { parentId: args.parent_id } : {}) });
    return jsonOutput({
      created: true,
      page_id: page.id,
      title: page.title,
      space_key: space.key,
      parent_id: page.parentId ?? undefined,
      version: page.version?.number,
      url: confluenceWebUrl(http, page._links?.webui),
      ...(converted.unknownPlaceholders.length > 0 ? { note: `Placeholders ${converted.unknownPlaceholders.join(', ')} refer to nothing on a new page and were left out.` } : {}),
    });
  },
});
