import { z } from 'zod';
import { getFolder, renameFolder } from '../../../atlassian/confluence/folders.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { folderId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_update_folder',
  title: 'Rename a folder',
  toolset: 'confluence_folders',
  description: 'Rename a Confluence folder.',
  input: () => z.strictObject({ folder_id: folderId.describe('Id of the folder.'), title: z.string().min(1).max(255).describe('The new title.') }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const folder = await getFolder(http, args.folder_id);
    if (folder.spaceId) await context.spaces.assertSpaceId(http, folder.spaceId, `Folder ${folder.id}`);
    await renameFolder(http, folder.id, args.title, (folder.version?.number ?? 1) + 1);
    return jsonOutput({ updated: true, id: folder.id, old_title: folder.title, title: args.title });
  },
});
