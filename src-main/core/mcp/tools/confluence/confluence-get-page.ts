import { z } from 'zod';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl } from '../../tool-output.ts';
import { pageId, spaceKey } from './common-arguments.ts';
import { loadContent } from './load-content.ts';
import { maxChars, resolvePage, sliceText, storageAsMarkdown } from './page-content.ts';

const FORMATS = { storage: 'storage', adf: 'atlas_doc_format', view: 'view' } as const;

export default defineTool({
  name: 'confluence_get_page',
  title: 'Get a page',
  toolset: 'confluence_pages',
  description: `Read a Confluence page by page_id, or by title and space_key. The body comes as Markdown (headings, lists, tables, links, code, images, panels, status lozenges and mentions kept readable); storage, adf or view on request. Long pages come in pieces: the answer says the offset of the next piece, and section reads one heading's part only. Lines like <!-- tether:keep 3 jira-macro --> stand for Confluence content that Markdown cannot express.`,
  input: () => z.strictObject({
    page_id: pageId.optional().describe('Id of the page (or give title and space_key).'),
    title: z.string().min(1).max(255).optional().describe('Exact title of the page, with space_key.'),
    space_key: spaceKey.optional().describe('Space key, with title.'),
    format: z.enum(['markdown', 'storage', 'adf', 'view']).default('markdown').describe('markdown (default), storage (Confluence XHTML), adf (Atlassian Document Format JSON) or view (rendered HTML).'),
    version: z.number().int().min(1).optional().describe('Read this older version instead of the current one.'),
    section: z.string().min(1).max(500).optional().describe('Only the part under this heading (markdown format).'),
    offset: z.number().int().min(0).default(0).describe('Where to start reading: the next_offset of a previous answer.'),
    max_chars: maxChars,
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    const bodyFormat = args.format === 'markdown' ? 'storage' : FORMATS[args.format];
    const page = await resolvePage(http, context, args, { bodyFormat, version: args.version });
    const raw = page.body?.[bodyFormat]?.value ?? '';
    const header = {
      page_id: page.id,
      title: page.title,
      space_id: page.spaceId,
      parent_id: page.parentId ?? undefined,
      version: page.version?.number,
      last_modified: page.version?.createdAt,
      url: confluenceWebUrl(http, page._links?.webui),
    };
    let piece: { text: string; offset: number; nextOffset?: number; totalChars: number; sections?: { heading: string }[]; oversized?: boolean };
    if (args.format === 'markdown') {
      const [{ markdown }, { chunkMarkdown }] = await Promise.all([storageAsMarkdown(http, raw), loadContent()]);
      piece = chunkMarkdown(markdown, { maxChars: args.max_chars, offset: args.offset, ...(args.section ? { section: args.section } : {}) });
    } else {
      piece = sliceText(raw, args.offset, args.max_chars);
    }
    const more = piece.nextOffset !== undefined;
    const sections = piece.sections?.map((s) => s.heading);
    const footer = more
      ? `This is characters ${piece.offset}–${piece.nextOffset} of ${piece.totalChars}. To read on, call confluence_get_page with page_id ${page.id}${args.section ? `, section "${args.section}"` : ''} and offset ${piece.nextOffset}${sections && sections.length > 0 && !args.section ? ', or ask for one section' : ''}.`
      : piece.offset > 0 || args.section
        ? `End of ${args.section ? `section "${args.section}"` : 'the page'} (${piece.totalChars} characters in all).`
        : '';
    const text = [
      `# ${page.title}`,
      Object.entries(header).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => `${k}: ${String(v)}`).join('\n'),
      ...(piece.oversized ? ['(One block of this page is longer than max_chars; it comes whole.)'] : []),
      '---',
      piece.text.trimEnd(),
      ...(footer ? ['---', footer] : []),
      ...(more && sections && sections.length > 0 && !args.section ? [`Sections: ${sections.slice(0, 100).map((h) => `"${h}"`).join(', ')}`] : []),
    ].join('\n\n');
    return {
      text,
      data: {
        ...header,
        format: args.format,
        offset: piece.offset,
        ...(more ? { next_offset: piece.nextOffset } : {}),
        total_chars: piece.totalChars,
        ...(more && sections ? { sections: sections.slice(0, 100) } : {}),
      },
    };
  },
});
