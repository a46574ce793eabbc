import { z } from 'zod';
import { createSpace } from '../../../atlassian/confluence/spaces.ts';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';

export default defineTool({
  name: 'confluence_create_space',
  title: 'Create a Confluence space',
  toolset: 'confluence_spaces',
  description: 'Create a new Confluence space with a key (capital letters and digits, such as TEAM) and a name.',
  input: () => z.strictObject({
    space_key: z.string().regex(/^[A-Z0-9]{1,255}$/, 'a space key is capital letters and digits, such as TEAM').describe('Key of the new space, such as TEAM.'),
    name: z.string().min(1).max(200).describe('Name of the new space.'),
    description: z.string().max(2000).optional().describe('A plain-text description.'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    context.spaces.assertKey(args.space_key);
    const http = await context.confluence();
    const space = await createSpace(http, { key: args.space_key, name: args.name, ...(args.description ? { description: args.description } : {}) });
    return jsonOutput({ created: true, id: space.id, key: space.key, name: space.name, url: confluenceWebUrl(http, space._links?.webui) });
  },
});
