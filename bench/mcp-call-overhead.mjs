// Per-call overhead of confluence_get_page against a raw HTTP GET of the same sandbox page, run
// side by side (issue: Confluence over MCP). The MCP side is the SDK's client talking to a spawned
// `tether mcp` over stdio; the raw side is fetch with keep-alive. Overhead = MCP − raw.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { build } from 'esbuild';
import { summarize } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 300);
const warmup = 30;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'tether-bench-call-'));

// The sandbox is TypeScript: bundle it once for this run.
await build({ entryPoints: [path.join(root, 'src-main/sandbox/index.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: path.join(scratch, 'sandbox.mjs'), logLevel: 'warning' });
const { startSandbox } = await import(pathToFileURL(path.join(scratch, 'sandbox.mjs')).href);
const sandbox = await startSandbox();
const alice = sandbox.seed.alice;

const transport = new StdioClientTransport({
  command: process.execPath,
  args: [path.join(root, 'dist/cli/tether.js'), 'mcp'],
  env: { PATH: process.env.PATH ?? '', TETHER_CONFIG_DIR: scratch, CONFLUENCE_URL: sandbox.siteUrl, CONFLUENCE_EMAIL: alice.email, CONFLUENCE_API_TOKEN: alice.classicToken, TETHER_RATE_LIMIT_PER_MINUTE: '0' },
  stderr: 'ignore',
});
const client = new Client({ name: 'bench', version: '1.0.0' });
await client.connect(transport);
const auth = `Basic ${Buffer.from(`${alice.email}:${alice.classicToken}`).toString('base64')}`;

async function measure(pageId) {
  const raw = [];
  const mcp = [];
  const url = `${sandbox.siteUrl}/wiki/api/v2/pages/${pageId}?body-format=storage`;
  for (let i = 0; i < warmup + runs; i++) {
    let start = process.hrtime.bigint();
    const response = await fetch(url, { headers: { authorization: auth, accept: 'application/json' } });
    await response.json();
    const rawMs = Number(process.hrtime.bigint() - start) / 1e6;
    start = process.hrtime.bigint();
    const result = await client.callTool({ name: 'confluence_get_page', arguments: { page_id: pageId } });
    const mcpMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.isError) throw new Error(result.content[0].text);
    if (i >= warmup) {
      raw.push(rawMs);
      mcp.push(mcpMs);
    }
  }
  return { raw: summarize(raw), mcp: summarize(mcp), overhead: summarize(mcp.map((m, i) => m - raw[i])) };
}

const pages = [
  ['a normal page ("Release Process")', sandbox.seed.confluence.pages.releaseProcess],
  ['the large page (~200 KB storage, first 20 000-character piece)', sandbox.seed.confluence.largePageId],
];
console.log(`\nconfluence_get_page against a raw GET of the same page, ${runs} calls each, interleaved (Node ${process.versions.node})`);
console.log('page'.padEnd(66), 'raw median'.padStart(11), 'MCP median'.padStart(11), 'overhead median'.padStart(16), 'overhead p99'.padStart(13));
for (const [name, id] of pages) {
  const { raw, mcp, overhead } = await measure(id);
  console.log(name.padEnd(66), `${raw.median.toFixed(2)} ms`.padStart(11), `${mcp.median.toFixed(2)} ms`.padStart(11), `${overhead.median.toFixed(2)} ms`.padStart(16), `${overhead.p99.toFixed(2)} ms`.padStart(13));
}
await client.close();
await sandbox.close();
rmSync(scratch, { recursive: true, force: true });
