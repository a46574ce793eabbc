// The gate every IPC Bridge call passes: the sender check, then the shared dispatch (validation,
// handler, result trimmed to the contract, envelope) in core/host/bridge/dispatch-bridge-call.ts.
// Pure: no Electron, so the unit tests drive it directly; register-bridge-handlers.ts feeds it from ipcMain.
import { dispatchBridgeCall, type ReportUnexpected } from '../../core/host/bridge/dispatch-bridge-call.ts';
import { errorEnvelope, type Envelope } from '../../shared/bridge.ts';
import type { BridgeHandlers } from './bridge-handlers.ts';

export type { ReportUnexpected };

export const FOREIGN_SENDER = "Refused: this request did not come from Tether's own window.";

/** True when the sender is our renderer page: same file URL, ignoring any #fragment or ?query. */
export function isTrustedSender(senderUrl: string | undefined, expectedUrl: string): boolean {
  if (!senderUrl) return false;
  try {
    const sender = new URL(senderUrl);
    const expected = new URL(expectedUrl);
    if (sender.protocol !== expected.protocol || sender.host !== expected.host) return false;
    return decodeURIComponent(sender.pathname) === decodeURIComponent(expected.pathname);
  } catch {
    return false;
  }
}

export async function handleBridgeCall(
  handlers: BridgeHandlers,
  channel: unknown,
  rawArgs: unknown,
  senderUrl: string | undefined,
  expectedUrl: string,
  report?: ReportUnexpected,
): Promise<Envelope<unknown>> {
  if (!isTrustedSender(senderUrl, expectedUrl)) return errorEnvelope(FOREIGN_SENDER);
  return dispatchBridgeCall(handlers, channel, rawArgs, report);
}
