// The window's only door to the host: `window.tether.invoke(channel, ...args)`, only for the
// channels of the Bridge contract, and `subscribe` for the host's named notices. Runs sandboxed, so it is bundled to CommonJS (dist/app/preload.cjs).
// It imports the zod-free channel list only, so the preload stays under a kilobyte.
import { contextBridge, ipcRenderer } from 'electron';
import { isBridgeChannel, unknownChannelMessage } from '../../shared/bridge-channels.ts';
import { BRIDGE_EVENT_CHANNEL, isBridgeEvent } from '../../shared/bridge-events.ts';
import type { Bridge } from '../../shared/bridge.ts';

// Arguments are not checked here: the host validates every call against the contract's schemas.
const invoke = ((channel: unknown, ...args: unknown[]) => {
  if (!isBridgeChannel(channel)) return Promise.resolve({ ok: false, error: unknownChannelMessage(channel) });
  return ipcRenderer.invoke(channel, ...args);
}) as Bridge['invoke'];

// Only the named notices of bridge-events.ts reach the page, never Electron's event object.
const subscribe: NonNullable<Bridge['subscribe']> = (listener) => {
  const relay = (_event: unknown, payload: unknown) => {
    if (isBridgeEvent(payload)) listener({ name: payload.name });
  };
  ipcRenderer.on(BRIDGE_EVENT_CHANNEL, relay);
  return () => void ipcRenderer.removeListener(BRIDGE_EVENT_CHANNEL, relay);
};

const bridge: Bridge = { invoke, subscribe };
contextBridge.exposeInMainWorld('tether', bridge);
