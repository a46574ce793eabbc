// Every AI client Tether can add itself to, in the order the window and `tether export --list` show them.
import type { ClientDefinition, ClientId } from '../types.ts';
import { claudeCode } from './claude-code.ts';
import { claudeDesktop } from './claude-desktop.ts';
import { cline } from './cline.ts';
import { codex } from './codex.ts';
import { cursor } from './cursor.ts';
import { gemini } from './gemini.ts';
import { goose } from './goose.ts';
import { lmstudio } from './lmstudio.ts';
import { opencode } from './opencode.ts';
import { vscode } from './vscode.ts';
import { windsurf } from './windsurf.ts';
import { zed } from './zed.ts';

export const CLIENTS: readonly ClientDefinition[] = [claudeDesktop, claudeCode, cursor, vscode, windsurf, zed, cline, gemini, codex, opencode, lmstudio, goose];

export function findClient(id: string): ClientDefinition | undefined {
  return CLIENTS.find((c) => c.id === (id.toLowerCase() as ClientId));
}
