// The window's pushed notices over loopback HTTP: GET /events needs the per-run token, then carries
// each host notice as one server-sent event, and stops listening when the window goes away.
import http from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgeHandlers, type BridgeEngine } from '../../../../src-main/core/host/bridge/bridge-handlers.ts';
import { UI_TOKEN_HEADER } from '../../../../src-main/core/host/ui/ui-guard.ts';
import { startUiServer, type UiServer } from '../../../../src-main/core/host/ui/ui-server.ts';
import type { BridgeEvent } from '../../../../src-main/shared/bridge-events.ts';

let server: UiServer;
let token: string;
const listeners = new Set<(event: BridgeEvent) => void>();
const emit = (event: BridgeEvent) => listeners.forEach((l) => l(event));

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tether-ui-events-'));
  await writeFile(path.join(dir, 'index.html'), '<p>window</p>');
  const engine = { settings: { version: 1, credentials: {} }, env: {}, configured: () => false } as unknown as BridgeEngine;
  const handlers = createBridgeHandlers({ engine, activity: { recent: () => [] }, sessions: 0, notifyToolsChanged: async () => undefined }, () => ({ socketPath: '/tmp/t.sock' }));
  server = await startUiServer({
    handlers,
    rendererDir: dir,
    events: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  token = new URL(server.url).hash.replace('#token=', '');
});
afterAll(() => server.close());

function open(headers: Record<string, string>): Promise<{ status: number; res: http.IncomingMessage; req: http.ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: '/events', headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => resolve({ status: res.statusCode ?? 0, res, req }));
    req.on('error', reject);
  });
}

describe('GET /events', () => {
  it('refuses a request without the window token', async () => {
    const { status, res } = await open({});
    res.resume();
    expect(status).toBe(401);
  });

  it('streams each notice as a server-sent event, and unsubscribes when the window closes', async () => {
    const { status, res, req } = await open({ [UI_TOKEN_HEADER]: token });
    expect(status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    let text = '';
    const got = new Promise<void>((resolve) =>
      res.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('activity.added')) resolve();
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(listeners.size).toBe(1);
    emit({ name: 'status.changed' });
    emit({ name: 'activity.added' });
    await got;
    expect(text).toContain('data: {"name":"status.changed"}\n\n');
    expect(text).toContain('data: {"name":"activity.added"}\n\n');
    req.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(listeners.size).toBe(0);
  });
});
