// `tether mcp` while the host runs: stdin and stdout joined to the host's socket, byte for byte.
// The bridge reads no credentials and holds no engine. It only watches which requests are still
// open, so that if the host goes away mid-request the client gets an answer that says so instead
// of waiting forever.
import net from 'node:net';

interface Stream {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
}

/** Splits newline-delimited JSON-RPC and reports each message (for bookkeeping only). */
function lineReader(onMessage: (message: { id?: unknown; method?: unknown }) => void): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk.toString('utf8');
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line) {
        try {
          onMessage(JSON.parse(line) as { id?: unknown; method?: unknown });
        } catch {
          // Not ours to judge: the host answers malformed input.
        }
      }
      newline = pending.indexOf('\n');
    }
  };
}

export function bridgeStdioToSocket(socketPath: string, io: { stdin: Stream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  return new Promise((resolve) => {
    const open = new Set<string | number>();
    const socket = net.connect(socketPath);
    let clientDone = false;
    io.stdin.on(
      'data',
      lineReader((m) => {
        if (m.method !== undefined && (typeof m.id === 'string' || typeof m.id === 'number')) open.add(m.id);
      }),
    );
    io.stdin.on('data', (chunk) => socket.write(chunk));
    io.stdin.on('end', () => {
      clientDone = true;
      socket.end();
    });
    const answers = lineReader((m) => {
      if (m.method === undefined && (typeof m.id === 'string' || typeof m.id === 'number')) open.delete(m.id);
    });
    // Answers are read only while requests are open: a tool result is not parsed for nothing.
    socket.on('data', (chunk) => {
      if (open.size > 0) answers(chunk);
    });
    socket.on('data', (chunk) => io.stdout.write(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (clientDone) return resolve(0);
      const message = "Tether's host (the tray app or `tether serve`) stopped: restart Tether, then reconnect this AI app (it will run Tether on its own if the host is not running).";
      for (const id of open) io.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32000, message } })}\n`);
      io.stderr.write(`tether: ${message}\n`);
      resolve(1);
    });
  });
}

/** Whether a host answers on the socket (a connection within a moment). */
export function socketAnswers(socketPath: string, timeoutMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
