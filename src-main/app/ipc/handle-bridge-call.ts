// The one gate every Bridge call passes: sender check, argument validation against the contract,
// the handler, the result trimmed to the contract's shape, and the envelope. Pure: no Electron, so
// the unit tests drive it directly; register-bridge-handlers.ts only feeds it from ipcMain.
import { redact } from '../../core/log/redact.ts';
import { bridgeContract, describeArgsError, errorEnvelope, isBridgeChannel, okEnvelope, unknownChannelMessage, type BridgeChannel, type Envelope } from '../../shared/bridge.ts';
import type { BridgeHandlers } from './bridge-handlers.ts';

export const FOREIGN_SENDER = "Refused: this request did not come from Tether's own window.";

/** Called with what went wrong unexpectedly (a thrown error, a result outside the contract), for the log. */
export type ReportUnexpected = (channel: BridgeChannel, error: unknown) => void;

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
  if (!isBridgeChannel(channel)) return errorEnvelope(unknownChannelMessage(channel));
  const spec = bridgeContract[channel];
  const args = spec.args.safeParse(rawArgs);
  if (!args.success) return errorEnvelope(describeArgsError(channel, args.error));
  let value: unknown;
  try {
    const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>;
    value = await handler(...(args.data as unknown[]));
  } catch (error) {
    report?.(channel, error);
    return errorEnvelope(redact(error instanceof Error && error.message ? error.message : `${channel} failed unexpectedly.`));
  }
  // Only what the contract names crosses the bridge: unknown keys are dropped, a wrong shape is a bug.
  const result = spec.result.safeParse(value);
  if (!result.success) {
    report?.(channel, result.error);
    return errorEnvelope(`${channel} returned an answer Tether's window does not understand.`);
  }
  return okEnvelope(result.data);
}
