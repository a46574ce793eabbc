import { z } from 'zod';
import { getFolder } from '../../../atlassian/confluence/folders.ts';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { folderId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_get_folder',
  title: 'Get a folder',
  toolset: 'confluence_folders',
  description: 'Get a Confluence folder by id: title, space, parent and version.',
  input: () => z.strictObject({ folder_id: folderId.describe('Id of the folder.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const folder = await getFolder(http, args.folder_id);
    if (folder.spaceId) await context.spaces.assertSpaceId(http, folder.spaceId, `Folder ${folder.id}`);
    return jsonOutput({ id: folder.id, title: folder.title, space_id: folder.spaceId, parent_id: folder.parentId, parent_type: folder.parentType, version: folder.version?.number, created_at: folder.createdAt, url: confluenceWebUrl(http, folder._links?.webui) });
  },
});
