// Cold start of `tether mcp` to its first tools/list answer, against `node -e 0`, run side by side
// (issue: Confluence over MCP). The client writes initialize, initialized and tools/list at once,
// as AI apps do, and the clock stops when the tools/list answer arrives on stdout.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, summarize } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tether = path.join(root, 'dist', 'cli', 'tether.js');
const runs = Number(process.env.BENCH_RUNS ?? 30);
const warmup = 3;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'tether-bench-mcp-'));
const env = { ...process.env, TETHER_CONFIG_DIR: scratch, TETHER_KEYCHAIN_SERVICE: 'tether-bench', CONFLUENCE_URL: 'https://acme.atlassian.net', CONFLUENCE_EMAIL: 'me@acme.com', CONFLUENCE_API_TOKEN: 'bench-placeholder-not-a-credential' };

const handshake = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
].map((m) => `${JSON.stringify(m)}\n`).join('');

function timeProcess(args, untilToolsList) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'ignore'] });
    const done = (tools) => {
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, tools });
      child.kill();
    };
    let out = '';
    child.on('error', reject);
    if (untilToolsList) {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        for (const line of out.split('\n')) {
          if (!line.includes('"id":2')) continue;
          const tools = JSON.parse(line).result?.tools?.length;
          if (!tools) reject(new Error(`tools/list failed: ${line.slice(0, 300)}`));
          done(tools);
        }
      });
      child.stdin.end(handshake);
    } else {
      child.stdin.end();
      child.on('exit', () => done(0));
    }
  });
}

const variants = [
  { name: 'node -e 0', args: ['-e', '0'], untilToolsList: false },
  { name: 'tether mcp → first tools/list', args: [tether, 'mcp'], untilToolsList: true },
];
const samples = Object.fromEntries(variants.map((v) => [v.name, []]));
let toolCount = 0;
for (let i = 0; i < warmup + runs; i++) {
  for (const v of variants) {
    const { ms, tools } = await timeProcess(v.args, v.untilToolsList);
    if (tools) toolCount = tools;
    if (i >= warmup) samples[v.name].push(ms);
  }
}
const stats = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summarize(s)]));
printTable(`MCP cold start, ${runs} runs each, interleaved (Node ${process.versions.node}); ${toolCount} tools listed (reads only: writes are off)`, stats, 'node -e 0');
rmSync(scratch, { recursive: true, force: true });
