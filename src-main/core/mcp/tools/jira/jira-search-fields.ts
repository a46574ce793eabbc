import { z } from 'zod';
import { listFields } from '../../../atlassian/jira/fields.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';

export default defineTool({
  name: 'jira_search_fields',
  title: 'Find fields',
  toolset: 'jira_fields',
  description: 'Find Jira fields (system and custom) by words of their name: id, name, type. Use the name or id in other tools.',
  input: () => z.strictObject({
    keyword: z.string().default('').describe('Words of the field name; empty lists the first fields.'),
    limit: z.number().int().min(1).max(500).default(10).describe('How many to return (1-500).'),
    refresh: z.boolean().default(false).describe('Read the field list again instead of the remembered one.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const client = await context.jira();
    const fields = await listFields(client, args.refresh);
    const words = args.keyword.toLowerCase().split(/\s+/).filter(Boolean);
    const score = (name: string, id: string) => {
      const n = name.toLowerCase();
      if (words.length === 0) return 1;
      if (n === args.keyword.toLowerCase() || id.toLowerCase() === args.keyword.toLowerCase()) return 3;
      if (words.every((w) => n.includes(w) || id.toLowerCase().includes(w))) return n.startsWith(words[0]!) ? 2 : 1;
      return 0;
    };
    const matches = fields
      .map((f) => ({ f, s: score(f.name, f.id) }))
      .filter((m) => m.s > 0)
      .sort((a, b) => b.s - a.s || a.f.name.localeCompare(b.f.name))
      .slice(0, args.limit)
      .map(({ f }) => ({ id: f.id, name: f.name, custom: f.custom ?? false, type: f.schema?.type, items: f.schema?.items, jql: f.clauseNames?.[0] }));
    return jsonOutput({ fields: matches, total_fields: fields.length });
  },
});
