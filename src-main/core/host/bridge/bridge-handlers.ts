// What each Bridge channel does in the host: a thin call into the Engine and the McpHost. Shared by
// both adapters (Electron IPC in src-main/app, loopback HTTP for `tether serve --ui`), and free of
// both, so the unit tests build this map with a fake host.
import type { BridgeArgs, BridgeChannel, BridgeResult, HostInfo, LoginOutcome, ToolInfo, WindowSettings } from '../../../shared/bridge.ts';
import type { ToolCallRecord } from '../../mcp/create-server.ts';
import { isWriteTool } from '../../mcp/define-tool.ts';
import { allTools } from '../../mcp/tool-catalogue.ts';
import { isListed, isSwitchedOff, productOf, toolPolicyFrom } from '../../mcp/tool-policy.ts';
import { PRODUCTS, type Engine } from '../engine.ts';
import { createAppsHandlers, type AppsOptions } from './apps-handlers.ts';
import { createOAuthHandlers, type OAuthOptions } from './oauth-handlers.ts';
import { oneSentence } from './one-sentence.ts';
import { createSettingsHandlers } from './settings-handlers.ts';

export type BridgeHandlers = {
  [C in BridgeChannel]: (...args: BridgeArgs<C>) => Promise<BridgeResult<C>>;
};

/** The part of the Engine the window uses. */
export type BridgeEngine = Pick<Engine, 'status' | 'verify' | 'login' | 'logout' | 'updateSettings' | 'settings' | 'env' | 'configured' | 'saveOAuth'>;

/** The part of the McpHost the window uses (McpHost itself fits). */
export interface BridgeHost {
  readonly engine: BridgeEngine;
  readonly activity: { recent(): ToolCallRecord[] };
  readonly sessions: number;
  /** Sends tools/list_changed to every connected client. */
  notifyToolsChanged(): Promise<void>;
}

/** Where the host listens; known to the shell that started the listeners, not to the host. */
export type HostAddresses = () => { socketPath?: string; httpUrl?: string };

/** What only the shell knows: how AI apps start this Tether (apps-handlers.ts), how to open the browser (oauth-handlers.ts). */
export type BridgeOptions = AppsOptions & OAuthOptions;

export function createBridgeHandlers(host: BridgeHost, addresses: HostAddresses = () => ({}), options: BridgeOptions = {}): BridgeHandlers {
  const engine = host.engine;
  const policy = () => toolPolicyFrom(engine.env, engine.settings);
  const settingsNow = (): WindowSettings => {
    const s = engine.settings;
    return {
      writesEnabled: policy().writesEnabled,
      writesSource: policy().writesSource,
      paused: s.paused === true,
      disabledTools: s.disabledTools ?? [],
      toolsets: s.toolsets ?? null,
      confluenceSpaces: s.confluenceSpaces ?? null,
      jiraProjects: s.jiraProjects ?? null,
    };
  };
  // Saved first, then every client hears tools/list_changed, so its next tools/list sees the change.
  const change = async (update: Parameters<BridgeEngine['updateSettings']>[0]): Promise<WindowSettings> => {
    await engine.updateSettings(update);
    await host.notifyToolsChanged();
    return settingsNow();
  };
  return {
    'status.get': () => engine.status(),
    'status.check': (product) => engine.verify(product),
    'settings.get': async () => settingsNow(),
    'settings.setWrites': (on) => change({ writesEnabled: on }),
    'settings.setToolEnabled': async (name, on) => {
      if (!allTools.some((tool) => tool.name === name)) throw new Error(`Tether has no tool named ${JSON.stringify(name)}.`);
      const others = (engine.settings.disabledTools ?? []).filter((n) => n !== name);
      return change({ disabledTools: on ? others : [...others, name] });
    },
    ...createSettingsHandlers(() => engine.settings, change),
    'tools.list': async () => {
      const listing = { ...policy(), products: new Set(PRODUCTS.filter((p) => engine.configured(p))) };
      return allTools.map(
        (tool): ToolInfo => ({
          name: tool.name,
          title: tool.title,
          product: productOf(tool),
          toolset: tool.toolset,
          access: isWriteTool(tool) ? 'write' : 'read',
          enabled: !isSwitchedOff(tool, listing),
          listed: isListed(tool, listing),
        }),
      );
    },
    'activity.recent': async () => host.activity.recent().slice().reverse(),
    'auth.loginToken': async (input): Promise<LoginOutcome> => {
      try {
        const result = await engine.login({ site: input.site, products: input.products, kind: input.kind, secret: input.token, ...(input.email ? { email: input.email } : {}) });
        // A product that just got a credential brings its tools into every client's list.
        await host.notifyToolsChanged();
        return { products: result.products, site: result.site, tokenType: result.tokenType, account: result.account };
      } catch (error) {
        throw new Error(oneSentence(error, 'Signing in failed.'), { cause: error });
      }
    },
    'auth.logout': async (products) => {
      const removed = await engine.logout([...new Set(products)]);
      // The products' tools leave every client's list at once.
      await host.notifyToolsChanged();
      return removed.map((r) => ({ product: r.product, site: r.site, where: r.location }));
    },
    'host.info': async (): Promise<HostInfo> => {
      const where = addresses();
      return { socketPath: where.socketPath ?? null, httpUrl: where.httpUrl ?? null, sessions: host.sessions };
    },
    ...createAppsHandlers(options),
    ...createOAuthHandlers(engine, () => host.notifyToolsChanged(), options),
  };
}
