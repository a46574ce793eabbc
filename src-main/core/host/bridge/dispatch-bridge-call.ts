// The adapter-independent half of every Bridge call: the channel named by the contract, arguments
// validated against it, the handler, the result trimmed to the contract's shape, the envelope.
// The IPC adapter (src-main/app/ipc) and the HTTP adapter (ui-server.ts) put their own sender
// check in front of this and nothing else.
import { redact } from '../../log/redact.ts';
import { bridgeContract, describeArgsError, errorEnvelope, isBridgeChannel, okEnvelope, unknownChannelMessage, type BridgeChannel, type Envelope } from '../../../shared/bridge.ts';
import type { BridgeHandlers } from './bridge-handlers.ts';

/** Called with what went wrong unexpectedly (a thrown error, a result outside the contract), for the log. */
export type ReportUnexpected = (channel: BridgeChannel, error: unknown) => void;

export async function dispatchBridgeCall(handlers: BridgeHandlers, channel: unknown, rawArgs: unknown, report?: ReportUnexpected): Promise<Envelope<unknown>> {
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
