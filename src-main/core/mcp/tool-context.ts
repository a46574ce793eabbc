// What a tool handler may use: the product clients (signed in lazily), the limits, the folders.
import type { AtlassianHttp } from '../atlassian/http/atlassian-http.ts';
import type { Logger } from '../log/logger.ts';
import type { JiraClient } from '../atlassian/jira/jira-client.ts';
import type { ProjectGuard } from './project-guard.ts';
import type { SpaceGuard } from './space-guard.ts';

export interface ToolContext {
  confluence(): Promise<AtlassianHttp>;
  spaces: SpaceGuard;
  jira(): Promise<JiraClient>;
  projects: ProjectGuard;
  /** Per-user 0700 folder downloads are written to. */
  downloadsDir: string;
  log: Logger;
}
