// How the CLI ends: a known, user-actionable failure prints one sentence (no stack) and exits non-zero.
import { AtlassianError } from '../core/atlassian/http/atlassian-error.ts';
import { SiteInputError } from '../core/auth/site-url.ts';
import { SecretInputError } from '../core/credentials/clean-secret.ts';
import { SecretStoreError } from '../core/credentials/secret-store.ts';
import { redact } from '../core/log/redact.ts';

/** Wrong use of the command itself (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function isUserFacing(error: unknown): error is Error {
  return (
    error instanceof UsageError ||
    error instanceof AtlassianError ||
    error instanceof SiteInputError ||
    error instanceof SecretInputError ||
    error instanceof SecretStoreError
  );
}

export function reportAndExit(error: unknown): never {
  if (isUserFacing(error)) {
    process.stderr.write(`tether: ${redact(error.message)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`tether: unexpected failure — please report it with this text:\n${redact(text)}\n`);
  process.exit(70);
}
