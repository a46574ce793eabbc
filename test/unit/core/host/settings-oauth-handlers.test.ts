// The Permissions view's pause/limits/toolset channels and the OAuth channels that need no browser:
// saved then announced, keys upper-cased, and the host opens only the authorization server's pages.
import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../../src-main/core/config/settings.ts';
import { createBridgeHandlers, type BridgeEngine } from '../../../../src-main/core/host/bridge/bridge-handlers.ts';
import { ALL_TOOLSETS } from '../../../../src-main/core/host/bridge/settings-handlers.ts';

function setup(start: Partial<Settings> = {}, env: NodeJS.ProcessEnv = {}, openExternal?: (url: string) => Promise<void>) {
  const order: string[] = [];
  const engine = {
    settings: { version: 1, credentials: {}, ...start } as Settings,
    env,
    configured: () => true,
    updateSettings: vi.fn(async (change: Partial<Settings>) => {
      order.push('save');
      engine.settings = { ...engine.settings, ...change };
      return engine.settings;
    }),
  };
  const host = { engine: engine as unknown as BridgeEngine, activity: { recent: () => [] }, sessions: 0, notifyToolsChanged: vi.fn(async () => void order.push('notify')) };
  return { engine, order, handlers: createBridgeHandlers(host, undefined, openExternal ? { openExternal } : {}) };
}

describe('bridge handlers: pause, limits, toolsets', () => {
  it('pause is saved, then announced', async () => {
    const { handlers, order } = setup();
    expect((await handlers['settings.setPaused'](true)).paused).toBe(true);
    expect(order).toEqual(['save', 'notify']);
  });

  it('limits are upper-cased and de-duplicated; an empty list lifts the limit; a list left out stays', async () => {
    const { handlers } = setup({ jiraProjects: ['OPS'] });
    expect(await handlers['settings.setLimits']({ confluenceSpaces: [' eng', 'ENG', 'ops ', ''] })).toMatchObject({ confluenceSpaces: ['ENG', 'OPS'], jiraProjects: ['OPS'] });
    expect(await handlers['settings.setLimits']({ confluenceSpaces: [] })).toMatchObject({ confluenceSpaces: null, jiraProjects: ['OPS'] });
  });

  it('a toolset switch lists the others; all on again means no list; unknown toolsets are refused', async () => {
    const { handlers } = setup();
    const off = await handlers['settings.setToolsetEnabled']('confluence_pages', false);
    expect(off.toolsets).toEqual(ALL_TOOLSETS.filter((t) => t !== 'confluence_pages'));
    expect((await handlers['settings.setToolsetEnabled']('confluence_pages', true)).toolsets).toBeNull();
    await expect(handlers['settings.setToolsetEnabled']('nope', true)).rejects.toThrow(/no toolset named/);
  });

  it('an environment variable that decides "Allow changes" is named', async () => {
    const { handlers } = setup({ writesEnabled: true }, { TETHER_ENABLE_WRITES: 'false' });
    expect(await handlers['settings.get']()).toMatchObject({ writesEnabled: false, writesSource: 'TETHER_ENABLE_WRITES' });
  });
});

describe('bridge handlers: OAuth without a browser', () => {
  it('the plan names the default scopes and the callback URL on the chosen port', async () => {
    const { handlers } = setup();
    const plan = await handlers['auth.oauthPlan']({ products: ['jira'], writes: false, port: 9123 });
    expect(plan.redirectUri).toBe('http://127.0.0.1:9123/callback');
    expect(plan.scopes).toEqual(['read:jira-work', 'read:jira-user', 'offline_access']);
    expect(await handlers['auth.oauthStatus']()).toEqual({ state: 'idle' });
  });

  it('opens only the authorization server, and says when it cannot open anything', async () => {
    const open = vi.fn(async () => {});
    const { handlers } = setup({}, { TETHER_ATLASSIAN_AUTH_URL: 'http://127.0.0.1:5000' }, open);
    expect(await handlers['shell.openExternal']('http://127.0.0.1:5000/authorize?x=1')).toEqual({ opened: true });
    await expect(handlers['shell.openExternal']('https://evil.example/authorize')).rejects.toThrow(/only opens the Atlassian sign-in page/);
    await expect(handlers['shell.openExternal']('file:///etc/passwd')).rejects.toThrow();
    expect(open).toHaveBeenCalledTimes(1);
    expect(await setup()['handlers']['shell.openExternal']('https://auth.atlassian.com/authorize')).toEqual({ opened: false });
  });

  it('refuses to choose a site when no sign-in asks for one', async () => {
    await expect(setup().handlers['auth.oauthChooseSite']('abc')).rejects.toThrow(/No sign-in is waiting/);
  });
});
