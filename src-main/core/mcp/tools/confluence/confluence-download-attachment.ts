import { z } from 'zod';
import { downloadAttachment, getAttachment } from '../../../atlassian/confluence/attachments.ts';
import { saveDownload } from '../../../files/save-download.ts';
import { assertPlainFileName } from '../../../files/safe-file-name.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { attachmentId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_download_attachment',
  title: 'Download an attachment',
  toolset: 'confluence_attachments',
  description: "Download a Confluence attachment into Tether's downloads folder on this computer and return the file's path.",
  input: () => z.strictObject({
    attachment_id: attachmentId.describe('Id of the attachment, such as att123456.'),
    filename: z.string().min(1).max(200).optional().describe('A file name to save it under (a plain name, not a path); the attachment name when left out.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    let wanted: string | undefined;
    try {
      wanted = args.filename ? assertPlainFileName(args.filename) : undefined;
    } catch (error) {
      throw new ToolInputError((error as Error).message);
    }
    const http = await context.confluence();
    const attachment = await getAttachment(http, args.attachment_id);
    if (!attachment.pageId) throw new ToolInputError(`Attachment ${args.attachment_id} is not attached to a page, so Tether cannot download it.`);
    await context.spaces.assertPage(http, attachment.pageId);
    const { stream } = await downloadAttachment(http, attachment.pageId, attachment.id);
    const saved = await saveDownload(context.downloadsDir, wanted ?? attachment.title, `attachment-${attachment.id}`, stream);
    return jsonOutput({ attachment_id: attachment.id, title: attachment.title, media_type: attachment.mediaType, path: saved.path, bytes: saved.bytes });
  },
});
