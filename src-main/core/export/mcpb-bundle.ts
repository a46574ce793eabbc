// Claude Desktop's one-click route: an MCP Bundle (.mcpb, manifest_version 0.3) that it installs on
// double-click. Tether's bundle holds no server code and no secret: its manifest starts this
// computer's Tether (`tether mcp` by absolute path), and a small launcher inside does the same for
// hosts that run the entry point themselves.
import { writeFile } from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';
import type { LaunchCommand } from './types.ts';

export interface BundleManifest {
  manifest_version: '0.3';
  name: string;
  display_name: string;
  version: string;
  description: string;
  long_description: string;
  author: { name: string; url?: string };
  homepage?: string;
  server: { type: 'node'; entry_point: string; mcp_config: { command: string; args: string[]; env: Record<string, string> } };
  keywords: string[];
  license: string;
  compatibility: { platforms: ('darwin' | 'win32' | 'linux')[] };
}

const LAUNCHER = 'server/launch-tether.js';

export function bundleManifest(launch: LaunchCommand, version: string): BundleManifest {
  return {
    manifest_version: '0.3',
    name: 'tether',
    display_name: 'Tether — Confluence and Jira',
    version,
    description: 'Confluence and Jira for Claude, through the Tether app on this computer.',
    long_description: 'Starts the Tether installed on this computer (`tether mcp`). Sign-in, the "Allow changes" switch and the space and project limits live in Tether; this bundle holds no credentials.',
    author: { name: 'Tether' },
    server: { type: 'node', entry_point: LAUNCHER, mcp_config: { command: launch.command, args: launch.args, env: {} } },
    keywords: ['confluence', 'jira', 'atlassian'],
    license: 'MIT',
    compatibility: { platforms: [process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux'] },
  };
}

/** The launcher: runs the same command, passing stdio through, and exits with it. */
function launcherSource(launch: LaunchCommand): string {
  return `// Starts the Tether installed on this computer; written by \`tether export claude-desktop --bundle\`.
const { spawn } = require('node:child_process');
const child = spawn(${JSON.stringify(launch.command)}, ${JSON.stringify(launch.args)}, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
child.on('error', (error) => { console.error('Tether could not start: ' + error.message + ' (is Tether still installed?)'); process.exit(1); });
`;
}

export function buildBundle(launch: LaunchCommand, version: string): Uint8Array {
  const manifest = bundleManifest(launch, version);
  return zipSync({ 'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`), [LAUNCHER]: strToU8(launcherSource(launch)) });
}

export async function writeBundle(file: string, launch: LaunchCommand, version: string): Promise<void> {
  await writeFile(file, buildBundle(launch, version));
}
