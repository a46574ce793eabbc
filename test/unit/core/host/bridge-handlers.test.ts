// The new Bridge channels over a fake engine and host: switches are saved then announced, the tool
// list follows the policy, and a failed sign-in answers one sentence without the token.
import { describe, expect, it, vi } from 'vitest';
import { createBridgeHandlers, type BridgeEngine } from '../../../../src-main/core/host/bridge/bridge-handlers.ts';
import { dispatchBridgeCall } from '../../../../src-main/core/host/bridge/dispatch-bridge-call.ts';
import type { Settings } from '../../../../src-main/core/config/settings.ts';

function setup(start: Partial<Settings> = {}, login?: BridgeEngine['login']) {
  const order: string[] = [];
  const engine = {
    settings: { version: 1, credentials: {}, ...start } as Settings,
    env: {},
    configured: (product: string) => product === 'confluence',
    updateSettings: vi.fn(async (change: Partial<Settings>) => {
      order.push('save');
      engine.settings = { ...engine.settings, ...change };
      return engine.settings;
    }),
    login: login ?? vi.fn(),
  };
  const host = { engine: engine as unknown as BridgeEngine, activity: { recent: () => [] }, sessions: 0, notifyToolsChanged: vi.fn(async () => void order.push('notify')) };
  return { engine, host, order, handlers: createBridgeHandlers(host) };
}

describe('bridge handlers: settings, tools, sign-in', () => {
  it('"Allow changes" is saved first, then every client is told', async () => {
    const { handlers, order } = setup();
    expect((await handlers['settings.setWrites'](true)).writesEnabled).toBe(true);
    expect(order).toEqual(['save', 'notify']);
  });

  it('a tool switch adds and removes the tool from disabledTools, and refuses unknown tools', async () => {
    const { handlers } = setup({ disabledTools: ['jira_search'] });
    expect((await handlers['settings.setToolEnabled']('confluence_create_page', false)).disabledTools).toEqual(['jira_search', 'confluence_create_page']);
    expect((await handlers['settings.setToolEnabled']('confluence_create_page', true)).disabledTools).toEqual(['jira_search']);
    await expect(handlers['settings.setToolEnabled']('rm_rf', false)).rejects.toThrow(/no tool named "rm_rf"/);
  });

  it('tools.list tells switch, access and whether clients see the tool now', async () => {
    const { handlers } = setup({ disabledTools: ['confluence_get_page'] });
    const tools = await handlers['tools.list']();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('confluence_get_page')).toMatchObject({ enabled: false, listed: false, access: 'read', product: 'confluence' });
    expect(byName.get('confluence_create_page')).toMatchObject({ enabled: true, listed: false, access: 'write' });
    expect(byName.get('confluence_search')).toMatchObject({ enabled: true, listed: true });
    // Jira has no sign-in here, so its tools wait.
    expect(byName.get('jira_search')).toMatchObject({ enabled: true, listed: false, product: 'jira' });
  });

  it('a failed sign-in is one sentence, and the token never comes back', async () => {
    const token = 'placeholder-bridge-login-secret';
    const { handlers } = setup({}, async () => Promise.reject(new Error('The site refused the API token: check the email and token.\n    at detectCredential (x.ts:1)')));
    const answer = await dispatchBridgeCall(handlers, 'auth.loginToken', [{ site: 'https://acme.atlassian.net', email: 'a@b.c', token, kind: 'api_token', products: ['confluence'] }]);
    expect(answer).toEqual({ ok: false, error: 'The site refused the API token: check the email and token.' });
    const invalid = await dispatchBridgeCall(handlers, 'auth.loginToken', [{ site: 'x', token, kind: 'api_token', products: [] }]);
    expect(invalid.ok).toBe(false);
    expect(JSON.stringify(invalid)).not.toContain(token);
  });
});
