// Runs `refresh` when the host pushes one of the named notices (bridge-events.ts). Without pushes
// (an adapter that has none) nothing happens, and the panel's own Refresh still works. One
// subscription per panel: the latest `refresh` is read through a ref, not re-subscribed per render.
import { useEffect, useRef } from 'react';
import type { BridgeEventName } from '../../src-main/shared/bridge-events.ts';
import type { Bridge } from '../../src-main/shared/bridge.ts';

export function useBridgeEvent(bridge: Bridge, names: readonly BridgeEventName[], refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  const key = names.join(',');
  useEffect(() => {
    if (!bridge.subscribe) return undefined;
    const wanted = key.split(',');
    return bridge.subscribe((event) => {
      if (wanted.includes(event.name)) latest.current();
    });
  }, [bridge, key]);
}
