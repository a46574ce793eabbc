// What each Bridge channel does in the host: a thin call into the Engine. No Electron here, so the
// unit tests build this map with a fake engine.
import type { Engine } from '../../core/host/engine.ts';
import type { BridgeArgs, BridgeChannel, BridgeResult } from '../../shared/bridge.ts';

export type BridgeHandlers = {
  [C in BridgeChannel]: (...args: BridgeArgs<C>) => Promise<BridgeResult<C>>;
};

/** The part of the Engine the window uses. */
export type BridgeEngine = Pick<Engine, 'status' | 'verify'>;

export function createBridgeHandlers(engine: BridgeEngine): BridgeHandlers {
  return {
    'status.get': () => engine.status(),
    'status.check': (product) => engine.verify(product),
  };
}
