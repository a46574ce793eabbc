// The only place Tether listens for IPC: one ipcMain.handle per Bridge channel, each through the
// gate in handle-bridge-call.ts. Nothing else in the app may use ipcMain (test/unit/app guards it).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { bridgeChannels } from '../../shared/bridge.ts';
import type { BridgeHandlers } from './bridge-handlers.ts';
import { handleBridgeCall, type ReportUnexpected } from './handle-bridge-call.ts';

/** The URL of the frame that sent a call; undefined (refused) for sub-frames and vanished frames. */
function senderUrlOf(event: IpcMainInvokeEvent): string | undefined {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return undefined;
  return frame.url;
}

export function registerBridgeHandlers(handlers: BridgeHandlers, expectedUrl: string, report?: ReportUnexpected): () => void {
  for (const channel of bridgeChannels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handleBridgeCall(handlers, channel, args, senderUrlOf(event), expectedUrl, report));
  }
  return () => {
    for (const channel of bridgeChannels) ipcMain.removeHandler(channel);
  };
}
