import { z } from 'zod';
import { searchIssues } from '../../../atlassian/jira/search.ts';
import { defineTool } from '../../define-tool.ts';
import { andJql } from '../../project-guard.ts';
import { jsonOutput } from '../../tool-output.ts';
import { stringList } from './common-arguments.ts';
import { issueView } from './issue-output.ts';

export default defineTool({
  name: 'jira_search',
  title: 'Search issues with JQL',
  toolset: 'jira_issues',
  description:
    'Search Jira issues with JQL, for example: project = PROJ AND status != Done ORDER BY updated DESC, or assignee = currentUser(). Returns the issues with their main fields; page on with page_token (Cloud) or start_at (Data Center).',
  input: () => z.strictObject({
    jql: z.string().trim().min(1).max(10_000).describe('The JQL query.'),
    fields: z.string().default('summary,status,assignee,reporter,priority,issuetype,labels,created,updated').describe('Comma-separated fields to return, or *all.'),
    limit: z.number().int().min(1).max(100).default(10).describe('How many issues to return (1-100).'),
    start_at: z.number().int().min(0).optional().describe('Data Center: where to start (0-based).'),
    page_token: z.string().optional().describe('Cloud: next_page_token from a previous answer.'),
    projects_filter: stringList.optional().describe('Only these project keys, comma-separated (narrows the search).'),
    expand: z.string().optional().describe('Jira expansions, such as renderedFields.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    let jql = args.jql;
    if (args.projects_filter?.length) {
      for (const key of args.projects_filter) context.projects.assertProject(key);
      jql = andJql(jql, `project in (${args.projects_filter.map((k) => `"${k.toUpperCase().replace(/"/g, '')}"`).join(', ')})`);
    }
    jql = andJql(jql, context.projects.jqlClause());
    const page = await searchIssues(client, jql, { fields: args.fields, expand: ['names', args.expand].filter(Boolean).join(','), limit: args.limit, pageToken: args.page_token, startAt: args.start_at });
    const issues = await Promise.all(page.issues.map((issue) => issueView(client, issue, { commentLimit: 0, ...(page.names ? { names: page.names } : {}) })));
    return jsonOutput({
      jql,
      issues,
      ...(page.total !== undefined ? { total: page.total } : {}),
      ...(page.nextPageToken ? { next_page_token: page.nextPageToken } : {}),
      ...(page.nextStartAt !== undefined ? { next_start_at: page.nextStartAt } : {}),
    });
  },
});
