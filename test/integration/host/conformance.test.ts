// Outside conformance: the MCP project's own conformance CLI (pinned in devDependencies) runs its
// server scenarios against the loopback HTTP endpoint. The CLI has no option for headers, so a
// test-only proxy adds the bearer token; the endpoint itself has no token-free mode.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src-main/core/host/engine.ts';
import { serveMcpOverHttp, type HttpEndpoint } from '../../../src-main/core/host/http-transport.ts';
import { newHttpToken } from '../../../src-main/core/host/http-token.ts';
import { startBearerProxy, type BearerProxy } from '../../helpers/bearer-proxy.ts';

// logging-set-level is left out: Tether's server does not offer the logging capability.
const SCENARIOS = ['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection'];
const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/conformance/package.json')), 'dist/index.js');

let endpoint: HttpEndpoint;
let proxy: BearerProxy;
let outputDir: string;

beforeAll(async () => {
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'tether-conformance-'));
  outputDir = path.join(configDir, 'results');
  const token = newHttpToken();
  const engine = await Engine.open({ env: { TETHER_CONFIG_DIR: configDir, TETHER_RATE_LIMIT_PER_MINUTE: '0' } });
  endpoint = await serveMcpOverHttp({ engine, version: '0.0.0-test', port: 0, token });
  proxy = await startBearerProxy(new URL(endpoint.url), token);
});
afterAll(async () => {
  await proxy?.close();
  await endpoint?.close();
});

function conformance(scenario: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'server', '--url', proxy.url, '--scenario', scenario, '--output-dir', path.join(outputDir, scenario)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

async function checksOf(scenario: string): Promise<{ id: string; status: string; errorMessage?: string }[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name === 'checks.json') files.push(full);
    }
  };
  await walk(path.join(outputDir, scenario));
  const lists = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as { id: string; status: string; errorMessage?: string }[]));
  return lists.flat();
}

describe('MCP conformance (server scenarios)', () => {
  it.each(SCENARIOS)('%s passes', async (scenario) => {
    const { code, output } = await conformance(scenario);
    const checks = await checksOf(scenario);
    expect(checks.length, output).toBeGreaterThan(0);
    expect(checks.filter((check) => check.status === 'FAILURE'), output).toEqual([]);
    expect(code, output).toBe(0);
  }, 60_000);
});
