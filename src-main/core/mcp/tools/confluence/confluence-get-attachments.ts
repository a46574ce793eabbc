import { z } from 'zod';
import { listAttachments } from '../../../atlassian/confluence/attachments.ts';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { limit, pageId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_get_attachments',
  title: 'List attachments',
  toolset: 'confluence_attachments',
  description: 'List the files attached to a Confluence page: id, name, type, size and version.',
  input: () => z.strictObject({
    page_id: pageId.describe('Id of the page.'),
    filename: z.string().optional().describe('Only the attachment with this file name.'),
    media_type: z.string().optional().describe('Only attachments of this media type, such as image/png.'),
    limit: limit(250),
    cursor: z.string().optional().describe('next_cursor from a previous answer.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const { results, next } = await listAttachments(http, args.page_id, { limit: args.limit, ...(args.filename ? { filename: args.filename } : {}), ...(args.media_type ? { mediaType: args.media_type } : {}), ...(args.cursor ? { cursor: args.cursor } : {}) });
    return jsonOutput({
      page_id: args.page_id,
      attachments: results.map((a) => ({ id: a.id, title: a.title, media_type: a.mediaType, file_size: a.fileSize, version: a.version?.number, comment: a.comment || undefined, url: confluenceWebUrl(http, a._links?.webui) })),
      ...(next ? { next_cursor: next } : {}),
    });
  },
});
