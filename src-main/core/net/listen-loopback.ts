// Every server Tether opens listens on 127.0.0.1 only; this waits until it does and says on which
// port (the one asked for, or a free one for 0). A taken port rejects with EADDRINUSE.
import type { Server } from 'node:net';

export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
