// Tether's window: one hardened BrowserWindow showing dist/renderer/index.html. The page may talk to
// the host through the preload's Bridge and nothing else: no Node, no navigation, no pop-ups, no
// permissions. The Content-Security-Policy is a meta tag in src-renderer/index.html (file:// pages
// carry no response headers to put it in).
import { BrowserWindow, type App, type WebContents } from 'electron';
import { BRIDGE_EVENT_CHANNEL, type BridgeEvent } from '../shared/bridge-events.ts';

export interface WindowPaths {
  /** dist/app/preload.cjs */
  preload: string;
  /** dist/renderer/index.html */
  indexHtml: string;
}

export const WINDOW_SIZE = { width: 360, height: 560 } as const;

/** Denies navigation, pop-ups, <webview> and every permission for any web contents the app ever creates. */
export function hardenWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    contents.session.setPermissionCheckHandler(() => false);
  });
}

function createWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    ...WINDOW_SIZE,
    minWidth: 320,
    minHeight: 420,
    title: 'Tether',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  // Also set per window, in case hardenWebContents was not installed.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadFile(paths.indexHtml);
  return win;
}

/** At most one window: show() creates it on first use and brings it forward afterwards. */
export function createWindowController(paths: WindowPaths): { show(): void; push(event: BridgeEvent): void } {
  let current: BrowserWindow | null = null;
  return {
    /** A host notice for the window, when there is one (a closed window fetches everything when opened). */
    push(event) {
      if (current && !current.isDestroyed()) current.webContents.send(BRIDGE_EVENT_CHANNEL, event);
    },
    show() {
      if (current && !current.isDestroyed()) {
        if (current.isMinimized()) current.restore();
        current.show();
        current.focus();
        return;
      }
      current = createWindow(paths);
      current.on('closed', () => {
        current = null;
      });
    },
  };
}
