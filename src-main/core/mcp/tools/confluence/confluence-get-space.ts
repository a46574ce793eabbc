import { z } from 'zod';
import { getSpaceById, getSpaceByKey } from '../../../atlassian/confluence/spaces.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';

export default defineTool({
  name: 'confluence_get_space',
  title: 'Get a Confluence space',
  toolset: 'confluence_spaces',
  description: 'Get one Confluence space by its key (such as ENG) or its id: name, type, description and home page id.',
  input: () =>
    z
      .strictObject({
        space_key: z.string().min(1).optional().describe('The space key, such as ENG.'),
        space_id: z.string().regex(/^\d+$/, 'a space id is a number').optional().describe('The numeric space id.'),
      })
      .refine((a) => a.space_key || a.space_id, { message: 'give space_key or space_id' }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    let space;
    if (args.space_key) {
      context.spaces.assertKey(args.space_key);
      space = await getSpaceByKey(http, args.space_key);
      if (!space) throw new ToolInputError(`There is no space with the key ${args.space_key} that you can see: check the key with confluence_list_spaces.`);
    } else {
      space = await getSpaceById(http, args.space_id!);
      await context.spaces.assertSpaceId(http, space.id, `Space ${space.key}`);
    }
    return jsonOutput({
      id: space.id,
      key: space.key,
      name: space.name,
      type: space.type,
      status: space.status,
      homepage_id: space.homepageId,
      description: space.description?.plain?.value || undefined,
      url: confluenceWebUrl(http, space._links?.webui),
    });
  },
});
