import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trayState } from '../../../src-main/app/tray-state.ts';
import type { ProductStatus, StatusReport } from '../../../src-main/shared/status.ts';
import { repoRoot } from '../../helpers/run-tether.ts';

const product = (p: 'confluence' | 'jira', over: Partial<ProductStatus> = {}): ProductStatus => ({
  product: p,
  authenticated: false,
  source: null,
  site: null,
  email: null,
  tokenType: null,
  maskedToken: null,
  storedAt: null,
  cloudId: null,
  location: null,
  sslVerify: true,
  problem: null,
  ...over,
});
const report = (c: Partial<ProductStatus>, j: Partial<ProductStatus>): StatusReport => ({ confluence: product('confluence', c), jira: product('jira', j) });
const signedIn = { authenticated: true, source: 'keychain' as const };

describe('tray state', () => {
  it.each([
    [report({}, {}), { writesEnabled: false, paused: false }, 'not-connected'],
    [report(signedIn, {}), { writesEnabled: false, paused: false }, 'read-only'],
    [report(signedIn, signedIn), { writesEnabled: true, paused: false }, 'writes-on'],
    [report(signedIn, { source: 'keychain', problem: 'revoked' }), { writesEnabled: true, paused: false }, 'error'],
    [report(signedIn, {}), { writesEnabled: true, paused: true }, 'paused'],
  ] as const)('%#: %j → %s', (status, switches, state) => {
    expect(trayState(status, switches)).toBe(state);
  });
});

describe('tray icons', () => {
  it.each(['not-connected', 'read-only', 'writes-on', 'paused', 'error'])('has artwork for %s on every platform', (state) => {
    for (const file of [`tray-${state}.png`, `trayTemplate-${state}.png`, `trayTemplate-${state}@2x.png`]) {
      const png = readFileSync(path.join(repoRoot, 'resources', file));
      expect(png.subarray(1, 4).toString(), file).toBe('PNG');
    }
  });
});
