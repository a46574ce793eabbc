// auth.logout over a fake engine: forgets, then announces, and answers product, site and where only
// (the vault's email and store kind, and never a secret, stay on the host's side).
import { describe, expect, it, vi } from 'vitest';
import { createBridgeHandlers, type BridgeEngine } from '../../../../src-main/core/host/bridge/bridge-handlers.ts';
import { dispatchBridgeCall } from '../../../../src-main/core/host/bridge/dispatch-bridge-call.ts';

function setup() {
  const order: string[] = [];
  const logout = vi.fn(async (products: readonly string[]) => {
    order.push('logout');
    return products.map((product) => ({ product, site: 'https://acme.atlassian.net', email: 'a@b.c', store: 'keychain', location: 'keychain (Secret Service)', secret: 'ATATT-not-here' }));
  });
  const engine = { settings: { version: 1, credentials: {} }, env: {}, logout } as unknown as BridgeEngine;
  const host = { engine, activity: { recent: () => [] }, sessions: 0, notifyToolsChanged: vi.fn(async () => void order.push('notify')) };
  return { order, logout, handlers: createBridgeHandlers(host) };
}

describe('auth.logout', () => {
  it('forgets the products, then tells every client, and answers product, site and where', async () => {
    const { handlers, order, logout } = setup();
    const answer = await dispatchBridgeCall(handlers, 'auth.logout', [['jira', 'jira']]);
    expect(logout).toHaveBeenCalledWith(['jira']);
    expect(order).toEqual(['logout', 'notify']);
    expect(answer).toEqual({ ok: true, value: [{ product: 'jira', site: 'https://acme.atlassian.net', where: 'keychain (Secret Service)' }] });
    expect(JSON.stringify(answer)).not.toContain('ATATT');
  });

  it('refuses an empty list or an unknown product', async () => {
    const { handlers, logout } = setup();
    for (const args of [[[]], [['bitbucket']], []]) expect((await dispatchBridgeCall(handlers, 'auth.logout', args)).ok).toBe(false);
    expect(logout).not.toHaveBeenCalled();
  });
});
