// Who may talk to the window's loopback server. A web page the user visits can reach 127.0.0.1
// (DNS rebinding, cross-site POSTs), so Host must name this very listener and an Origin, when a
// browser sends one, must be this listener too; any other local process can reach the port, so a
// Bridge call must also carry the per-run token that only the printed URL holds.
import type { IncomingMessage } from 'node:http';
import { tokensMatch } from '../http/guard.ts';

export const UI_TOKEN_HEADER = 'x-tether-ui-token';

const localAuthorities = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return localAuthorities(port).includes((req.headers.host ?? '').toLowerCase());
}

/** No Origin (a same-origin GET, a non-browser client) passes; a foreign one never does. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return localAuthorities(port).some((authority) => origin.toLowerCase() === `http://${authority}`);
}

export function tokenAllowed(req: IncomingMessage, token: string): boolean {
  const given = req.headers[UI_TOKEN_HEADER];
  return typeof given === 'string' && given.length > 0 && tokensMatch(given, token);
}
