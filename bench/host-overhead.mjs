// Per-call overhead through the host (issue: one host, many clients): the same tool call from a
// standalone `tether mcp`, from a `tether mcp` bridged to `tether serve`, and (when the host serves
// HTTP) over Streamable HTTP, run side by side; then the host's memory idle and after 10,000 calls.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { build } from 'esbuild';
import { summarize } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tether = path.join(root, 'dist/cli/tether.js');
const runs = Number(process.env.BENCH_RUNS ?? 300);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'tether-bench-host-'));

await build({ entryPoints: [path.join(root, 'src-main/sandbox/index.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: path.join(scratch, 'sandbox.mjs'), logLevel: 'warning' });
const { startSandbox } = await import(pathToFileURL(path.join(scratch, 'sandbox.mjs')).href);
const sandbox = await startSandbox();
const env = {
  PATH: process.env.PATH ?? '',
  TETHER_CONFIG_DIR: path.join(scratch, 'config'),
  TETHER_KEYCHAIN_SERVICE: 'tether-bench-host',
  CONFLUENCE_URL: sandbox.siteUrl,
  CONFLUENCE_EMAIL: sandbox.seed.alice.email,
  CONFLUENCE_API_TOKEN: sandbox.seed.alice.classicToken,
  TETHER_RATE_LIMIT_PER_MINUTE: '0',
  TETHER_HTTP_TOKEN: 'bench-http-token-0123456789abcdef',
};

async function connect(args) {
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [tether, ...args], env, stderr: 'ignore' }));
  return client;
}

const standalone = await connect(['mcp', '--standalone']);
const host = spawn(process.execPath, [tether, 'serve', '--http', '0'], { env });
let hostOut = '';
const ready = await new Promise((resolve) => {
  host.stdout.on('data', (d) => {
    hostOut += d;
    if (/serves MCP on/.test(hostOut) && (/over HTTP at/.test(hostOut) || /not in this build/.test(hostOut))) resolve(true);
  });
  host.stderr.on('data', (d) => {
    hostOut += d;
    if (/not in this build/.test(hostOut)) resolve(false);
  });
});
if (!ready) {
  host.kill();
  await new Promise((r) => setTimeout(r, 200));
}
const hostPid = ready ? host.pid : undefined;
const serveOnly = ready ? undefined : spawn(process.execPath, [tether, 'serve'], { env });
if (serveOnly) await new Promise((resolve) => serveOnly.stdout.on('data', (d) => /serves MCP on/.test(String(d)) && resolve()));
const pid = hostPid ?? serveOnly.pid;
const bridged = await connect(['mcp']);
let http;
const httpUrl = /over HTTP at (\S+)/.exec(hostOut)?.[1];
if (httpUrl) {
  const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  http = new Client({ name: 'bench', version: '1.0.0' });
  await http.connect(new StreamableHTTPClientTransport(new URL(httpUrl), { requestInit: { headers: { authorization: `Bearer ${env.TETHER_HTTP_TOKEN}` } } }));
}

const rss = () => Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim()) / 1024;
const variants = [['standalone tether mcp', standalone], ['tether mcp bridged to the host', bridged], ...(http ? [['Streamable HTTP to the host', http]] : [])];
const samples = Object.fromEntries(variants.map(([name]) => [name, []]));
const call = (client) => client.callTool({ name: 'confluence_get_space', arguments: { space_key: 'ENG' } });
for (let i = 0; i < 30 + runs; i++) {
  for (const [name, client] of variants) {
    const start = process.hrtime.bigint();
    const result = await call(client);
    if (result.isError) throw new Error(result.content[0].text);
    if (i >= 30) samples[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const base = summarize(samples['standalone tether mcp']);
console.log(`\nconfluence_get_space through each path, ${runs} calls each, interleaved (Node ${process.versions.node})`);
console.log('path'.padEnd(34), 'median ms'.padStart(10), 'p99 ms'.padStart(9), 'vs standalone'.padStart(15));
for (const [name] of variants) {
  const s = summarize(samples[name]);
  console.log(name.padEnd(34), s.median.toFixed(2).padStart(10), s.p99.toFixed(2).padStart(9), `${(s.median - base.median >= 0 ? '+' : '')}${(s.median - base.median).toFixed(2)} ms`.padStart(15));
}

// V8 lets the heap grow before it collects: growth that stops between the second and third
// 10,000 calls is the garbage collector's slack, growth that goes on is a leak.
const idle = rss();
const after = [];
for (let round = 0; round < 3; round++) {
  for (let i = 0; i < 10_000; i += 50) await Promise.all(Array.from({ length: 50 }, () => call(bridged)));
  await new Promise((r) => setTimeout(r, 500));
  after.push(rss());
}
console.log(`\nhost memory (RSS): idle ${idle.toFixed(1)} MB; after 10,000 / 20,000 / 30,000 bridged calls ${after.map((m) => m.toFixed(1)).join(' / ')} MB`);

for (const client of [standalone, bridged, http].filter(Boolean)) await client.close();
(serveOnly ?? host).kill('SIGTERM');
await sandbox.close();
rmSync(scratch, { recursive: true, force: true });
