// The optimistic check the write tools share: the model says which version it read, and a page
// that changed since then is not overwritten blindly.
import { z } from 'zod';
import { AtlassianError } from '../../../atlassian/http/atlassian-error.ts';

export const versionRead = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('The version you read (from confluence_get_page). When given, the update is refused if someone changed the page since.');

export const dropPreserved = z.boolean().default(false).describe('Set true only to remove on purpose content whose placeholders you left out.');

export function assertReadVersion(pageId: string, read: number | undefined, current: number): void {
  if (read !== undefined && read !== current) {
    throw new AtlassianError(
      'conflict',
      `Page ${pageId} changed since you read it (you read version ${read}, it is now version ${current}): read it again with confluence_get_page, apply your change to the new text, and update again.`,
    );
  }
}
