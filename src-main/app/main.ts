// Electron main process: a thin shell that hosts the engine, shows a tray icon and, on demand, the
// window. The window reaches the engine only through the Bridge (ipc/register-bridge-handlers.ts).
import { app } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Engine } from '../core/host/engine.ts';
import { McpHost } from '../core/host/mcp-host.ts';
import { createBridgeHandlers } from './ipc/bridge-handlers.ts';
import { registerBridgeHandlers } from './ipc/register-bridge-handlers.ts';
import { createTray } from './tray.ts';
import { createWindowController, hardenWebContents } from './window.ts';

// dist/app/main.js, next to dist/app/preload.cjs and above dist/renderer/.
const here = path.dirname(fileURLToPath(import.meta.url));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenWebContents(app);
  app.on('window-all-closed', () => {
    // A tray app keeps running without windows.
  });
  await app.whenReady();
  const engine = await Engine.open();
  const indexHtml = path.join(here, '..', 'renderer', 'index.html');
  // The window's switches reach connected MCP clients through the host (tools/list_changed).
  const host = new McpHost(engine, TETHER_VERSION);
  // The tray app is the host AI apps' `tether mcp` pipes to: one sign-in, one budget, live switches.
  await host.listenOnSocket().catch((error: unknown) => engine.log.warn(`MCP socket not opened: ${error instanceof Error ? error.message : String(error)}`));
  app.on('will-quit', () => void host.close());
  registerBridgeHandlers(createBridgeHandlers(host), pathToFileURL(indexHtml).href, (channel, error) =>
    engine.log.error(`bridge ${channel}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
  const window = createWindowController({ preload: path.join(here, 'preload.cjs'), indexHtml });
  app.on('second-instance', () => window.show());
  const icon = path.join(here, '..', '..', 'resources', process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');
  await createTray(engine, icon, { open: () => window.show(), quit: () => app.quit() });
}
