// The HTTP bearer token against the real keychain (tests run inside scripts/keychain-session.sh):
// made once per install, read back unchanged, and overridden by TETHER_HTTP_TOKEN.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { KeychainStore } from '../../../src-main/core/credentials/keychain-store.ts';
import { HTTP_TOKEN_ACCOUNT, readOrCreateHttpToken } from '../../../src-main/core/host/http-token.ts';

const services: string[] = [];
const uniqueService = () => {
  const service = `tether-test-${randomBytes(4).toString('hex')}`;
  services.push(service);
  return service;
};
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => new KeychainStore(service).delete(HTTP_TOKEN_ACCOUNT).catch(() => false)));
});

describe('the HTTP token', () => {
  it('is made once per install (32 random bytes, base64url) and kept in the keychain', async () => {
    const env = { TETHER_KEYCHAIN_SERVICE: uniqueService() };
    const first = await readOrCreateHttpToken(env);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);
    expect(await new KeychainStore(env.TETHER_KEYCHAIN_SERVICE).get(HTTP_TOKEN_ACCOUNT)).toBe(first);
    expect(await readOrCreateHttpToken(env)).toBe(first);
  });

  it('differs between installs', async () => {
    const a = await readOrCreateHttpToken({ TETHER_KEYCHAIN_SERVICE: uniqueService() });
    const b = await readOrCreateHttpToken({ TETHER_KEYCHAIN_SERVICE: uniqueService() });
    expect(a).not.toBe(b);
  });

  it('comes from TETHER_HTTP_TOKEN when set, and then the keychain is left alone', async () => {
    const service = uniqueService();
    expect(await readOrCreateHttpToken({ TETHER_KEYCHAIN_SERVICE: service, TETHER_HTTP_TOKEN: 'from-the-environment-1234' })).toBe('from-the-environment-1234');
    expect(await new KeychainStore(service).get(HTTP_TOKEN_ACCOUNT)).toBeUndefined();
  });
});
