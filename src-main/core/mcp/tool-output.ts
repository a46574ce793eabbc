// Shapes of tool answers: compact JSON for lists and records, Markdown for bodies.
import { isCloudConnection } from '../auth/connection.ts';
import type { AtlassianHttp } from '../atlassian/http/atlassian-http.ts';
import type { ToolOutput } from './define-tool.ts';

export function jsonOutput(data: Record<string, unknown>): ToolOutput {
  return { text: JSON.stringify(data, null, 2), data };
}

/** Browser link of a Confluence object from its relative `_links.webui`. */
export function confluenceWebUrl(http: AtlassianHttp, webui: string | undefined): string | undefined {
  if (!webui) return undefined;
  // Cloud pages live under /wiki; a Data Center site's links are relative to the site itself.
  if (!isCloudConnection(http.connection)) return `${http.connection.siteUrl.replace(/\/$/, '')}${webui}`;
  return `${http.connection.siteUrl.replace(/\/wiki$/, '')}/wiki${webui}`;
}
