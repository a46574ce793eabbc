// jira_search over every DATA issue of the sandbox (all pages), against the raw paged HTTP calls
// that fetch the same issues, run side by side (issue: Jira over MCP). The MCP side is the SDK's
// client talking to a spawned `tether mcp`; it pages with next_page_token as a model would.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { build } from 'esbuild';
import { summarize } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 20);
const warmup = 3;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'tether-bench-jira-'));

await build({ entryPoints: [path.join(root, 'src-main/sandbox/index.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: path.join(scratch, 'sandbox.mjs'), logLevel: 'warning' });
const { startSandbox } = await import(pathToFileURL(path.join(scratch, 'sandbox.mjs')).href);
const sandbox = await startSandbox();
const alice = sandbox.seed.alice;
const jql = 'project = DATA ORDER BY key ASC';
const fields = 'summary,status,assignee,reporter,priority,issuetype,labels,created,updated';

const transport = new StdioClientTransport({
  command: process.execPath,
  args: [path.join(root, 'dist/cli/tether.js'), 'mcp'],
  env: { PATH: process.env.PATH ?? '', TETHER_CONFIG_DIR: scratch, JIRA_URL: sandbox.siteUrl, JIRA_USERNAME: alice.email, JIRA_API_TOKEN: alice.classicToken, TETHER_RATE_LIMIT_PER_MINUTE: '0' },
  stderr: 'ignore',
});
const client = new Client({ name: 'bench', version: '1.0.0' });
await client.connect(transport);
const auth = `Basic ${Buffer.from(`${alice.email}:${alice.classicToken}`).toString('base64')}`;

async function raw() {
  let count = 0;
  let token;
  do {
    const url = new URL(`${sandbox.siteUrl}/rest/api/3/search/jql`);
    url.search = new URLSearchParams({ jql, fields, maxResults: '100', ...(token ? { nextPageToken: token } : {}) }).toString();
    const page = await (await fetch(url, { headers: { authorization: auth, accept: 'application/json' } })).json();
    count += page.issues.length;
    token = page.isLast ? undefined : page.nextPageToken;
  } while (token);
  return count;
}

async function viaMcp() {
  let count = 0;
  let token;
  do {
    const result = await client.callTool({ name: 'jira_search', arguments: { jql, fields, limit: 100, ...(token ? { page_token: token } : {}) } });
    if (result.isError) throw new Error(result.content[0].text);
    const page = JSON.parse(result.content[0].text);
    count += page.issues.length;
    token = page.next_page_token;
  } while (token);
  return count;
}

const samples = { raw: [], mcp: [] };
let issues = 0;
for (let i = 0; i < warmup + runs; i++) {
  let start = process.hrtime.bigint();
  issues = await raw();
  const rawMs = Number(process.hrtime.bigint() - start) / 1e6;
  start = process.hrtime.bigint();
  const seen = await viaMcp();
  const mcpMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (seen !== issues) throw new Error(`jira_search saw ${seen} issues, the raw calls ${issues}`);
  if (i >= warmup) {
    samples.raw.push(rawMs);
    samples.mcp.push(mcpMs);
  }
}
const r = summarize(samples.raw);
const m = summarize(samples.mcp);
console.log(`\njira_search over all ${issues} DATA issues (pages of 100) against the raw paged calls, ${runs} runs each, interleaved (Node ${process.versions.node})`);
console.log('variant'.padEnd(34), 'median ms'.padStart(10), 'p90 ms'.padStart(9), '× raw'.padStart(8));
console.log('raw GET /rest/api/3/search/jql'.padEnd(34), r.median.toFixed(1).padStart(10), r.p90.toFixed(1).padStart(9), '1.00'.padStart(8));
console.log('jira_search through tether mcp'.padEnd(34), m.median.toFixed(1).padStart(10), m.p90.toFixed(1).padStart(9), (m.median / r.median).toFixed(2).padStart(8));
await client.close();
await sandbox.close();
rmSync(scratch, { recursive: true, force: true });
