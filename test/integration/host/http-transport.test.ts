// The loopback HTTP endpoint as AI apps and attackers see it: the SDK's own client in both protocol
// eras gets tools; a request without the token, or from a foreign Host or Origin, gets nothing else.
import http from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Server } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src-main/core/host/engine.ts';
import { serveMcpOverHttp, type HttpEndpoint } from '../../../src-main/core/host/http-transport.ts';
import { newHttpToken } from '../../../src-main/core/host/http-token.ts';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import type { Era } from '../../helpers/mcp-client.ts';

let sandbox: Sandbox;
let endpoint: HttpEndpoint;
const token = newHttpToken();
const opened: Server[] = [];
const closed: Server[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'tether-http-'));
  const env = { TETHER_CONFIG_DIR: configDir, TETHER_RATE_LIMIT_PER_MINUTE: '0', CONFLUENCE_URL: sandbox.siteUrl, CONFLUENCE_EMAIL: sandbox.seed.alice.email, CONFLUENCE_API_TOKEN: sandbox.seed.alice.classicToken };
  const engine = await Engine.open({ env });
  endpoint = await serveMcpOverHttp({ engine, version: '0.0.0-test', port: 0, token, onServer: (s) => opened.push(s), onClose: (s) => closed.push(s) });
});
afterAll(async () => {
  await endpoint?.close();
  await sandbox?.close();
});

async function connect(era: Era, headers: Record<string, string> = { Authorization: `Bearer ${token}` }): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(endpoint.url), { requestInit: { headers } });
  const client = new Client({ name: 'tether-test', version: '1.0.0' }, era === '2026-07-28' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {});
  await client.connect(transport);
  return client;
}

describe.each<Era>(['2025', '2026-07-28'])('a %s-era client with the token', (era) => {
  it('lists the tools and reads spaces from the sandbox', async () => {
    const client = await connect(era);
    try {
      // 2025: a session named by Mcp-Session-Id; 2026-07-28: stateless, no session at all.
      expect(client.getNegotiatedProtocolVersion()).toBe(era === '2025' ? '2025-11-25' : '2026-07-28');
      expect((client.transport as StreamableHTTPClientTransport).sessionId).toEqual(era === '2025' ? expect.any(String) : undefined);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('confluence_list_spaces');
      const result = await client.callTool({ name: 'confluence_list_spaces', arguments: { limit: 3 } });
      expect(result.isError).not.toBe(true);
      const text = (result.content as { type: string; text: string }[])[0]!.text;
      expect(JSON.parse(text).spaces).toHaveLength(3);
    } finally {
      await client.close();
    }
  });
});

describe('servers', () => {
  it('makes one server per 2026-07-28 request and closes it after the answer', async () => {
    const client = await connect('2026-07-28');
    try {
      const before = opened.length;
      await client.listTools();
      const made = opened.slice(before);
      expect(made.length).toBeGreaterThanOrEqual(1);
      await expect.poll(() => made.every((s) => closed.includes(s))).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('gives a 2025-era client an Mcp-Session-Id and a server of its own, closed with the session', async () => {
    const before = opened.length;
    const client = await connect('2025');
    const transport = client.transport as StreamableHTTPClientTransport;
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    await client.listTools();
    await client.listTools();
    expect(opened.length).toBe(before + 1);
    const server = opened.at(-1)!;
    await transport.terminateSession();
    await client.close();
    await expect.poll(() => closed.includes(server)).toBe(true);
  });
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
const TOOLS_LIST = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } } });

/** node:http, so the Host header can be anything. */
function raw(method: string, headers: Record<string, string>, body = '', urlPath = '/mcp'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: endpoint.port, path: urlPath, method, headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const local = () => `127.0.0.1:${endpoint.port}`;
const noMcp = (answer: RawAnswer) => {
  expect(answer.headers['mcp-session-id']).toBeUndefined();
  expect(answer.body).not.toMatch(/"result"|serverInfo|confluence_/);
};

describe('refused requests', () => {
  const requests: [string, string, string][] = [
    ['POST', INITIALIZE, '/mcp'],
    ['POST', TOOLS_LIST, '/mcp'],
    ['GET', '', '/mcp'],
    ['DELETE', '', '/mcp'],
    ['GET', '', '/elsewhere'],
  ];

  it.each(requests)('%s %s to %s without a token: 401 with a challenge, nothing else', async (method, body, urlPath) => {
    const answer = await raw(method, { Host: local() }, body, urlPath);
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
    noMcp(answer);
  });

  it.each(requests)('%s %s to %s with a wrong token: 401', async (method, body, urlPath) => {
    for (const authorization of [`Bearer ${newHttpToken()}`, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, token]) {
      const answer = await raw(method, { Host: local(), Authorization: authorization }, body, urlPath);
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
      noMcp(answer);
    }
  });

  it.each(requests)('%s %s to %s from a foreign Origin: 403, token or not', async (method, body, urlPath) => {
    for (const origin of ['http://evil.example', 'null', `http://evil.example:${endpoint.port}`]) {
      for (const auth of [{ Authorization: `Bearer ${token}` }, {}] as Record<string, string>[]) {
        const answer = await raw(method, { Host: local(), Origin: origin, ...auth }, body, urlPath);
        expect(answer.status).toBe(403);
        noMcp(answer);
      }
    }
  });

  it.each(requests)('%s %s to %s with a foreign Host: 403, token or not', async (method, body, urlPath) => {
    for (const host of ['evil.example', `evil.example:${endpoint.port}`, '127.0.0.1:1', 'localhost', `127.0.0.2:${endpoint.port}`]) {
      for (const auth of [{ Authorization: `Bearer ${token}` }, {}] as Record<string, string>[]) {
        const answer = await raw(method, { Host: host, ...auth }, body, urlPath);
        expect(answer.status).toBe(403);
        noMcp(answer);
      }
    }
  });

  it('accepts a local Origin and the localhost name with the token', async () => {
    const answer = await raw('POST', { Host: `localhost:${endpoint.port}`, Origin: `http://localhost:5173`, Authorization: `Bearer ${token}` }, INITIALIZE);
    expect(answer.status).toBe(200);
    expect(answer.headers['mcp-session-id']).toEqual(expect.any(String));
    await raw('DELETE', { Host: local(), Authorization: `Bearer ${token}`, 'Mcp-Session-Id': String(answer.headers['mcp-session-id']), 'MCP-Protocol-Version': '2025-11-25' });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(endpoint.url).toBe(`http://127.0.0.1:${endpoint.port}/mcp`);
  });
});
