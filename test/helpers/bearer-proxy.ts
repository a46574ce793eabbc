// A tiny reverse proxy that adds `Authorization: Bearer <token>` to every request, for tools that
// cannot send headers of their own (the MCP conformance CLI). It maps its own address to the
// target's in the Host header, and passes any other Host through untouched, so the target's
// DNS-rebinding check still sees what the tool sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BearerProxy {
  url: string;
  close(): Promise<void>;
}

export async function startBearerProxy(target: URL, token: string): Promise<BearerProxy> {
  let own = '';
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, authorization: `Bearer ${token}` };
    const host = req.headers.host ?? '';
    if (host === own || host === own.replace('127.0.0.1', 'localhost')) headers.host = target.host;
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  own = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${own}${target.pathname}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
