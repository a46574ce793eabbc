import { z } from 'zod';
import { andCql, cleanExcerpt, isCqlQuery, searchContent, toCql } from '../../../atlassian/confluence/search.ts';
import { defineTool } from '../../define-tool.ts';
import { confluenceWebUrl, jsonOutput } from '../../tool-output.ts';
import { limit } from './common-arguments.ts';

export default defineTool({
  name: 'confluence_search',
  title: 'Search Confluence',
  toolset: 'confluence_search',
  description:
    'Search Confluence with CQL (for example: type = page AND space = ENG AND text ~ "release") or with plain words, which search titles and text. Returns titles, ids, spaces and highlighted excerpts.',
  input: () => z.strictObject({
    query: z.string().min(1).max(5000).describe('CQL, or plain words to search for.'),
    limit: limit(100, 10),
    cursor: z.string().optional().describe('next_cursor from a previous answer.'),
    spaces_filter: z.string().optional().describe('Comma-separated space keys to search in, such as "ENG,OPS".'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    let cql = toCql(args.query);
    if (args.spaces_filter) {
      const keys = args.spaces_filter.split(',').map((k) => k.trim()).filter(Boolean);
      for (const key of keys) context.spaces.assertKey(key);
      cql = andCql(cql, `space in (${keys.map((k) => `"${k.replace(/"/g, '')}"`).join(', ')})`);
    }
    cql = andCql(cql, context.spaces.cqlClause());
    const { results, next } = await searchContent(http, cql, args.limit, args.cursor);
    return jsonOutput({
      cql,
      interpreted_as: isCqlQuery(args.query) ? 'cql' : 'text',
      results: results.map((r) => ({
        id: r.content?.id,
        type: r.content?.type ?? r.entityType,
        title: r.content?.title ?? r.title,
        space: r.content?.space?.key ?? r.space?.key ?? r.resultGlobalContainer?.title,
        excerpt: cleanExcerpt(r.excerpt),
        last_modified: r.lastModified,
        url: confluenceWebUrl(http, r.content?._links?.webui ?? r.url),
      })),
      ...(next ? { next_cursor: next } : {}),
    });
  },
});
