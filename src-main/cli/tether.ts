#!/usr/bin/env node
// The `tether` command: the same engine as the tray app, without a window.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { reportAndExit, UsageError } from './cli-error.ts';

// AI clients start `tether mcp` often: V8's on-disk code cache roughly halves the start-up cost.
module.enableCompileCache?.();

const HELP = `Tether — Confluence and Jira for your AI assistant.

Usage: tether <command> [options]

  auth      sign in (API token, scoped token, Server/DC personal access token, or --oauth)
  status    show the credentials in use (--json for scripts, --check to test them live)
  logout    remove stored credentials
  mcp       serve Confluence and Jira to an AI client over stdio (what AI apps start)
  serve     run the host without the tray app: AI apps' \`tether mcp\` join it (--http PORT adds HTTP)
  demo      run a sandbox Atlassian site on this computer and try Tether against it
  export    add Tether to an AI app (Claude, Cursor, VS Code, …), or show its one-click link

Run \`tether <command> --help\` for a command's options.`;

const MIN_NODE = [22, 12];

async function main(argv: string[]): Promise<number> {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0]! || (major === MIN_NODE[0] && minor < MIN_NODE[1]!)) {
    throw new UsageError(`Tether needs Node.js 22.12 or newer and this is ${process.versions.node}: install a current Node.js (https://nodejs.org) and try again.`);
  }
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${TETHER_VERSION}\n`);
    return 0;
  }
  if (command === 'demo') {
    const { demoCommand } = await import('./commands/demo.ts');
    return demoCommand(rest);
  }
  if (command === 'export') {
    // Needs no credentials or settings: only the AI apps' files.
    const { exportCommand } = await import('./commands/export.ts');
    return exportCommand(rest);
  }
  if (command === 'mcp' && !rest.includes('--standalone') && !rest.includes('--help') && !rest.includes('-h')) {
    // With a host running (tray app or `tether serve`), be a pure pipe to it: no engine, no credentials.
    const { resolvePaths } = await import('../core/config/paths.ts');
    const socketPath = resolvePaths().socketPath;
    // No socket file, no host: skip loading the network stack (named pipes cannot be looked at, so Windows asks).
    if (process.platform === 'win32' || existsSync(socketPath)) {
      const { socketAnswers, bridgeStdioToSocket } = await import('../core/host/stdio-bridge.ts');
      if (await socketAnswers(socketPath)) return bridgeStdioToSocket(socketPath, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
    }
  }
  const { Engine } = await import('../core/host/engine.ts');
  const engine = await Engine.open();
  if (engine.settingsProblem) {
    const { describeSettingsProblem } = await import('../core/config/settings.ts');
    // stderr only: for `tether mcp`, stdout belongs to the protocol.
    process.stderr.write(`tether: ${describeSettingsProblem(engine.settingsProblem)}\n`);
  }
  switch (command) {
    case 'auth':
      return (await import('./commands/auth.ts')).authCommand(engine, rest);
    case 'status':
      return (await import('./commands/status.ts')).statusCommand(engine, rest);
    case 'mcp':
      return (await import('./commands/mcp.ts')).mcpCommand(engine, rest);
    case 'serve':
      return (await import('./commands/serve.ts')).serveCommand(engine, rest);
    case 'logout':
      return (await import('./commands/logout.ts')).logoutCommand(engine, rest);
    default:
      throw new UsageError(`"${command}" is not a tether command: run \`tether --help\` to see the commands.`);
  }
}

/** Settles when the command is done (the packaged app, which runs this in its own process, waits on it). */
export const finished = main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) reportAndExit(new UsageError(`${error.message}. Run \`tether --help\`.`));
    reportAndExit(error);
  },
);
