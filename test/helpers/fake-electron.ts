// A small, recording stand-in for the part of Electron's main-process API the shell (src-main/app)
// uses. Why a fake: Electron's binary cannot be downloaded where these tests run, so the real shell
// cannot start. Tests load it with `vi.mock('electron', () => import('../../helpers/fake-electron.ts'))`
// and then drive it through `fake`: click a menu item, fire a web-contents event, invoke an IPC
// channel from a given frame.
//
// It models the documented behaviour the shell relies on (Electron 45), and only that:
// - nativeImage.createFromPath gives an *empty* image, not an error, when the file cannot be read;
// - a checkbox MenuItem flips `checked` before its click handler runs; a disabled item cannot be clicked;
// - Menu.buildFromTemplate refuses an item with none of label, role, type or submenu;
// - ipcMain.handle refuses a second handler for a channel; invoke on a channel with none rejects;
// - every new BrowserWindow's webContents is announced by app 'web-contents-created';
// - with no handler installed, window.open is allowed and permissions are granted (Electron's defaults);
// - webContents.send on a destroyed window throws ("Object has been destroyed");
// - app.get/setLoginItemSettings are macOS and Windows only: on Linux get always says
//   openAtLogin false and set does nothing.
// What it cannot prove: that Electron itself behaves so (event names and argument orders, menus as
// the OS draws them, icons as the OS shows them, the sandbox, the preload's contextBridge). Those
// need the real binary: run `npm start` on a machine that can fetch it.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

/** Electron's Event: listeners may call preventDefault(). */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class NativeImage {
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return this.path === '' || !existsSync(this.path);
  }
}

export const nativeImage = {
  createFromPath: (path: string) => new NativeImage(path),
  createEmpty: () => new NativeImage(''),
};

type Click = (item: MenuItem, window: undefined, event: Record<string, never>) => void;

export interface MenuItemOptions {
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  role?: string;
  checked?: boolean;
  enabled?: boolean;
  visible?: boolean;
  click?: Click;
  submenu?: MenuItemOptions[];
}

export class MenuItem {
  readonly label: string;
  readonly type: NonNullable<MenuItemOptions['type']>;
  checked: boolean;
  readonly enabled: boolean;
  readonly visible: boolean;
  private readonly onClick: Click | undefined;

  constructor(options: MenuItemOptions) {
    if (options.label === undefined && options.role === undefined && options.type === undefined && options.submenu === undefined) {
      throw new Error('Invalid template for MenuItem: must have at least one of label, role or type');
    }
    this.label = options.label ?? '';
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.checked = options.checked ?? false;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.onClick = options.click;
  }

  /** What the user's click does: nothing on a disabled, hidden or separator item; a checkbox flips first. */
  userClick(): void {
    if (!this.enabled || !this.visible || this.type === 'separator') throw new Error(`"${this.label || this.type}" cannot be clicked: it is disabled, hidden or a separator`);
    if (this.type === 'checkbox') this.checked = !this.checked;
    this.onClick?.(this, undefined, {});
  }
}

export class Menu {
  constructor(readonly items: MenuItem[] = []) {}
  static buildFromTemplate(template: MenuItemOptions[]): Menu {
    return new Menu(template.map((options) => new MenuItem(options)));
  }
}

export class Tray extends EventEmitter {
  image: NativeImage;
  toolTip = '';
  title = '';
  contextMenu: Menu | null = null;
  readonly calls: { method: string; arg: unknown }[] = [];

  constructor(image: NativeImage | string) {
    super();
    this.image = typeof image === 'string' ? nativeImage.createFromPath(image) : image;
    fake.trays.push(this);
  }
  setImage(image: NativeImage | string): void {
    this.image = typeof image === 'string' ? nativeImage.createFromPath(image) : image;
    this.calls.push({ method: 'setImage', arg: this.image.path });
  }
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
    this.calls.push({ method: 'setToolTip', arg: toolTip });
  }
  setTitle(title: string): void {
    this.title = title;
    this.calls.push({ method: 'setTitle', arg: title });
  }
  setContextMenu(menu: Menu | null): void {
    this.contextMenu = menu;
    this.calls.push({ method: 'setContextMenu', arg: menu });
  }
  /** The item of the current context menu with this label (throws when there is none). */
  item(label: string): MenuItem {
    const found = this.contextMenu?.items.find((i) => i.label === label);
    if (!found) throw new Error(`The tray menu has no "${label}": ${this.contextMenu?.items.map((i) => i.label).join(' | ')}`);
    return found;
  }
}

type PermissionRequestHandler = (contents: WebContents, permission: string, callback: (granted: boolean) => void, details: object) => void;
type PermissionCheckHandler = (contents: WebContents | null, permission: string, origin: string, details: object) => boolean;

export class Session {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.checkHandler = handler;
  }
  /** A page asks for a permission (camera, notifications…); Electron grants it when no handler is set. */
  request(contents: WebContents, permission: string): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, {}));
  }
  check(contents: WebContents | null, permission: string, origin: string): boolean {
    return this.checkHandler ? this.checkHandler(contents, permission, origin, {}) : true;
  }
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' };

let nextId = 1;

export class WebContents extends EventEmitter {
  readonly id = nextId++;
  readonly session = new Session();
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Fires a cancellable event as Electron does (event first); true when a listener prevented it. */
  fire(name: 'will-navigate' | 'will-redirect' | 'will-attach-webview', ...args: unknown[]): boolean {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
  /** window.open / target=_blank from the page: what Electron would do. */
  open(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler ? this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' }).action : 'allow';
  }
}

export class BrowserWindow extends EventEmitter {
  readonly webContents = new WebContents();
  loaded: string | undefined;
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    fake.windows.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadFile(file: string): Promise<void> {
    this.loaded = file;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  minimize(): void {
    this.minimized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The user closes the window: 'close', then it is destroyed, then 'closed'. */
  close(): void {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

interface LoginItemSettings {
  openAtLogin: boolean;
  openAsHidden: boolean;
  wasOpenedAtLogin: boolean;
  wasOpenedAsHidden: boolean;
  restoreState: boolean;
}

const loginItemsSupported = () => process.platform === 'darwin' || process.platform === 'win32';

class FakeApp extends EventEmitter {
  isPackaged = false;
  openAtLogin = false;
  singleInstanceLock = true;
  quitCalls = 0;
  exitCodes: number[] = [];

  /** The folder of the app's package.json (a checkout's root when not packaged). */
  getAppPath(): string {
    return process.cwd();
  }
  getLoginItemSettings(): LoginItemSettings {
    return { openAtLogin: loginItemsSupported() && this.openAtLogin, openAsHidden: false, wasOpenedAtLogin: false, wasOpenedAsHidden: false, restoreState: false };
  }
  setLoginItemSettings(settings: { openAtLogin?: boolean }): void {
    if (loginItemsSupported()) this.openAtLogin = settings.openAtLogin ?? false;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  quit(): void {
    this.quitCalls++;
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
}

export const app = new FakeApp();

type InvokeHandler = (event: { senderFrame: FakeFrame | null; sender: WebContents | undefined }, ...args: unknown[]) => unknown;

/** The part of WebFrameMain the shell reads: its URL, and its parent (null for a main frame). */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

export const ipcMain = new FakeIpcMain();

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

/** The tests' side: what the shell made, and how to act as the user, the page or the OS. */
export const fake = {
  trays: [] as Tray[],
  windows: [] as BrowserWindow[],
  app,
  ipcMain,
  /** ipcRenderer.invoke(channel, ...args) from `frame`: what the page would receive (a rejection when nothing handles the channel). */
  async invoke(channel: string, frame: FakeFrame | null, ...args: unknown[]): Promise<unknown> {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return handler({ senderFrame: frame, sender: undefined }, ...args);
  },
  reset(): void {
    fake.trays.length = 0;
    fake.windows.length = 0;
    app.removeAllListeners();
    Object.assign(app, { isPackaged: false, openAtLogin: false, singleInstanceLock: true, quitCalls: 0, exitCodes: [] });
    ipcMain.handlers.clear();
    shell.opened.length = 0;
  },
};
