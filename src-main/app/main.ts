// Electron main process: a thin shell that hosts the engine and shows a tray icon.
import { app } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../core/host/engine.ts';
import { createTray } from './tray.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => {
    // A tray app keeps running without windows.
  });
  await app.whenReady();
  const engine = await Engine.open();
  const icon = path.join(here, '..', '..', 'resources', process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');
  await createTray(engine, icon, () => app.quit());
}
