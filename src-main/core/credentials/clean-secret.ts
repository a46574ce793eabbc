// Pasted tokens: surrounding white space (a trailing newline from echo, a stray space) is dropped;
// white space inside means two things were pasted or the token was wrapped, so it is refused.
export class SecretInputError extends Error {
  override name = 'SecretInputError';
}

export function cleanSecret(raw: string, what = 'token'): string {
  const secret = raw.trim();
  if (secret === '') throw new SecretInputError(`The ${what} is empty: paste the whole ${what} and try again.`);
  const inner = secret.search(/\s/);
  if (inner !== -1) {
    throw new SecretInputError(
      `The ${what} has a space or line break inside it (after character ${inner}): copy it again in one piece and try again.`,
    );
  }
  return secret;
}
