import { z } from 'zod';
import { updatePage } from '../../../atlassian/confluence/pages.ts';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';
import { loadContent } from './load-content.ts';
import { contentArgument, markdownForPage, placeholderIds, resolvePage } from './page-content.ts';
import { assertReadVersion, dropPreserved, versionRead } from './page-versions.ts';

const HEADING_LINE = /^#{1,6}\s/;

export default defineTool({
  name: 'confluence_update_page_section',
  title: 'Update one section of a page',
  toolset: 'confluence_pages',
  description:
    'Replace one section of a Confluence page — a heading and everything under it up to the next heading of the same or a higher level — with new Markdown, leaving every other part of the page exactly as it was. Best for long pages: read the section with confluence_get_page (section), then write it back here. Start the content with a heading line to rename the section; without one the heading stays.',
  input: () => z.strictObject({
    page_id: pageId.describe('Id of the page.'),
    section: z.string().min(1).max(500).describe('The heading of the section to replace, such as "Rollout plan".'),
    content: contentArgument.describe('The new Markdown for the section.'),
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
    const storage = current.body?.storage?.value ?? '';
    const { chunkMarkdown, replaceStorageSection, storageToMarkdown } = await loadContent();
    // The section as the model saw it: which placeholders belong to it, and its heading line.
    const oldSection = chunkMarkdown(storageToMarkdown(storage).markdown, { maxChars: Number.MAX_SAFE_INTEGER, section: args.section });
    const headingLine = oldSection.text.split('\n', 1)[0] ?? '';
    const content = HEADING_LINE.test(args.content.trimStart()) ? args.content : `${headingLine}\n\n${args.content}`;
    const converted = await markdownForPage(content, storage, { dropPreserved: args.drop_preserved, scope: placeholderIds(oldSection.text), toolName: 'confluence_update_page_section' });
    const { storage: updated, section } = replaceStorageSection(storage, args.section, converted.storage);
    const page = await updatePage(http, current.id, {
      title: current.title,
      storage: updated,
      version: currentVersion + 1,
      ...(args.version_comment ? { message: args.version_comment } : {}),
    });
    return jsonOutput({
      updated: true,
      page_id: page.id,
      section: section.heading,
      version: page.version?.number,
      url: confluenceWebUrl(http, page._links?.webui),
      characters_unchanged_outside_section: storage.length - (section.end - section.start),
      preserved_elements_kept: converted.kept,
      ...(converted.dropped.length > 0 ? { preserved_elements_removed: converted.dropped.map((p) => `${p.id} ${p.kind}`) } : {}),
    });
  },
});
