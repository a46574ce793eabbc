// The localhost end of the browser dance: a server on 127.0.0.1 that waits for Atlassian to send
// the browser back with a code (or a refusal), checks `state`, answers with a page the user can
// close, and shuts down. When the wanted port is taken, another is used and the caller is told.
import http from 'node:http';
import { AtlassianError } from '../../atlassian/http/atlassian-error.ts';
import { listenOnLoopback } from '../../net/listen-loopback.ts';

export interface CallbackResult {
  code: string;
}

/** The browser side went wrong (declined, timed out, no code): the user can act on it. */
export class OAuthCallbackError extends AtlassianError {
  constructor(message: string) {
    super('auth', message);
  }
}

export interface CallbackServer {
  redirectUri: string;
  /** The port asked for, when it was taken and another was used instead. */
  portTaken?: number;
  wait(state: string, timeoutMs: number): Promise<CallbackResult>;
  close(): Promise<void>;
}

const page = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:system-ui;margin:4rem auto;max-width:32rem"><h1>${title}</h1><p>${text}</p></body>`;


export async function startCallbackServer(options: { port: number; path?: string; host?: 'localhost' | '127.0.0.1' }): Promise<CallbackServer> {
  const callbackPath = options.path ?? '/callback';
  let deliver: ((url: URL) => 'accepted' | 'foreign') | undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== callbackPath) {
      res.writeHead(404).end();
      return;
    }
    if ((deliver?.(url) ?? 'foreign') === 'foreign') {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Not the sign-in Tether is waiting for', 'This answer belongs to another sign-in attempt, so Tether ignored it. Start the sign-in from Tether again.'));
      return;
    }
    const denied = url.searchParams.get('error');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(denied ? page('Tether was not connected', 'You declined access, or Atlassian refused it. You can close this window.') : page('Tether is connected', 'You can close this window and go back to Tether.'));
  });
  let port: number;
  let portTaken: number | undefined;
  try {
    port = await listenOnLoopback(server, options.port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    portTaken = options.port;
    port = await listenOnLoopback(server, 0);
  }
  const redirectUri = `http://${options.host ?? '127.0.0.1'}:${port}${callbackPath}`;
  return {
    redirectUri,
    ...(portTaken !== undefined ? { portTaken } : {}),
    wait(state, timeoutMs) {
      return new Promise<CallbackResult>((resolve, reject) => {
        const timer = setTimeout(() => reject(new OAuthCallbackError(`No answer came back from the browser within ${Math.round(timeoutMs / 60_000)} minutes (was the window closed?): run the sign-in again.`)), timeoutMs);
        deliver = (url) => {
          // A callback with someone else's state is refused and the wait goes on: it is not ours.
          if (url.searchParams.get('state') !== state) return 'foreign';
          clearTimeout(timer);
          const error = url.searchParams.get('error');
          if (error) {
            const description = url.searchParams.get('error_description');
            reject(new OAuthCallbackError(error === 'access_denied' ? 'Access was declined in the browser, so nothing was saved: run the sign-in again and choose Accept.' : `Atlassian refused the sign-in (${error}${description ? `: ${description}` : ''}): nothing was saved.`));
            return 'accepted';
          }
          const code = url.searchParams.get('code');
          if (!code) reject(new OAuthCallbackError('The browser came back without a code: run the sign-in again.'));
          else resolve({ code });
          return 'accepted';
        };
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
