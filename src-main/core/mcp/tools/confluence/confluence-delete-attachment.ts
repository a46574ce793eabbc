import { z } from 'zod';
import { deleteAttachment, getAttachment } from '../../../atlassian/confluence/attachments.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { attachmentId } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_delete_attachment',
  title: 'Delete an attachment',
  toolset: 'confluence_attachments',
  description: "Move a Confluence attachment to the trash.",
  input: () => z.strictObject({ attachment_id: attachmentId.describe('Id of the attachment, such as att123456.') }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const attachment = await getAttachment(http, args.attachment_id);
    if (attachment.pageId) await context.spaces.assertPage(http, attachment.pageId);
    await deleteAttachment(http, attachment.id);
    return jsonOutput({ deleted: true, attachment_id: attachment.id, title: attachment.title, page_id: attachment.pageId });
  },
});
