// Building blocks of the one-click routes: base64 config links and terminal commands quoted for the
// user's shell (POSIX single quotes, or Windows double quotes).
import type { ExportEnvironment } from './environment.ts';
import type { JsonObject, LaunchCommand } from './types.ts';

export const SERVER_NAME = 'tether';

export function base64Json(value: JsonObject): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
}

export function shellQuote(arg: string, env: ExportEnvironment): string {
  if (/^[A-Za-z0-9_./:=@+-]+$/.test(arg)) return arg;
  if (env.platform === 'win32') return `"${arg.replace(/"/g, '\\"')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(parts: string[], env: ExportEnvironment): string {
  return parts.map((p) => shellQuote(p, env)).join(' ');
}

export function launchParts(launch: LaunchCommand): string[] {
  return [launch.command, ...launch.args];
}

/** {command, args}: the entry shape Claude Desktop, Cursor, Windsurf, Gemini and LM Studio share. */
export function stdioEntry(launch: LaunchCommand): JsonObject {
  return { command: launch.command, args: [...launch.args] };
}
