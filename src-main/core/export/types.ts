// The shapes the export engine speaks: which clients exist, how Tether is launched, and a client's state.
import type { ConfigFormat } from './formats/config-format.ts';
import type { ExportEnvironment } from './environment.ts';

export const CLIENT_IDS = ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'zed', 'cline', 'gemini', 'codex', 'opencode', 'lmstudio', 'goose'] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

/** How an AI app starts `tether mcp`: an absolute executable and its arguments, nothing from PATH. */
export interface LaunchCommand {
  command: string;
  args: string[];
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** not-installed: no trace of the app; not-added: no Tether entry; outdated: the entry differs from what Tether writes now. */
export type ExportState = 'not-installed' | 'not-added' | 'added' | 'outdated';

/** A link the user clicks, or a command they paste into a terminal. */
export interface OneClickRoute {
  kind: 'link' | 'command';
  text: string;
  note?: string;
}

export interface ClientDefinition {
  id: ClientId;
  name: string;
  /** The file Tether edits. */
  configPath(env: ExportEnvironment): string;
  /** Paths whose existence means the app is (or was) installed. */
  installedMarkers(env: ExportEnvironment): string[];
  format: ConfigFormat;
  /** Where Tether's entry lives inside the file, e.g. ['mcpServers', 'tether']. */
  entryPath: string[];
  entry(launch: LaunchCommand): JsonObject;
  /** Keys the user may change inside the app (enabled, autoApprove…): kept on update, ignored by "outdated". */
  userKeys?: string[];
  oneClick?(launch: LaunchCommand, env: ExportEnvironment): OneClickRoute[];
  /** What the user does after a file edit for the app to see it. */
  afterWrite: string;
}
