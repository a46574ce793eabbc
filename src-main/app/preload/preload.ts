// The window's only door to the host: `window.tether.invoke(channel, ...args)`, and only for the
// channels of the Bridge contract. Runs sandboxed, so it is bundled to CommonJS (dist/app/preload.cjs).
// It imports the zod-free channel list only, so the preload stays under a kilobyte.
import { contextBridge, ipcRenderer } from 'electron';
import { isBridgeChannel, unknownChannelMessage } from '../../shared/bridge-channels.ts';
import type { Bridge } from '../../shared/bridge.ts';

// Arguments are not checked here: the host validates every call against the contract's schemas.
const invoke = ((channel: unknown, ...args: unknown[]) => {
  if (!isBridgeChannel(channel)) return Promise.resolve({ ok: false, error: unknownChannelMessage(channel) });
  return ipcRenderer.invoke(channel, ...args);
}) as Bridge['invoke'];

const bridge: Bridge = { invoke };
contextBridge.exposeInMainWorld('tether', bridge);
