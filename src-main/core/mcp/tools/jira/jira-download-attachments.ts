import { z } from 'zod';
import { downloadJiraAttachment, issueAttachments } from '../../../atlassian/jira/attachments.ts';
import { saveDownload } from '../../../files/save-download.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';

export default defineTool({
  name: 'jira_download_attachments',
  title: 'Download the attachments of an issue',
  toolset: 'jira_attachments',
  description: "Download the attachments of a Jira issue into Tether's downloads folder on this computer and return their paths.",
  input: () => z.strictObject({
    issue_key: issueKey.describe('The issue key, such as PROJ-123.'),
    filenames: z.array(z.string()).optional().describe('Only these attachments (by file name); all when left out.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const wanted = args.filenames ? new Set(args.filenames) : undefined;
    const attachments = (await issueAttachments(client, args.issue_key)).filter((a) => !wanted || wanted.has(a.filename));
    const downloaded: { id: string; filename: string; path: string; bytes: number }[] = [];
    const failed: { id: string; filename: string; error: string }[] = [];
    for (const attachment of attachments) {
      try {
        const { stream } = await downloadJiraAttachment(client, attachment.id);
        const saved = await saveDownload(context.downloadsDir, attachment.filename, `jira-attachment-${attachment.id}`, stream);
        downloaded.push({ id: attachment.id, filename: attachment.filename, path: saved.path, bytes: saved.bytes });
      } catch (error) {
        failed.push({ id: attachment.id, filename: attachment.filename, error: (error as Error).message });
      }
    }
    return jsonOutput({ issue_key: args.issue_key, total: attachments.length, downloaded, ...(failed.length ? { failed } : {}) });
  },
});
