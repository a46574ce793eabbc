// The shapes the window's switches, tool list, activity list, sign-in and host panel exchange with
// the host. Pure zod, so the renderer may import it (bridge.ts names them per channel).
import { z } from 'zod';
import { productSchema, tokenTypeSchema } from './status.ts';

/** The switches the window shows: the settings file's values (environment overrides are reported by tools.list). */
export const windowSettingsSchema = z.object({
  writesEnabled: z.boolean(),
  /** Where "Allow changes" comes from: "settings", or the environment variable that overrides it. */
  writesSource: z.string(),
  /** "Pause Tether": clients see no tools at all. */
  paused: z.boolean(),
  disabledTools: z.array(z.string()),
  toolsets: z.array(z.string()).nullable(),
  confluenceSpaces: z.array(z.string()).nullable(),
  jiraProjects: z.array(z.string()).nullable(),
});
export type WindowSettings = z.infer<typeof windowSettingsSchema>;

/** The space/project limits the Permissions view saves: keys, upper-cased by the host; [] = no limit. */
export const limitsSchema = z.object({
  confluenceSpaces: z.array(z.string().trim().max(255)).max(200).optional(),
  jiraProjects: z.array(z.string().trim().max(255)).max(200).optional(),
});
export type Limits = z.infer<typeof limitsSchema>;

export const toolInfoSchema = z.object({
  name: z.string(),
  title: z.string(),
  product: productSchema,
  toolset: z.string(),
  access: z.enum(['read', 'write']),
  /** The user's own switch for this tool (and its toolset). */
  enabled: z.boolean(),
  /** In a client's tools/list right now (switch, writes, sign-in all allow it). */
  listed: z.boolean(),
});
export type ToolInfo = z.infer<typeof toolInfoSchema>;

export const activityEntrySchema = z.object({
  at: z.string(),
  client: z.string(),
  tool: z.string(),
  outcome: z.enum(['ok', 'refused', 'failed']),
  ms: z.number(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

/** The API-token sign-in the Setup view sends. The token goes in, and never comes back out. */
export const tokenLoginSchema = z.object({
  site: z.string().trim().min(1, 'give the site address'),
  email: z.string().trim().optional(),
  token: z.string().min(1, 'give the token'),
  kind: z.enum(['api_token', 'pat']),
  products: z.array(productSchema).min(1, 'choose Confluence, Jira or both'),
});
export type TokenLogin = z.infer<typeof tokenLoginSchema>;

export const loginOutcomeSchema = z.object({
  products: z.array(productSchema),
  site: z.string(),
  tokenType: tokenTypeSchema,
  account: z.object({ displayName: z.string().optional(), email: z.string().optional(), accountId: z.string().optional() }),
});
export type LoginOutcome = z.infer<typeof loginOutcomeSchema>;

/** One credential `auth.logout` removed: which, for which site, and where it was kept. Never the secret. */
export const removedCredentialSchema = z.object({
  product: productSchema,
  site: z.string(),
  /** "keychain (Secret Service)" or the credentials file's path. */
  where: z.string(),
});
export type RemovedCredentialInfo = z.infer<typeof removedCredentialSchema>;

export const hostInfoSchema = z.object({
  socketPath: z.string().nullable(),
  httpUrl: z.string().nullable(),
  sessions: z.number().int(),
});
export type HostInfo = z.infer<typeof hostInfoSchema>;
