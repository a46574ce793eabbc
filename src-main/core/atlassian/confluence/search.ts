// CQL search (v1 /search — v2 has none) and the plain-text-to-CQL rule ctk calls "quick" search.
import type { AtlassianHttp } from '../http/atlassian-http.ts';
import { dcSearchContent, dcSearchUsers } from './dc-content.ts';
import { isDataCenter } from './dc.ts';

export interface SearchResult {
  content?: { id: string; type: string; status?: string; title: string; space?: { key?: string; name?: string }; _links?: { webui?: string } };
  space?: { key?: string; name?: string };
  user?: { accountId?: string; displayName?: string; email?: string };
  title: string;
  excerpt?: string;
  url?: string;
  lastModified?: string;
  entityType?: string;
  resultGlobalContainer?: { title?: string; displayUrl?: string };
}

const CQL_HINT = /(\b(type|space|title|text|label|ancestor|parent|id|creator|contributor|lastmodified|created)\s*(=|~|!=|!~|>|<|\bin\b|\bnot\b))|\bORDER\s+BY\b/i;

/** Plain words become a text search; anything that already looks like CQL is passed on as written. */
export function toCql(query: string): string {
  const trimmed = query.trim();
  if (CQL_HINT.test(trimmed)) return trimmed;
  const escaped = trimmed.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `siteSearch ~ "${escaped}"`;
}

export function isCqlQuery(query: string): boolean {
  return CQL_HINT.test(query.trim());
}

/** Adds a restriction (such as the allowed spaces) around a user's CQL, keeping its ORDER BY last. */
export function andCql(cql: string, clause: string): string {
  if (!clause) return cql;
  const order = cql.match(/\s+ORDER\s+BY\s+[\s\S]*$/i);
  const where = order ? cql.slice(0, order.index) : cql;
  return `(${where}) AND ${clause}${order ? order[0] : ''}`;
}

export function searchContent(http: AtlassianHttp, cql: string, limit: number, cursor?: string) {
  if (isDataCenter(http)) return dcSearchContent(http, cql, limit, cursor);
  return http.collect<SearchResult>('/wiki/rest/api/search', { cql, limit: Math.min(limit, 100), cursor, excerpt: 'highlight' }, limit);
}

export function searchUsers(http: AtlassianHttp, cql: string, limit: number) {
  if (isDataCenter(http)) return dcSearchUsers(http, cql, limit);
  return http.collect<SearchResult>('/wiki/rest/api/search/user', { cql, limit: Math.min(limit, 100) }, limit);
}

/** Atlassian's highlight markers, made readable. */
export function cleanExcerpt(excerpt: string | undefined): string | undefined {
  if (!excerpt) return undefined;
  return excerpt.replace(/@@@hl@@@/g, '**').replace(/@@@endhl@@@/g, '**').replace(/\s+/g, ' ').trim() || undefined;
}
