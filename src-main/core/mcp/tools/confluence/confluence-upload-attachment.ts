import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { uploadAttachment } from '../../../atlassian/confluence/attachments.ts';
import { assertPlainFileName } from '../../../files/safe-file-name.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';

const MAX_MB = () => Number(process.env.TETHER_MAX_UPLOAD_MB ?? 100);

export default defineTool({
  name: 'confluence_upload_attachment',
  title: 'Upload an attachment',
  toolset: 'confluence_attachments',
  description: 'Attach a file from this computer to a Confluence page; a file of the same name gets a new version.',
  input: z.strictObject({
    page_id: pageId.describe('Id of the page.'),
    file_path: z.string().min(1).describe('Absolute path of the file on this computer.'),
    filename: z.string().min(1).max(200).optional().describe('Name to give the attachment (a plain name); the file name when left out.'),
    comment: z.string().max(500).optional().describe('A comment for this version of the attachment.'),
    minor_edit: z.boolean().default(true).describe('When true, watchers are not notified.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    if (!path.isAbsolute(args.file_path)) throw new ToolInputError(`file_path must be an absolute path (it is "${args.file_path}"): give the full path of the file.`);
    let name: string;
    try {
      name = assertPlainFileName(args.filename ?? path.basename(args.file_path));
    } catch (error) {
      throw new ToolInputError((error as Error).message);
    }
    const stat = await fs.stat(args.file_path).catch(() => undefined);
    if (!stat?.isFile()) throw new ToolInputError(`There is no file at ${args.file_path}: check the path.`);
    const maxBytes = MAX_MB() * 1024 * 1024;
    if (stat.size > maxBytes) throw new ToolInputError(`${name} is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over Tether's ${MAX_MB()} MB upload limit (TETHER_MAX_UPLOAD_MB): attach a smaller file, or raise the limit.`);
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const result = await uploadAttachment(http, args.page_id, { path: args.file_path, filename: name, minorEdit: args.minor_edit, ...(args.comment ? { comment: args.comment } : {}) });
    return jsonOutput({ uploaded: true, page_id: args.page_id, attachment_id: result?.id, title: result?.title ?? name, version: result?.version?.number, bytes: stat.size });
  },
});
