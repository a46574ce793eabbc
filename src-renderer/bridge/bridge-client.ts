// The renderer's handle on the Bridge. In the tray app the preload puts it at `window.tether` (IPC);
// in a browser (`tether serve --ui`) the HTTP adapter (http-bridge.ts) does. Either way the rest of the renderer sees
// one `Bridge` and cannot tell which one it got. Type-only imports: the contract's zod schemas stay
// in the host, which validates every call.
import type { Bridge, BridgeArgs, BridgeChannel, BridgeResult, Envelope } from '../../src-main/shared/bridge.ts';
import { httpBridge, takeUiToken } from './http-bridge.ts';

declare global {
  interface Window {
    tether?: Bridge;
  }
}

const DISCONNECTED = "This window is not connected to Tether's engine.";

/** A bridge whose every call answers with an error: used when no adapter is present. */
const disconnected: Bridge = {
  invoke: <C extends BridgeChannel>() => Promise.resolve<Envelope<BridgeResult<C>>>({ ok: false, error: DISCONNECTED }),
};

export function getBridge(): Bridge {
  if (window.tether) return window.tether;
  const token = window.location.protocol === 'http:' ? takeUiToken() : undefined;
  return token ? httpBridge(token) : disconnected;
}

/** invoke, but a rejected promise (a broken adapter) becomes an error envelope too. */
export async function call<C extends BridgeChannel>(bridge: Bridge, channel: C, ...args: BridgeArgs<C>): Promise<Envelope<BridgeResult<C>>> {
  try {
    return await bridge.invoke(channel, ...args);
  } catch (error) {
    return { ok: false, error: error instanceof Error && error.message ? error.message : `${channel} failed.` };
  }
}
