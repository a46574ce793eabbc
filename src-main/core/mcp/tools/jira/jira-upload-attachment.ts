import { z } from 'zod';
import { uploadJiraAttachment } from '../../../atlassian/jira/attachments.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { uploadSource } from '../../upload-source.ts';
import { issueKey } from './common-arguments.ts';

export default defineTool({
  name: 'jira_upload_attachment',
  title: 'Attach a file to an issue',
  toolset: 'jira_attachments',
  description: 'Attach a file from this computer to a Jira issue.',
  input: () => z.strictObject({
    issue_key: issueKey.describe('The issue key, such as PROJ-123.'),
    file_path: z.string().min(1).describe('Absolute path of the file on this computer.'),
    filename: z.string().min(1).max(200).optional().describe('Name to give the attachment (a plain name); the file name when left out.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const { name, size } = await uploadSource(args.file_path, args.filename);
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const [attachment] = await uploadJiraAttachment(client, args.issue_key, { path: args.file_path, filename: name });
    return jsonOutput({ uploaded: true, issue_key: args.issue_key, attachment_id: attachment?.id, filename: attachment?.filename ?? name, bytes: size });
  },
});
