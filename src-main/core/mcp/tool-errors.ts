// Failures a tool reports to the model as an isError result (the user can act on them), as opposed
// to programming errors, which throw.
import type { z } from 'zod';
import { AtlassianError } from '../atlassian/http/atlassian-error.ts';
import { SectionNotFoundError } from '../content/headings.ts';
import { FileNameError } from '../files/safe-file-name.ts';

/** Bad arguments the schema could not catch (an unknown space key, a path outside the folder…). */
export class ToolInputError extends Error {
  override name = 'ToolInputError';
}

export function isUserFacing(error: unknown): error is Error {
  return error instanceof AtlassianError || error instanceof ToolInputError || error instanceof FileNameError || error instanceof SectionNotFoundError;
}

/** One readable sentence from a schema failure: what is wrong with which argument. */
export function describeInvalidArguments(toolName: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the arguments';
    if (issue.code === 'unrecognized_keys') return `${where}: unknown argument${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `${where} is required`;
    return `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
  });
  return `The arguments for ${toolName} are not valid — ${parts.join('; ')}. Correct them and call ${toolName} again.`;
}
