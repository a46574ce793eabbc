// The host side of the Bridge without Electron: the handlers map over a fake engine, and the gate
// every IPC call passes (sender check, argument validation, envelope, error hygiene).
import { describe, expect, it, vi } from 'vitest';
import { createBridgeHandlers, type BridgeEngine } from '../../../src-main/app/ipc/bridge-handlers.ts';
import { FOREIGN_SENDER, handleBridgeCall, isTrustedSender } from '../../../src-main/app/ipc/handle-bridge-call.ts';
import type { VerifyResult } from '../../../src-main/core/host/engine.ts';
import { registerSecret } from '../../../src-main/core/log/redact.ts';
import { bridgeContract } from '../../../src-main/shared/bridge.ts';
import type { ProductStatus, StatusReport } from '../../../src-main/shared/status.ts';

const OURS = 'file:///opt/Tether/resources/app.asar/dist/renderer/index.html';

const status = (product: ProductStatus['product']): ProductStatus => ({
  product,
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
  problem: 'Not signed in: run `tether auth`.',
});
const REPORT: StatusReport = { confluence: status('confluence'), jira: status('jira') };

function fakeEngine(overrides: Partial<BridgeEngine> = {}) {
  const engine = {
    status: vi.fn(async () => REPORT),
    verify: vi.fn(async (product): Promise<VerifyResult> => ({ product, ok: true, tokenType: 'classic', apiBaseUrl: 'https://acme.atlassian.net', account: { displayName: 'Ana' } })),
    ...overrides,
  } satisfies Partial<BridgeEngine>;
  const host = { engine: engine as unknown as BridgeEngine, activity: { recent: () => [] }, sessions: 0, notifyToolsChanged: async () => undefined };
  return { engine, handlers: createBridgeHandlers(host) };
}

describe('bridge handlers', () => {
  it('cover every channel of the contract, and only those', () => {
    const { handlers } = fakeEngine();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(bridgeContract).sort());
    for (const handler of Object.values(handlers)) expect(typeof handler).toBe('function');
  });
});

describe('handleBridgeCall', () => {
  it('answers status.get with the engine report in an ok envelope', async () => {
    const { engine, handlers } = fakeEngine();
    expect(await handleBridgeCall(handlers, 'status.get', [], OURS, OURS)).toEqual({ ok: true, value: REPORT });
    expect(engine.status).toHaveBeenCalledTimes(1);
  });

  it('passes the validated product to engine.verify', async () => {
    const { engine, handlers } = fakeEngine();
    const answer = await handleBridgeCall(handlers, 'status.check', ['jira'], OURS, OURS);
    expect(answer).toEqual({ ok: true, value: { product: 'jira', ok: true, tokenType: 'classic', apiBaseUrl: 'https://acme.atlassian.net', account: { displayName: 'Ana' } } });
    expect(engine.verify).toHaveBeenCalledWith('jira');
  });

  it('rejects bad arguments with a readable message, without calling the engine', async () => {
    const { engine, handlers } = fakeEngine();
    const answer = await handleBridgeCall(handlers, 'status.check', ['bitbucket'], OURS, OURS);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error).toMatch(/^status\.check: argument 1: /);
      expect(answer.error).toContain('jira');
    }
    for (const bad of [[], ['jira', 'confluence'], 'jira', undefined]) expect((await handleBridgeCall(handlers, 'status.check', bad, OURS, OURS)).ok).toBe(false);
    expect((await handleBridgeCall(handlers, 'status.get', ['extra'], OURS, OURS)).ok).toBe(false);
    expect(engine.verify).not.toHaveBeenCalled();
    expect(engine.status).not.toHaveBeenCalled();
  });

  it.each([
    ['another web page', 'https://evil.example/dist/renderer/index.html'],
    ['another local file', 'file:///tmp/evil/index.html'],
    ['a look-alike path', 'file:///opt/Tether/resources/app.asar/dist/renderer/index.html.evil'],
    ['a frame without a URL (sub-frame or gone)', undefined],
    ['an unparseable URL', 'not a url'],
    ['about:blank', 'about:blank'],
  ])('refuses %s, without calling the engine', async (_label, sender) => {
    const { engine, handlers } = fakeEngine();
    expect(await handleBridgeCall(handlers, 'status.get', [], sender, OURS)).toEqual({ ok: false, error: FOREIGN_SENDER });
    expect(engine.status).not.toHaveBeenCalled();
  });

  it('accepts our page with a #route or ?query', () => {
    expect(isTrustedSender(`${OURS}#/settings`, OURS)).toBe(true);
    expect(isTrustedSender(`${OURS}?tab=jira`, OURS)).toBe(true);
  });

  it('refuses channels outside the contract', async () => {
    const { handlers } = fakeEngine();
    for (const channel of ['status.set', '__proto__', 'toString', 7]) {
      const answer = await handleBridgeCall(handlers, channel, [], OURS, OURS);
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error).toMatch(/^Unknown bridge channel/);
    }
  });

  it('turns a thrown error into its message: no stack, secrets redacted, reported for the log', async () => {
    const secret = 'placeholder-secret-for-bridge-test';
    registerSecret(secret);
    const boom = new Error(`keychain refused the token ${secret}`);
    const { handlers } = fakeEngine({ status: async () => Promise.reject(boom) });
    const report = vi.fn();
    const answer = await handleBridgeCall(handlers, 'status.get', [], OURS, OURS, report);
    expect(answer).toEqual({ ok: false, error: 'keychain refused the token [redacted]' });
    expect(JSON.stringify(answer)).not.toMatch(/\n\s+at /);
    expect(report).toHaveBeenCalledWith('status.get', boom);
  });

  it('answers something sensible when a non-Error is thrown', async () => {
    const { handlers } = fakeEngine({ status: () => Promise.reject('just a string') });
    expect(await handleBridgeCall(handlers, 'status.get', [], OURS, OURS)).toEqual({ ok: false, error: 'status.get failed unexpectedly.' });
  });

  it('sends only what the contract names, and refuses a result of the wrong shape', async () => {
    const leaky = { ...REPORT, jira: { ...REPORT.jira, secret: 'secret-leak-marker' } } as StatusReport;
    const { handlers } = fakeEngine({ status: async () => leaky });
    const answer = await handleBridgeCall(handlers, 'status.get', [], OURS, OURS);
    expect(answer.ok).toBe(true);
    expect(JSON.stringify(answer)).not.toContain('secret-leak-marker');

    const report = vi.fn();
    const broken = fakeEngine({ status: async () => ({ confluence: REPORT.confluence }) as StatusReport });
    const wrong = await handleBridgeCall(broken.handlers, 'status.get', [], OURS, OURS, report);
    expect(wrong.ok).toBe(false);
    expect(report).toHaveBeenCalledTimes(1);
  });
});
