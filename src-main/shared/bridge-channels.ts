// The Bridge's channel names, without zod: what the preload needs to refuse a channel that is not in
// the contract, at a few hundred bytes instead of zod's whole bundle. bridge.ts checks at compile
// time that this list and the contract name exactly the same channels.
export const BRIDGE_CHANNELS = [
  'status.get',
  'status.check',
  'settings.get',
  'settings.setWrites',
  'settings.setToolEnabled',
  'settings.setPaused',
  'settings.setLimits',
  'settings.setToolsetEnabled',
  'tools.list',
  'activity.recent',
  'auth.loginToken',
  'auth.logout',
  'auth.oauthPlan',
  'auth.oauthStart',
  'auth.oauthStatus',
  'auth.oauthChooseSite',
  'shell.openExternal',
  'host.info',
  'apps.list',
  'apps.add',
  'apps.remove',
] as const;
export type BridgeChannelName = (typeof BRIDGE_CHANNELS)[number];

export function isBridgeChannel(value: unknown): value is BridgeChannelName {
  return typeof value === 'string' && (BRIDGE_CHANNELS as readonly string[]).includes(value);
}

export function unknownChannelMessage(channel: unknown): string {
  return `Unknown bridge channel ${JSON.stringify(String(channel).slice(0, 60))}.`;
}
