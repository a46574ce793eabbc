// One host, many clients: `tether serve` holds the engine; AI apps' `tether mcp` processes become
// pipes to it (reading no credentials), see switches at once, and hear plainly when it goes away.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { startTetherMcp, type TetherMcp } from '../../helpers/mcp-client.ts';
import { newProfile, tetherBin, type TetherProfile } from '../../helpers/run-tether.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const credentials = () => ({ CONFLUENCE_URL: sandbox.siteUrl, CONFLUENCE_EMAIL: sandbox.seed.alice.email, CONFLUENCE_API_TOKEN: sandbox.seed.alice.classicToken, TETHER_RATE_LIMIT_PER_MINUTE: '0' });
const HTTP_TOKEN = 'test-http-token-3f9a1c7e5b2d4a6f8e0c';

async function startHost(profile: TetherProfile): Promise<{ child: ChildProcessWithoutNullStreams; socketPath: string; httpUrl: string; output: () => string }> {
  // The token type is given, so the host makes no sign-in probe: every request it sends is a tool's.
  const child = spawn(process.execPath, [tetherBin, 'serve', '--http', '0'], { env: profile.env({ ...credentials(), CONFLUENCE_TOKEN_TYPE: 'classic', TETHER_HTTP_TOKEN: HTTP_TOKEN }) });
  let output = '';
  let httpUrl = '';
  const socketPath = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const found = /Tether serves MCP on (\S+)/.exec(output);
      httpUrl = /over HTTP at (\S+)/.exec(output)?.[1] ?? '';
      if (found && httpUrl) resolve(found[1]!);
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`tether serve exited (${code}): ${output}`)));
  });
  return { child, socketPath, httpUrl, output: () => output };
}

/** An MCP client over Streamable HTTP with the host's bearer token. */
async function httpClient(url: string): Promise<TetherMcp> {
  const client = new Client({ name: 'tether-test-http', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${HTTP_TOKEN}` } } }));
  return {
    client,
    stderr: () => '',
    async call(name, args = {}) {
      const result = await client.callTool({ name, arguments: args });
      const content = (result.content ?? []) as { type: string; text?: string }[];
      return { isError: result.isError === true, text: content.map((c) => c.text ?? '').join('\n') };
    },
    close: () => client.close(),
  };
}

const stopped = (child: ChildProcessWithoutNullStreams) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('tether serve and bridged clients', () => {
  let profile: TetherProfile;
  let host: Awaited<ReturnType<typeof startHost>>;
  let exchangesBefore = 0;
  beforeAll(async () => {
    profile = await newProfile();
    exchangesBefore = sandbox.exchanges.length;
    host = await startHost(profile);
  });
  afterAll(async () => {
    host.child.kill('SIGTERM');
    await stopped(host.child);
    // Every client's calls were served by the host and spent its one budget: all Atlassian requests of
    // this host (the sandbox saw them) are the ones its single rate limiter let through.
    const summary = /Served (\d+) tool calls; (\d+) Atlassian requests went through one request budget/.exec(host.output());
    console.log(`host summary: ${summary?.[0]}; sandbox saw ${sandbox.exchanges.length - exchangesBefore} requests from it`);
    expect(Number(summary?.[1])).toBeGreaterThanOrEqual(2000);
    expect(Number(summary?.[2])).toBe(sandbox.exchanges.length - exchangesBefore);
  });

  it('listens on an owner-only socket in an owner-only folder', async () => {
    expect(host.socketPath).toBe(path.join(profile.configDir, 'run', 'tether.sock'));
    expect((await stat(path.dirname(host.socketPath))).mode & 0o777).toBe(0o700);
    expect((await stat(host.socketPath)).mode & 0o777).toBe(0o600);
  });

  it('serves a bridged client that has no credentials of its own', async () => {
    const mcp = await startTetherMcp(profile.env({}));
    try {
      const result = await mcp.call('confluence_get_space', { space_key: 'ENG' });
      expect(result.isError, result.text).toBe(false);
      expect(JSON.parse(result.text).key).toBe('ENG');
    } finally {
      await mcp.close();
    }
  });

  it('tells every connected client at once when a switch changes in the settings file', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => startTetherMcp(profile.env({}))));
    try {
      const heard = clients.map(
        (mcp) => new Promise<void>((resolve) => mcp.client.setNotificationHandler('notifications/tools/list_changed', () => resolve())),
      );
      for (const mcp of clients) expect((await mcp.client.listTools()).tools.map((t) => t.name)).not.toContain('confluence_create_page');
      // What the window's "Allow changes" switch writes.
      await writeFile(path.join(profile.configDir, 'settings.json'), JSON.stringify({ version: 1, credentials: {}, writesEnabled: true }), { mode: 0o600 });
      await Promise.all(heard);
      for (const mcp of clients) expect((await mcp.client.listTools()).tools.map((t) => t.name)).toContain('confluence_create_page');
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await writeFile(path.join(profile.configDir, 'settings.json'), JSON.stringify({ version: 1, credentials: {} }), { mode: 0o600 });
    }
  });

  it('20 clients (bridged stdio and HTTP) × 100 calls: nothing lost, no answer crossed', async () => {
    const overHttp = (i: number) => i % 3 === 2;
    const clients: TetherMcp[] = await Promise.all(Array.from({ length: 20 }, (_, i) => (overHttp(i) ? httpClient(host.httpUrl) : startTetherMcp(profile.env({})))));
    const keys = [sandbox.seed.confluence.engSpaceKey, sandbox.seed.confluence.opsSpaceKey];
    let answered = 0;
    let crossed = 0;
    let failed = 0;
    try {
      await Promise.all(
        clients.map(async (mcp, c) => {
          for (let batch = 0; batch < 10; batch++) {
            await Promise.all(
              Array.from({ length: 10 }, async (_, i) => {
                const key = keys[(c + batch + i) % 2]!;
                const result = await mcp.call('confluence_get_space', { space_key: key });
                if (result.isError) failed++;
                else if (JSON.parse(result.text).key !== key) crossed++;
                else answered++;
              }),
            );
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    console.log(`20 clients (${clients.filter((_, i) => overHttp(i)).length} over HTTP, the rest bridged) × 100 calls through one host: ${answered} answered, ${failed} failed, ${crossed} crossed`);
    expect({ answered, failed, crossed }).toEqual({ answered: 2000, failed: 0, crossed: 0 });
  });
});

describe('when the host goes away', () => {
  it('answers the open request with a clear error, and the next tether mcp runs on its own', async () => {
    const profile = await newProfile();
    const host = await startHost(profile);
    const mcp = await startTetherMcp(profile.env(credentials()));
    sandbox.faults.add({ path: '/wiki/api/v2/spaces', latencyMs: 3000, times: 1 });
    const slow = mcp.call('confluence_list_spaces');
    await new Promise((resolve) => setTimeout(resolve, 300));
    host.child.kill('SIGKILL');
    await expect(slow).rejects.toThrow(/Tether's host \(the tray app or `tether serve`\) stopped: restart Tether/);
    await mcp.close().catch(() => undefined);
    sandbox.faults.clear();

    const alone = await startTetherMcp(profile.env(credentials()));
    try {
      const result = await alone.call('confluence_get_space', { space_key: 'ENG' });
      expect(result.isError, result.text).toBe(false);
    } finally {
      await alone.close();
    }
  });
});

describe('a standalone tether mcp', () => {
  it('watches the settings file and tells its client when a switch changes', async () => {
    const profile = await newProfile();
    const mcp = await startTetherMcp(profile.env(credentials()));
    try {
      const heard = new Promise<void>((resolve) => mcp.client.setNotificationHandler('notifications/tools/list_changed', () => resolve()));
      expect((await mcp.client.listTools()).tools.map((t) => t.name)).not.toContain('confluence_delete_page');
      await writeFile(path.join(profile.configDir, 'settings.json'), JSON.stringify({ version: 1, credentials: {}, writesEnabled: true }), { mode: 0o600 });
      await heard;
      expect((await mcp.client.listTools()).tools.map((t) => t.name)).toContain('confluence_delete_page');
    } finally {
      await mcp.close();
    }
  });
});
