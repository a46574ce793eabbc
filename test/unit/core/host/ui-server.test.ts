// The window's loopback HTTP adapter without a browser: who gets in (Host, Origin, per-run token),
// what is served (only the renderer folder; index.html allowed to fetch its own origin), and that
// Bridge calls go through the contract's validation.
import http from 'node:http';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBridgeHandlers, type BridgeEngine } from '../../../../src-main/core/host/bridge/bridge-handlers.ts';
import { startUiServer, type UiServer } from '../../../../src-main/core/host/ui/ui-server.ts';
import { UI_TOKEN_HEADER } from '../../../../src-main/core/host/ui/ui-guard.ts';

let server: UiServer;
let token: string;
const updateSettings = vi.fn(async () => ({}));
const notifyToolsChanged = vi.fn(async () => undefined);

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tether-ui-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'none'">`);
  await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(os.tmpdir(), 'tether-ui-secret.txt'), 'secret');
  const settings = { version: 1, credentials: {}, writesEnabled: false };
  const engine = { settings, env: {}, configured: () => false, updateSettings } as unknown as BridgeEngine;
  const handlers = createBridgeHandlers({ engine, activity: { recent: () => [] }, sessions: 2, notifyToolsChanged }, () => ({ socketPath: '/tmp/t.sock' }));
  server = await startUiServer({ handlers, rendererDir: dir });
  token = new URL(server.url).hash.replace('#token=', '');
});
afterAll(() => server.close());

function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path ?? '/', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const bridge = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
  request({ method: 'POST', path: '/bridge', headers: { 'content-type': 'application/json', [UI_TOKEN_HEADER]: token, ...headers }, body: JSON.stringify({ channel, args }) });

describe('the window over loopback HTTP', () => {
  it('prints a 127.0.0.1 address whose token is in the #fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
  });

  it('serves index.html allowed to fetch its own origin, and the assets', async () => {
    const index = await request({});
    expect(index.status).toBe(200);
    expect(index.body).toContain("connect-src 'self'");
    expect(index.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect((await request({ path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const p of ['/../tether-ui-secret.txt', '/%2e%2e/tether-ui-secret.txt', '/assets/../../tether-ui-secret.txt', '/nope.js']) expect((await request({ path: p })).status, p).toBe(404);
  });

  it('answers a Bridge call with the token, through the contract', async () => {
    expect(JSON.parse((await bridge('host.info', [])).body)).toEqual({ ok: true, value: { socketPath: '/tmp/t.sock', httpUrl: null, sessions: 2 } });
    const bad = JSON.parse((await bridge('settings.setWrites', ['yes'])).body);
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/^settings\.setWrites: argument 1/);
    expect(JSON.parse((await bridge('nope', [])).body).error).toMatch(/^Unknown bridge channel/);
  });

  it('saves a switch and tells the clients', async () => {
    const answer = JSON.parse((await bridge('settings.setWrites', [true])).body);
    expect(answer.ok).toBe(true);
    expect(updateSettings).toHaveBeenCalledWith({ writesEnabled: true });
    expect(notifyToolsChanged).toHaveBeenCalled();
  });

  it.each([
    ['no token', { [UI_TOKEN_HEADER]: '' }, 401],
    ['a wrong token', { [UI_TOKEN_HEADER]: 'guess' }, 401],
    ['a foreign Origin', { origin: 'https://evil.example' }, 403],
    ['a rebinding Host', { host: 'evil.example:80' }, 403],
    ['a localhost Host on another port', { host: 'localhost:1' }, 403],
    ['a form post', { 'content-type': 'text/plain' }, 415],
  ])('refuses %s', async (_label, headers, status) => {
    expect((await bridge('host.info', [], headers)).status).toBe(status);
  });

  it('accepts localhost as well as 127.0.0.1, with its own origin', async () => {
    const answer = await bridge('host.info', [], { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` });
    expect(answer.status).toBe(200);
  });
});
