import { z } from 'zod';
import { createRemoteLink } from '../../../atlassian/jira/links.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { issueKey } from './common-arguments.ts';

const webUrl = z.string().url().refine((u) => /^https?:\/\//i.test(u), 'a link must start with http:// or https://');

export default defineTool({
  name: 'jira_create_remote_issue_link',
  title: 'Link an issue to a web page',
  toolset: 'jira_links',
  description: 'Add a link from a Jira issue to a web page or Confluence page (shown under "Web links").',
  input: () => z.strictObject({
    issue_key: issueKey.describe('The issue key, such as PROJ-123.'),
    url: webUrl.describe('The address to link to.'),
    title: z.string().trim().min(1).max(255).describe('The link text.'),
    summary: z.string().max(1000).optional().describe('A short description.'),
    relationship: z.string().max(255).optional().describe('How it relates, e.g. "documented by".'),
    icon_url: webUrl.optional().describe('A 16×16 icon address.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    await context.projects.assertIssue(client, args.issue_key);
    const link = await createRemoteLink(client, args.issue_key, { url: args.url, title: args.title, summary: args.summary, relationship: args.relationship, iconUrl: args.icon_url });
    return jsonOutput({ linked: true, issue_key: args.issue_key, link_id: link.id, url: args.url });
  },
});
