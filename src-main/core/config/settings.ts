// The one settings file: zod-validated, written atomically, never silently replaced when corrupt.
import fs from 'node:fs/promises';
import { z } from 'zod';
import { productSchema, tokenTypeSchema } from '../../shared/status.ts';
import type { TetherPaths } from './paths.ts';
import { readIfExists, writePrivateFile } from './private-file.ts';

/** The non-secret half of a stored credential; the secret sits in the store under `account`. */
export const credentialIndexEntrySchema = z.object({
  site: z.string().url(),
  email: z.string().optional(),
  tokenType: tokenTypeSchema,
  cloudId: z.string().optional(),
  store: z.enum(['keychain', 'file']),
  account: z.string().min(1),
  storedAt: z.string().datetime(),
  sslVerify: z.boolean().default(true),
});
export type CredentialIndexEntry = z.infer<typeof credentialIndexEntrySchema>;

// Loose objects keep keys a newer Tether wrote, so an older one does not drop them on save.
export const settingsSchema = z.looseObject({
  version: z.literal(1).default(1),
  credentials: z.partialRecord(productSchema, credentialIndexEntrySchema).default({}),
  /** The window's "Allow changes" switch; environment variables override it. */
  writesEnabled: z.boolean().optional(),
  disabledTools: z.array(z.string()).optional(),
  toolsets: z.array(z.string()).optional(),
  confluenceSpaces: z.array(z.string()).optional(),
  jiraProjects: z.array(z.string()).optional(),
  rateLimitPerMinute: z.number().int().min(0).optional(),
  /** The tray's "Pause": no tool is offered or runs until it is resumed. */
  paused: z.boolean().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export interface SettingsProblem {
  file: string;
  movedTo: string;
  detail: string;
}

export interface LoadedSettings {
  settings: Settings;
  problem?: SettingsProblem;
}

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

export async function loadSettings(paths: TetherPaths): Promise<LoadedSettings> {
  const text = await readIfExists(paths.settingsFile);
  if (text === undefined) return { settings: defaultSettings() };
  let detail: string;
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { settings: parsed.data };
    detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`).join('; ');
  } catch (error) {
    detail = `not valid JSON (${(error as Error).message})`;
  }
  const movedTo = `${paths.settingsFile}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await fs.rename(paths.settingsFile, movedTo);
  return { settings: defaultSettings(), problem: { file: paths.settingsFile, movedTo, detail } };
}

export async function saveSettings(paths: TetherPaths, settings: Settings): Promise<void> {
  const valid = settingsSchema.parse(settings);
  await writePrivateFile(paths.settingsFile, `${JSON.stringify(valid, null, 2)}\n`);
}

export function describeSettingsProblem(problem: SettingsProblem): string {
  return `The settings file ${problem.file} could not be read (${problem.detail}); it was moved to ${problem.movedTo} and Tether started from defaults. Run \`tether auth\` to sign in again, or fix and move the file back.`;
}
