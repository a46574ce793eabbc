// JQL search. Cloud pages with nextPageToken on /search/jql (the old /search answers 410 there);
// Data Center pages with startAt on /search.
import type { JiraClient } from './jira-client.ts';
import type { JiraIssue } from './types.ts';

export interface SearchPage {
  issues: JiraIssue[];
  /** Cloud: where the next page starts. */
  nextPageToken?: string;
  /** Data Center: the total and where the next page starts. */
  total?: number;
  nextStartAt?: number;
  names?: Record<string, string>;
}

export async function searchIssues(
  client: JiraClient,
  jql: string,
  options: { fields?: string; expand?: string; limit: number; pageToken?: string | undefined; startAt?: number | undefined },
): Promise<SearchPage> {
  if (client.cloud) {
    const issues: JiraIssue[] = [];
    let token = options.pageToken;
    let names: Record<string, string> | undefined;
    do {
      const page = await client.http.get<{ issues?: JiraIssue[]; nextPageToken?: string; isLast?: boolean; names?: Record<string, string> }>(`${client.api}/search/jql`, {
        jql,
        maxResults: Math.min(100, options.limit - issues.length),
        fields: options.fields,
        expand: options.expand,
        nextPageToken: token,
      });
      issues.push(...(page.issues ?? []));
      names = page.names ?? names;
      token = page.isLast === true ? undefined : page.nextPageToken;
    } while (token && issues.length < options.limit);
    return { issues, ...(token ? { nextPageToken: token } : {}), ...(names ? { names } : {}) };
  }
  const startAt = options.startAt ?? 0;
  const page = await client.http.get<{ issues?: JiraIssue[]; total?: number; startAt?: number; names?: Record<string, string> }>(`${client.api}/search`, {
    jql,
    startAt,
    maxResults: Math.min(options.limit, 1000),
    fields: options.fields,
    expand: options.expand,
  });
  const issues = page.issues ?? [];
  const next = startAt + issues.length;
  return { issues, total: page.total, ...(page.total !== undefined && next < page.total && issues.length > 0 ? { nextStartAt: next } : {}), ...(page.names ? { names: page.names } : {}) };
}
