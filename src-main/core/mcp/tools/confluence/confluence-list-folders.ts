import { z } from 'zod';
import { assertFoldersExist } from '../../../atlassian/confluence/folders.ts';
import { searchContent } from '../../../atlassian/confluence/search.ts';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { limit, spaceKey } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_list_folders',
  title: 'List folders of a space',
  toolset: 'confluence_folders',
  description: 'List the folders of a Confluence space (folders group pages in the page tree).',
  input: () => z.strictObject({ space_key: spaceKey.describe('The space key, such as ENG.'), limit: limit(100), cursor: z.string().optional().describe('next_cursor from a previous answer.') }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    context.spaces.assertKey(args.space_key);
    const http = await context.confluence();
    assertFoldersExist(http);
    const { results, next } = await searchContent(http, `type = folder AND space = "${args.space_key}" ORDER BY title`, args.limit, args.cursor);
    return jsonOutput({
      space_key: args.space_key,
      folders: results.map((r) => ({ id: r.content?.id, title: r.content?.title ?? r.title, url: confluenceWebUrl(http, r.content?._links?.webui) })),
      ...(next ? { next_cursor: next } : {}),
    });
  },
});
