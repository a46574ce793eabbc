// Starts `tether serve --ui` (the built CLI, a fresh profile, no credentials) and headless Chromium
// (Debian's, through playwright-core: no browser download) for the window's browser tests.
import type { TetherMcp } from '../../helpers/mcp-client.ts';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot, tetherBin, type TetherProfile } from '../../helpers/run-tether.ts';

export const CHROMIUM = process.env.TETHER_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(repoRoot, 'test-results', 'window');

export interface UiHost {
  child: ChildProcessWithoutNullStreams;
  url: string;
  socketPath: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startUiHost(profile: TetherProfile, env: Record<string, string>): Promise<UiHost> {
  const child = spawn(process.execPath, [tetherBin, 'serve', '--ui'], { env: profile.env(env) });
  let output = '';
  const found = await new Promise<{ url: string; socketPath: string }>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /Tether's window: (\S+)/.exec(output)?.[1];
      const socketPath = /Tether serves MCP on (\S+)/.exec(output)?.[1];
      if (url && socketPath) resolve({ url, socketPath });
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`tether serve --ui exited (${code}): ${output}`)));
  });
  return {
    child,
    ...found,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--password-store=basic'] });
}

/** The built window's weight as a browser downloads it: every file of dist/renderer, gzipped one by one. */
export function rendererGzipBytes(): { raw: number; gzip: number } {
  const dir = path.join(repoRoot, 'dist', 'renderer');
  let raw = 0;
  let gzip = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const body = readFileSync(path.join(entry.parentPath, entry.name));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

export const listed = async (client: TetherMcp) => (await client.client.listTools()).tools.map((t) => t.name);

/**
 * Resolves with the tool list once a tools/list_changed the client hears is followed by a list that
 * passes `expected`. Earlier notices (the settings-file watcher echoes each save) may arrive first:
 * each one is answered by listing again, as a client does.
 */
export function listChangedUntil(client: TetherMcp, expected: (names: string[]) => boolean, timeoutMs = 10_000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no tools/list_changed led to the expected tool list')), timeoutMs);
    client.client.setNotificationHandler('notifications/tools/list_changed', async () => {
      const names = await listed(client);
      if (expected(names)) {
        clearTimeout(timer);
        resolve(names);
      }
    });
  });
}
