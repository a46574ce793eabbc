import { z } from 'zod';
import { searchUsers } from '../../../atlassian/confluence/search.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { limit } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_search_user',
  title: 'Find Confluence users',
  toolset: 'confluence_users',
  description: 'Find Confluence users by name (or with a CQL user query such as user.fullname ~ "ali"). Returns account ids for mentions.',
  input: () => z.strictObject({ query: z.string().min(1).max(500).describe('A name, or CQL such as user.fullname ~ "alice".'), limit: limit(100, 10) }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const cql = /\buser(\.fullname)?\s*~/.test(args.query) ? args.query : `user.fullname ~ "${args.query.replace(/["\\]/g, '')}"`;
    const { results } = await searchUsers(http, cql, args.limit);
    return jsonOutput({ cql, users: results.map((r) => ({ account_id: r.user?.accountId, display_name: r.user?.displayName ?? r.title, email: r.user?.email })) });
  },
});
