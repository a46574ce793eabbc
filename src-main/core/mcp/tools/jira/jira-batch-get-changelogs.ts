import { z } from 'zod';
import { bulkChangelogs, issueChangelog } from '../../../atlassian/jira/issues.ts';
import { searchIssues } from '../../../atlassian/jira/search.ts';
import type { ChangeHistory } from '../../../atlassian/jira/types.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { stringList } from './common-arguments.ts';
import { person } from './issue-output.ts';

export default defineTool({
  name: 'jira_batch_get_changelogs',
  title: 'Get the change history of issues',
  toolset: 'jira_issues',
  description: 'The change history of several Jira issues: who changed which field from what to what, and when. Optionally only changes of some fields.',
  input: () => z.strictObject({
    issue_ids_or_keys: stringList.describe('Issue keys or ids, comma-separated (up to 100).'),
    fields: stringList.optional().describe('Only changes of these fields (ids such as status, assignee).'),
    limit: z.number().int().min(-1).default(-1).describe('At most this many changes per issue (-1 = all).'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const keys = args.issue_ids_or_keys.map((k) => k.toUpperCase());
    if (keys.length === 0 || keys.length > 100) throw new ToolInputError(`Give between 1 and 100 issue keys (got ${keys.length}).`);
    const client = await context.jira();
    for (const key of keys) await context.projects.assertIssue(client, key);
    const byIssue = new Map<string, ChangeHistory[]>();
    if (client.cloud) {
      // The bulk endpoint answers by issue id: one search maps the ids back to keys.
      const found = await searchIssues(client, `key in (${keys.join(', ')})`, { fields: 'summary', limit: keys.length });
      const keyOf = new Map(found.issues.map((issue) => [issue.id, issue.key]));
      for (const [id, histories] of await bulkChangelogs(client, keys, args.fields)) byIssue.set(keyOf.get(id) ?? id, histories);
    } else {
      for (const key of keys) byIssue.set(key, await issueChangelog(client, key, 10_000));
    }
    const wanted = args.fields?.length ? new Set(args.fields.map((f) => f.toLowerCase())) : undefined;
    return jsonOutput({
      changelogs: keys.map((key) => {
        const histories = (byIssue.get(key) ?? [])
          .map((h) => ({ by: person(h.author), at: h.created, changes: (h.items ?? []).filter((i) => !wanted || wanted.has((i.fieldId ?? i.field ?? '').toLowerCase()) || wanted.has((i.field ?? '').toLowerCase())).map((i) => ({ field: i.field, from: i.fromString, to: i.toString })) }))
          .filter((h) => h.changes.length > 0);
        return { issue: key, changes: args.limit >= 0 ? histories.slice(0, args.limit) : histories };
      }),
    });
  },
});
