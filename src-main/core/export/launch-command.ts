// The command an AI app runs to start Tether. Always absolute: apps started from the Dock or Start menu
// do not inherit the shell's PATH.
import path from 'node:path';
import type { LaunchCommand } from './types.ts';

/** Running from source or an npm install: this Node executable runs the built CLI (dist/cli/tether.js). */
export function nodeLaunchCommand(cliScript: string, nodeExecutable: string = process.execPath): LaunchCommand {
  if (!path.isAbsolute(cliScript) && !path.win32.isAbsolute(cliScript)) throw new Error(`the CLI script path must be absolute, got "${cliScript}"`);
  return { command: nodeExecutable, args: [cliScript, 'mcp'] };
}

/** Packaged app: the tray shell passes its own executable and the arguments that put it in CLI mode. */
export function appLaunchCommand(appExecutable: string, cliModeArgs: string[] = []): LaunchCommand {
  return { command: appExecutable, args: [...cliModeArgs, 'mcp'] };
}
