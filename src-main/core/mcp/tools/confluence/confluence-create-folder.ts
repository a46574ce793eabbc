import { z } from 'zod';
import { createFolder } from '../../../atlassian/confluence/folders.ts';
import { getSpaceByKey } from '../../../atlassian/confluence/spaces.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { spaceKey } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_create_folder',
  title: 'Create a folder',
  toolset: 'confluence_folders',
  description: 'Create a folder in a Confluence space, at the top of the space or inside a page or another folder.',
  input: () => z.strictObject({
    space_key: spaceKey.describe('The space key, such as ENG.'),
    title: z.string().min(1).max(255).describe('Title of the folder.'),
    parent_id: z.string().regex(/^\d+$/).optional().describe('Id of the page or folder to create it in; the top of the space when left out.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    context.spaces.assertKey(args.space_key);
    const http = await context.confluence();
    const space = await getSpaceByKey(http, args.space_key);
    if (!space) throw new ToolInputError(`There is no space with the key ${args.space_key} that you can see: check the key with confluence_list_spaces.`);
    const folder = await createFolder(http, { spaceId: space.id, title: args.title, ...(args.parent_id ? { parentId: args.parent_id } : {}) });
    return jsonOutput({ created: true, id: folder.id, title: folder.title, space_key: space.key, parent_id: folder.parentId, url: confluenceWebUrl(http, folder._links?.webui) });
  },
});
