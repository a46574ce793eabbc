import { z } from 'zod';
import { getFolder, listFolderChildren } from '../../../atlassian/confluence/folders.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { folderId, limit } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_get_folder_children',
  title: 'Get folder contents',
  toolset: 'confluence_folders',
  description: 'List what a Confluence folder directly contains (pages and folders), in tree order.',
  input: () => z.strictObject({ folder_id: folderId.describe('Id of the folder.'), limit: limit(250), cursor: z.string().optional().describe('next_cursor from a previous answer.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    if (context.spaces.limited) {
      const folder = await getFolder(http, args.folder_id);
      if (folder.spaceId) await context.spaces.assertSpaceId(http, folder.spaceId, `Folder ${folder.id}`);
    }
    const { results, next } = await listFolderChildren(http, args.folder_id, args.limit, args.cursor);
    return jsonOutput({ folder_id: args.folder_id, children: results.map((c) => ({ id: c.id, title: c.title, type: c.type, position: c.childPosition })), ...(next ? { next_cursor: next } : {}) });
  },
});
