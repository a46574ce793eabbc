// What a tool handler may use: the product clients (signed in lazily), the limits, the folders.
import type { AtlassianHttp } from '../atlassian/http/atlassian-http.ts';
import type { Logger } from '../log/logger.ts';
import type { SpaceGuard } from './space-guard.ts';

export interface ToolContext {
  confluence(): Promise<AtlassianHttp>;
  spaces: SpaceGuard;
  /** Per-user 0700 folder downloads are written to. */
  downloadsDir: string;
  log: Logger;
}
