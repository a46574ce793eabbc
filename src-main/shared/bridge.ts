// The Bridge: the one typed contract between the window (src-renderer) and the process that hosts
// the Engine. Each channel names its arguments (a zod tuple) and its result (a zod schema); main
// validates every call against it, and every answer travels in an Envelope. Two adapters carry it:
// Electron IPC (the tray app) and loopback HTTP (`tether serve --ui`). The renderer cannot
// tell which one it has. Pure TS + zod: the renderer and the preload import this file.
import { z } from 'zod';
import { appChangeSchema, appIdSchema, appInfoSchema } from './apps-schemas.ts';
import { BRIDGE_CHANNELS, type BridgeChannelName } from './bridge-channels.ts';
import type { BridgeEvent } from './bridge-events.ts';
import { oauthPlanInputSchema, oauthPlanSchema, oauthStartedSchema, oauthStartInputSchema, oauthStatusSchema, openedSchema } from './oauth-schemas.ts';
import { activityEntrySchema, limitsSchema, hostInfoSchema, loginOutcomeSchema, removedCredentialSchema, tokenLoginSchema, toolInfoSchema, windowSettingsSchema } from './bridge-schemas.ts';
import { productSchema, scopeReportSchema, statusReportSchema, tokenTypeSchema } from './status.ts';

/** Who a credential belongs to, as far as Atlassian told us. */
export const accountSummarySchema = z.object({
  displayName: z.string().optional(),
  email: z.string().optional(),
  accountId: z.string().optional(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/** The answer to "Check connection": a real call to the product with the stored credential. */
export const connectionCheckSchema = z.object({
  product: productSchema,
  ok: z.boolean(),
  tokenType: tokenTypeSchema.optional(),
  apiBaseUrl: z.string().optional(),
  account: accountSummarySchema.optional(),
  /** Why the check failed, in one sentence, when ok is false. */
  problem: z.string().optional(),
  /** Scoped API tokens: the recommended scopes, each tried with one harmless read. */
  scopes: scopeReportSchema.optional(),
});
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

interface ChannelSpec {
  args: z.ZodTuple;
  result: z.ZodType;
}

export const bridgeContract = {
  /** Everything the status panel shows, for both products. Reads local state only: no network. */
  'status.get': { args: z.tuple([]), result: statusReportSchema },
  /** Proves one product's credential with a real call (and detects the token type on the way). */
  'status.check': { args: z.tuple([productSchema]), result: connectionCheckSchema },
  /** The switches as saved (writes, disabled tools, toolsets, space and project limits). */
  'settings.get': { args: z.tuple([]), result: windowSettingsSchema },
  /** "Allow changes": on lets AI apps create, edit and delete; every connected client is told at once. */
  'settings.setWrites': { args: z.tuple([z.boolean()]), result: windowSettingsSchema },
  /** One tool's switch (by tool name). */
  'settings.setToolEnabled': { args: z.tuple([z.string().min(1).max(100), z.boolean()]), result: windowSettingsSchema },
  /** "Pause Tether": on, clients see no tools and every call answers how to resume. */
  'settings.setPaused': { args: z.tuple([z.boolean()]), result: windowSettingsSchema },
  /** Confluence space and Jira project keys the tools may touch; a list left out stays, an empty one lifts the limit. */
  'settings.setLimits': { args: z.tuple([limitsSchema]), result: windowSettingsSchema },
  /** A whole toolset's switch (by toolset name, e.g. "confluence_pages"). */
  'settings.setToolsetEnabled': { args: z.tuple([z.string().min(1).max(100), z.boolean()]), result: windowSettingsSchema },
  /** Every tool Tether has, with its switch and whether clients see it now. */
  'tools.list': { args: z.tuple([]), result: z.array(toolInfoSchema) },
  /** The last tool calls (never their arguments). */
  'activity.recent': { args: z.tuple([]), result: z.array(activityEntrySchema) },
  /** Signs in with an API token or personal access token: verified with a real call, then stored. */
  'auth.loginToken': { args: z.tuple([tokenLoginSchema]), result: loginOutcomeSchema },
  /** Forgets the stored credentials (keychain or file) of these products; environment credentials stay. */
  'auth.logout': { args: z.tuple([z.array(productSchema).min(1).max(2)]), result: z.array(removedCredentialSchema) },
  /** The scopes and callback URL the user's OAuth app needs (before any secret is typed). */
  'auth.oauthPlan': { args: z.tuple([oauthPlanInputSchema]), result: oauthPlanSchema },
  /** Starts the OAuth sign-in in the host; answers as soon as the address to open is known. */
  'auth.oauthStart': { args: z.tuple([oauthStartInputSchema]), result: oauthStartedSchema },
  /** Where the OAuth sign-in is: waiting for the browser, a site to choose, connected, failed. */
  'auth.oauthStatus': { args: z.tuple([]), result: oauthStatusSchema },
  /** The site to use when the sign-in reaches several (by cloudId). */
  'auth.oauthChooseSite': { args: z.tuple([z.string().min(1).max(100)]), result: oauthStatusSchema },
  /** Opens an http(s) address on the authorization server in the user's browser; opened:false where the host cannot (the HTTP window opens it itself). */
  'shell.openExternal': { args: z.tuple([z.string().max(4000)]), result: openedSchema },
  /** Where the host listens and how many MCP sessions it serves. */
  'host.info': { args: z.tuple([]), result: hostInfoSchema },
  /** Every AI app Tether can add itself to: installed?, Tether added?, its file, its one-click routes. */
  'apps.list': { args: z.tuple([]), result: z.array(appInfoSchema) },
  /** Adds Tether's entry to the app's file, or updates an outdated one (merged, a backup kept). */
  'apps.add': { args: z.tuple([appIdSchema]), result: appChangeSchema },
  /** Takes Tether's entry out of the app's file, leaving everything else as it was. */
  'apps.remove': { args: z.tuple([appIdSchema]), result: appChangeSchema },
  // `satisfies` with the zod-free list (bridge-channels.ts): a channel missing here, or one the list
  // lacks, is a compile error, so the preload and the contract cannot drift apart.
} as const satisfies Record<BridgeChannelName, ChannelSpec>;

export type BridgeContract = typeof bridgeContract;
export type BridgeChannel = keyof BridgeContract;
export type BridgeArgs<C extends BridgeChannel> = z.infer<BridgeContract[C]['args']>;
export type BridgeResult<C extends BridgeChannel> = z.infer<BridgeContract[C]['result']>;

/** Every answer crosses the bridge in one of these two shapes; errors are one sentence, never a stack. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Bridge {
  invoke<C extends BridgeChannel>(channel: C, ...args: BridgeArgs<C>): Promise<Envelope<BridgeResult<C>>>;
  /** Pushed notices (bridge-events.ts); returns the unsubscribe. Optional: without it the window polls. */
  subscribe?(listener: (event: BridgeEvent) => void): () => void;
}

export * from './apps-schemas.ts';
export * from './bridge-schemas.ts';
export * from './oauth-schemas.ts';

export const bridgeChannels: readonly BridgeChannel[] = BRIDGE_CHANNELS;
export { isBridgeChannel, unknownChannelMessage } from './bridge-channels.ts';

export function okEnvelope<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function errorEnvelope<T = never>(error: string): Envelope<T> {
  return { ok: false, error };
}

/** The schema of a channel's envelope, for adapters that receive untrusted JSON (the HTTP adapter). */
export function envelopeSchema<C extends BridgeChannel>(channel: C) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: bridgeContract[channel].result }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]);
}

/** A zod failure as one readable sentence: "status.check: argument 1: Invalid option: expected one of …". */
export function describeArgsError(channel: BridgeChannel, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const where = typeof index === 'number' ? `argument ${index + 1}${rest.length ? ` (${rest.map(String).join('.')})` : ''}` : 'arguments';
    return `${where}: ${issue.message}`;
  });
  return `${channel}: ${parts.join('; ')}`;
}
