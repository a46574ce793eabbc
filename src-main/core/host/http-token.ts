// The bearer token of the HTTP endpoint: TETHER_HTTP_TOKEN when set (CI, headless servers), else one
// random token per install, kept in the OS keychain next to the credentials so it survives restarts
// and never sits in a file. It is a secret: register it for redaction and never log it.
import { randomBytes } from 'node:crypto';
import { KeychainStore, keychainServiceName } from '../credentials/keychain-store.ts';
import type { SecretStore } from '../credentials/secret-store.ts';
import { registerSecret } from '../log/redact.ts';

export const HTTP_TOKEN_ACCOUNT = 'http-token';

export function newHttpToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Reads the token, creating and storing it on first use. */
export async function readOrCreateHttpToken(env: NodeJS.ProcessEnv = process.env, store: SecretStore = new KeychainStore(keychainServiceName(env))): Promise<string> {
  const fromEnv = env.TETHER_HTTP_TOKEN?.trim();
  if (fromEnv) {
    registerSecret(fromEnv);
    return fromEnv;
  }
  let token = await store.get(HTTP_TOKEN_ACCOUNT);
  if (!token) {
    token = newHttpToken();
    await store.set(HTTP_TOKEN_ACCOUNT, token);
  }
  registerSecret(token);
  return token;
}
