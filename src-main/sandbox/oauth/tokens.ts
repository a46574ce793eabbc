// Opaque credentials of the sandbox authorization servers, and the PKCE S256 transform.
// Real Atlassian access tokens are JWTs; clients must treat them as opaque, so the sandbox hands out
// random strings that nobody can parse by accident.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random url-safe string carrying `bytes` bytes of entropy. */
export function opaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~]. */
export function validVerifier(verifier: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier);
}

/** Constant-time string comparison (client secrets). */
export function sameSecret(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
