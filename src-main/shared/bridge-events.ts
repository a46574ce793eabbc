// What the host tells the window without being asked: that the status changed (a sign-in, a
// switch, a limit) or that a tool call happened. Events are notices, not data: the window fetches
// what it shows through the Bridge's channels, so there is one source of truth. Zod-free, so the
// preload can check names.
export const BRIDGE_EVENTS = ['status.changed', 'activity.added'] as const;
export type BridgeEventName = (typeof BRIDGE_EVENTS)[number];

export interface BridgeEvent {
  name: BridgeEventName;
}

export function isBridgeEvent(value: unknown): value is BridgeEvent {
  return typeof value === 'object' && value !== null && (BRIDGE_EVENTS as readonly unknown[]).includes((value as { name?: unknown }).name);
}

/** The IPC channel events travel on in the tray app. */
export const BRIDGE_EVENT_CHANNEL = 'tether:event';
