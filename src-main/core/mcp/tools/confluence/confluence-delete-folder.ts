import { z } from 'zod';
import { deleteFolder, getFolder } from '../../../atlassian/confluence/folders.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { folderId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_delete_folder',
  title: 'Delete a folder',
  toolset: 'confluence_folders',
  description: "Move a Confluence folder to the space's trash.",
  input: () => z.strictObject({ folder_id: folderId.describe('Id of the folder to delete.') }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const folder = await getFolder(http, args.folder_id);
    if (folder.spaceId) await context.spaces.assertSpaceId(http, folder.spaceId, `Folder ${folder.id}`);
    await deleteFolder(http, folder.id);
    return jsonOutput({ deleted: true, id: folder.id, title: folder.title });
  },
});
