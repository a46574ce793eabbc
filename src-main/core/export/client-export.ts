// What the window and `tether export` do with one client: tell its state, show the entry, add or
// update it, take it out. All file work goes through the client's format (merge, never overwrite).
import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { ExportEnvironment } from './environment.ts';
import { readIfExists } from '../config/private-file.ts';
import { writeConfigText } from './safe-write.ts';
import type { ClientDefinition, ExportState, JsonObject, JsonValue, LaunchCommand } from './types.ts';

export interface ClientReport {
  id: ClientDefinition['id'];
  name: string;
  installed: boolean;
  state: ExportState;
  configPath: string;
}

export interface WriteResult {
  configPath: string;
  /** What happened: 'added' | 'updated' | 'unchanged' | 'removed' | 'absent'. */
  change: 'added' | 'updated' | 'unchanged' | 'removed' | 'absent';
  backup?: string;
}

export function isInstalled(client: ClientDefinition, env: ExportEnvironment): boolean {
  return client.installedMarkers(env).some((p) => existsSync(p)) || existsSync(client.configPath(env));
}

/** Tether's entry as it would be written now, keeping what the user tuned inside the app (userKeys). */
export function desiredEntry(client: ClientDefinition, launch: LaunchCommand, existing?: JsonValue): JsonObject {
  const entry = client.entry(launch);
  if (!isObject(existing)) return entry;
  for (const key of client.userKeys ?? []) if (key in entry && key in existing) entry[key] = existing[key]!;
  return entry;
}

export async function clientReport(client: ClientDefinition, launch: LaunchCommand, env: ExportEnvironment): Promise<ClientReport> {
  const configPath = client.configPath(env);
  const base = { id: client.id, name: client.name, configPath, installed: isInstalled(client, env) };
  const text = await readIfExists(configPath);
  const existing = text === undefined ? undefined : client.format.read(text, configPath, client.entryPath);
  if (existing === undefined) return { ...base, state: base.installed ? 'not-added' : 'not-installed' };
  return { ...base, state: isDeepStrictEqual(existing, desiredEntry(client, launch, existing)) ? 'added' : 'outdated' };
}

/** The file as it would be after adding Tether, without writing it. */
export async function previewWrite(client: ClientDefinition, launch: LaunchCommand, env: ExportEnvironment): Promise<{ configPath: string; entry: JsonObject; text: string }> {
  const configPath = client.configPath(env);
  const text = (await readIfExists(configPath)) ?? '';
  const existing = text === '' ? undefined : client.format.read(text, configPath, client.entryPath);
  const entry = desiredEntry(client, launch, existing);
  return { configPath, entry, text: client.format.set(text, configPath, client.entryPath, entry) };
}

export async function writeEntry(client: ClientDefinition, launch: LaunchCommand, env: ExportEnvironment): Promise<WriteResult> {
  const configPath = client.configPath(env);
  const text = await readIfExists(configPath);
  const existing = text === undefined ? undefined : client.format.read(text, configPath, client.entryPath);
  const entry = desiredEntry(client, launch, existing);
  if (existing !== undefined && isDeepStrictEqual(existing, entry)) return { configPath, change: 'unchanged' };
  const next = client.format.set(text ?? '', configPath, client.entryPath, entry);
  const backup = await writeConfigText(configPath, next, text);
  return { configPath, change: existing === undefined ? 'added' : 'updated', ...(backup ? { backup } : {}) };
}

export async function removeEntry(client: ClientDefinition, env: ExportEnvironment): Promise<WriteResult> {
  const configPath = client.configPath(env);
  const text = await readIfExists(configPath);
  if (text === undefined || client.format.read(text, configPath, client.entryPath) === undefined) return { configPath, change: 'absent' };
  const next = client.format.remove(text, configPath, client.entryPath);
  const backup = await writeConfigText(configPath, next, text);
  return { configPath, change: 'removed', ...(backup ? { backup } : {}) };
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
