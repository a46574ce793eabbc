import { z } from 'zod';
import { uploadAttachment } from '../../../atlassian/confluence/attachments.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { uploadSource } from '../../upload-source.ts';
import { pageId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_upload_attachment',
  title: 'Upload an attachment',
  toolset: 'confluence_attachments',
  description: 'Attach a file from this computer to a Confluence page; a file of the same name gets a new version.',
  input: () => z.strictObject({
    page_id: pageId.describe('Id of the page.'),
    file_path: z.string().min(1).describe('Absolute path of the file on this computer.'),
    filename: z.string().min(1).max(200).optional().describe('Name to give the attachment (a plain name); the file name when left out.'),
    comment: z.string().max(500).optional().describe('A comment for this version of the attachment.'),
    minor_edit: z.boolean().default(true).describe('When true, watchers are not notified.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const { name, size } = await uploadSource(args.file_path, args.filename);
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const result = await uploadAttachment(http, args.page_id, { path: args.file_path, filename: name, minorEdit: args.minor_edit, ...(args.comment ? { comment: args.comment } : {}) });
    return jsonOutput({ uploaded: true, page_id: args.page_id, attachment_id: result?.id, title: result?.title ?? name, version: result?.version?.number, bytes: size });
  },
});
