// How AI apps start `tether mcp` when the tray app adds Tether to them. Packaged: the app's own
// executable in CLI mode. From a checkout (`npm start`): Electron's binary is no Node, so the built
// CLI next to dist/app runs under the Node.js that started the build, or the first one on PATH.
import { app } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { appLaunchCommand, nodeLaunchCommand } from '../core/export/launch-command.ts';
import type { LaunchCommand } from '../core/export/types.ts';

/** The argument that puts the packaged executable in CLI mode (`Tether --cli mcp`). */
export const CLI_MODE_ARG = '--cli';

export function trayLaunchCommand(appDir: string): LaunchCommand | undefined {
  if (app.isPackaged) return appLaunchCommand(process.execPath, [CLI_MODE_ARG]);
  const node = findNode();
  return node ? nodeLaunchCommand(path.join(appDir, '..', 'cli', 'tether.js'), node) : undefined;
}

/** An absolute Node.js: apps started from the Dock or Start menu do not have the shell's PATH. */
function findNode(): string | undefined {
  const exe = process.platform === 'win32' ? 'node.exe' : 'node';
  const candidates = [process.env.npm_node_execpath, ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, exe))];
  return candidates.find((file): file is string => !!file && path.isAbsolute(file) && existsSync(file));
}
