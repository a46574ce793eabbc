import { z } from 'zod';
import { updatePage } from '../../../atlassian/confluence/pages.ts';
import { PLACEHOLDER_HELP } from '../../../content/placeholders.ts';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';
import { contentArgument, contentFormat, markdownForPage, resolvePage } from './page-content.ts';
import { assertReadVersion, dropPreserved, versionRead } from './page-versions.ts';

export default defineTool({
  name: 'confluence_update_page',
  title: 'Update a page',
  toolset: 'confluence_pages',
  description: `Replace the body (and optionally the title or parent) of a Confluence page with Markdown or storage. The version number is handled for you. Start from the Markdown confluence_get_page returned: ${PLACEHOLDER_HELP} For a change to one part of a long page, use confluence_update_page_section.`,
  input: () => z.strictObject({
    page_id: pageId.describe('Id of the page to update.'),
    content: contentArgument.describe('The whole new body.'),
    content_format: contentFormat,
    title: z.string().trim().min(1).max(255).optional().describe('A new title; leave out to keep the current one.'),
    parent_id: pageId.optional().describe('Move the page under this parent page (same space).'),
    version_comment: z.string().max(255).optional().describe('A note for the page history.'),
    version: versionRead,
    drop_preserved: dropPreserved,
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const current = await resolvePage(http, context, { page_id: args.page_id }, { bodyFormat: 'storage' });
    const currentVersion = current.version?.number ?? 1;
    assertReadVersion(current.id, args.version, currentVersion);
    if (args.parent_id) await context.spaces.assertPage(http, args.parent_id);
    const storage = current.body?.storage?.value ?? '';
    const converted =
      args.content_format === 'markdown'
        ? await markdownForPage(args.content, storage, { dropPreserved: args.drop_preserved, toolName: 'confluence_update_page' })
        : { storage: args.content, kept: 0, dropped: [], unknownPlaceholders: [] };
    const page = await updatePage(http, current.id, {
      title: args.title ?? current.title,
      storage: converted.storage,
      version: currentVersion + 1,
      ...(args.version_comment ? { message: args.version_comment } : {}),
      ...(args.parent_id ? { parentId: args.parent_id } : {}),
    });
    return jsonOutput({
      updated: true,
      page_id: page.id,
      title: page.title,
      version: page.version?.number,
      url: confluenceWebUrl(http, page._links?.webui),
      preserved_elements_kept: converted.kept,
      ...(converted.dropped.length > 0 ? { preserved_elements_removed: converted.dropped.map((p) => `${p.id} ${p.kind}`) } : {}),
      ...(converted.unknownPlaceholders.length > 0 ? { note: `Placeholders ${converted.unknownPlaceholders.join(', ')} match nothing on the page and were left out.` } : {}),
    });
  },
});
