// Electron main process: a thin shell that hosts the engine, shows a tray icon and, on demand, the
// window. The window reaches the engine only through the Bridge (ipc/register-bridge-handlers.ts).
import { app, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Engine } from '../core/host/engine.ts';
import { McpHost } from '../core/host/mcp-host.ts';
import { createBridgeHandlers } from './ipc/bridge-handlers.ts';
import { registerBridgeHandlers } from './ipc/register-bridge-handlers.ts';
import { trayLaunchCommand } from './launch.ts';
import { createTray, trayIconFile } from './tray.ts';
import type { TrayState } from './tray-state.ts';
import { createWindowController, hardenWebContents } from './window.ts';

// dist/app/main.js, next to dist/app/preload.cjs and above dist/renderer/.
const here = path.dirname(fileURLToPath(import.meta.url));

const cliAt = process.argv.indexOf('--cli');
if (cliAt >= 0) {
  // AI apps start the packaged app as `Tether --cli mcp` (see launch.ts): the `tether` command runs
  // here, with no window, no tray and no single-instance lock (several AI apps may start it at once).
  app.dock?.hide();
  process.argv = [process.argv[0]!, 'tether', ...process.argv.slice(cliAt + 1)];
  const cli = (await import(pathToFileURL(path.join(here, '..', 'cli', 'tether.js')).href)) as { finished: Promise<void> };
  await cli.finished;
  app.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
} else if (!app.requestSingleInstanceLock()) {
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
  // "Connect to AI apps" needs the command AI apps start Tether with; only this shell knows it.
  const launch = trayLaunchCommand(here);
  registerBridgeHandlers(createBridgeHandlers(host, undefined, { ...(launch ? { launch } : {}), openExternal: (url) => shell.openExternal(url) }), pathToFileURL(indexHtml).href, (channel, error) =>
    engine.log.error(`bridge ${channel}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
  const window = createWindowController({ preload: path.join(here, 'preload.cjs'), indexHtml });
  app.on('second-instance', () => window.show());
  host.onEvent((event) => window.push(event));
  const icon = (state: TrayState) => path.join(here, '..', '..', 'resources', trayIconFile(state));
  await createTray(engine, icon, {
    open: () => window.show(),
    quit: () => app.quit(),
    settingsChanged: () => host.notifyToolsChanged(),
    // A switch or sign-in changed in the window, or the settings file changed: the tray follows.
    onStatusChanged: (listener) => {
      host.onEvent((event) => {
        if (event.name === 'status.changed') listener();
      });
    },
  });
}
