import { z } from 'zod';
import { listSpaces } from '../../../atlassian/confluence/spaces.ts';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';

export default defineTool({
  name: 'confluence_list_spaces',
  title: 'List Confluence spaces',
  toolset: 'confluence_spaces',
  description: 'List the Confluence spaces you can see, with their keys, names and types. Use next_cursor to read more.',
  input: () => z.strictObject({
    limit: z.number().int().min(1).max(250).default(25).describe('How many spaces to return (1-250).'),
    cursor: z.string().optional().describe('next_cursor from a previous answer, to continue the list.'),
    type: z.enum(['global', 'personal', 'collaboration', 'knowledge_base']).optional().describe('Only spaces of this type.'),
    status: z.enum(['current', 'archived']).optional().describe('Only current or archived spaces.'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const { results, next } = await listSpaces(http, { limit: args.limit, ...(args.cursor ? { cursor: args.cursor } : {}), ...(args.type ? { type: args.type } : {}), ...(args.status ? { status: args.status } : {}), ...(context.spaces.limited ? { keys: [...context.spaces.allowedKeys!] } : {}) });
    return jsonOutput({
      spaces: results.map((s) => ({ id: s.id, key: s.key, name: s.name, type: s.type, status: s.status, url: confluenceWebUrl(http, s._links?.webui) })),
      ...(next ? { next_cursor: next } : {}),
    });
  },
});
