// Shared bits of the sandbox integration tests (not a test file itself).

import { expect } from 'vitest';
import type { Exchange } from '../../../src-main/sandbox/index.ts';
import type { SpecChecker } from '../../helpers/spec-check.ts';

export function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
}

export function bearer(token: string): string {
  return `Bearer ${token}`;
}

/** Header marking a request that deliberately leaves the documented API (unknown paths…). */
export const OFF_SPEC = { 'x-test-off-spec': '1' } as const;

export interface Got {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function get(url: string, authorization?: string, extra: Record<string, string> = {}): Promise<Got> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // keep the raw text
  }
  return { status: res.status, headers: res.headers, body };
}

/** Asserts that the recorded exchanges (minus the deliberate off-spec ones) conform to the specs. */
export function expectConformance(checker: SpecChecker, exchanges: Exchange[]): void {
  const relevant = exchanges.filter((e) => e.requestHeaders['x-test-off-spec'] !== '1');
  const result = checker.check(relevant);
  expect(result.violations).toEqual([]);
  expect(result.checked).toBeGreaterThan(0);
}
