// What the "Connect to AI apps" panel exchanges with the host: each AI app's state, and what adding
// or removing Tether did. Pure zod, so the renderer may import it. No secret ever appears here:
// Tether's entry only names the command that starts `tether mcp`.
import { z } from 'zod';

/** A link the user opens, or a command they paste into a terminal, that adds Tether in one step. */
export const oneClickSchema = z.object({ kind: z.enum(['link', 'command']), text: z.string(), note: z.string().optional() });
export type OneClick = z.infer<typeof oneClickSchema>;

/** broken: the app's file does not parse, so Tether will not touch it (problem says where). */
export const appStatusSchema = z.enum(['not-installed', 'not-added', 'added', 'outdated', 'broken']);
export type AppStatus = z.infer<typeof appStatusSchema>;

export const appInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  installed: z.boolean(),
  status: appStatusSchema,
  configPath: z.string(),
  problem: z.string().optional(),
  oneClick: z.array(oneClickSchema).optional(),
  /** What the user does after a file edit for the app to see it, e.g. "Quit Claude Desktop … open it again." */
  afterWrite: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appChangeSchema = z.object({
  change: z.enum(['added', 'updated', 'unchanged', 'removed', 'absent']),
  configPath: z.string(),
  /** The copy of the file as it was before the edit, kept next to it. */
  backup: z.string().optional(),
  nextStep: z.string(),
});
export type AppChange = z.infer<typeof appChangeSchema>;

/** An app's id as the window sends it; the host checks it names an app Tether knows. */
export const appIdSchema = z.string().min(1).max(40);
