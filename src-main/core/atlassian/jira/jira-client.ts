// Jira Cloud speaks REST v3 (ADF bodies, account ids, token-paged search); Server/Data Center speaks
// v2 (wiki-markup bodies, user names, offset-paged search). One small object says which, so every
// call site picks the right path and shape in one place.
import { isCloudConnection } from '../../auth/connection.ts';
import type { AtlassianHttp } from '../http/atlassian-http.ts';

export interface JiraClient {
  http: AtlassianHttp;
  /** Cloud (v3, ADF, accountId) or Server/Data Center (v2, wiki markup, username). */
  cloud: boolean;
  /** `/rest/api/3` or `/rest/api/2`. */
  api: string;
  /** The agile (boards, sprints) API, the same on both. */
  agile: string;
}

export function jiraClient(http: AtlassianHttp): JiraClient {
  const cloud = isCloudConnection(http.connection);
  return { http, cloud, api: cloud ? '/rest/api/3' : '/rest/api/2', agile: '/rest/agile/1.0' };
}

/** The browser address of an issue. */
export function issueUrl(client: JiraClient, key: string): string {
  return `${client.http.connection.siteUrl.replace(/\/$/, '')}/browse/${encodeURIComponent(key)}`;
}

export const enc = encodeURIComponent;
