// The window's hardening and lifecycle (src-main/app/window.ts), with Electron replaced by the
// recording fake in test/helpers/fake-electron.ts: Electron's binary cannot be fetched here. These
// tests prove which handlers and options the shell installs and what they answer; not that Electron
// honours them (that navigation is really blocked, that the sandbox really holds).
import type { App } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeEvent, WebContents } from '../../helpers/fake-electron.ts';
import { createWindowController, hardenWebContents, WINDOW_SIZE } from '../../../src-main/app/window.ts';
import { BRIDGE_EVENT_CHANNEL } from '../../../src-main/shared/bridge-events.ts';

vi.mock('electron', () => import('../../helpers/fake-electron.ts'));

const paths = { preload: '/opt/Tether/dist/app/preload.cjs', indexHtml: '/opt/Tether/dist/renderer/index.html' };

beforeEach(() => fake.reset());

/** What Electron does for any web contents it makes (windows, webviews, devtools): announce it. */
function newContents(): WebContents {
  const contents = new WebContents();
  fake.app.emit('web-contents-created', new FakeEvent(), contents);
  return contents;
}

describe('hardenWebContents', () => {
  it('without it, the fake behaves as Electron does by default: navigation, pop-ups and permissions are allowed', async () => {
    const contents = newContents();
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.open('https://evil.example/')).toBe('allow');
    expect(await contents.session.request(contents, 'media')).toBe(true);
  });

  it('prevents navigation, redirects and <webview> attach on every web contents created afterwards', () => {
    hardenWebContents(fake.app as unknown as App);
    const contents = newContents();
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
  });

  it('denies window.open and links with target=_blank', () => {
    hardenWebContents(fake.app as unknown as App);
    expect(newContents().open('https://evil.example/')).toBe('deny');
  });

  it('answers every permission request and check with false', async () => {
    hardenWebContents(fake.app as unknown as App);
    const contents = newContents();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(await contents.session.request(contents, permission), permission).toBe(false);
      expect(contents.session.check(contents, permission, 'file://'), permission).toBe(false);
    }
  });

  it("covers the controller's own window too (Electron announces it as it is created)", () => {
    hardenWebContents(fake.app as unknown as App);
    createWindowController(paths).show();
    const contents = fake.windows[0]!.webContents;
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.session.checkHandler).not.toBeNull();
  });
});

describe('createWindowController', () => {
  it('creates no window until shown, then exactly one however often it is shown', () => {
    const controller = createWindowController(paths);
    expect(fake.windows).toHaveLength(0);
    controller.show();
    controller.show();
    controller.show();
    expect(fake.windows).toHaveLength(1);
  });

  it('makes the window isolated, sandboxed and Node-free, with the preload and the built page', () => {
    createWindowController(paths).show();
    const win = fake.windows[0]!;
    expect(win.options).toMatchObject({ ...WINDOW_SIZE, show: false });
    expect(win.options.webPreferences).toMatchObject({
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(win.loaded).toBe(paths.indexHtml);
  });

  it('blocks navigation and pop-ups on its window even without hardenWebContents', () => {
    createWindowController(paths).show();
    const contents = fake.windows[0]!.webContents;
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.open('https://evil.example/')).toBe('deny');
  });

  it('shows the window once it is ready, and brings a minimized one back and forward', () => {
    const controller = createWindowController(paths);
    controller.show();
    const win = fake.windows[0]!;
    expect(win.isVisible()).toBe(false);
    win.emit('ready-to-show');
    expect(win.isVisible()).toBe(true);
    win.minimize();
    controller.show();
    expect(win.isMinimized()).toBe(false);
    expect(win.focused).toBe(true);
  });

  it('after the window is closed, show() makes a new one', () => {
    const controller = createWindowController(paths);
    controller.show();
    fake.windows[0]!.close();
    controller.show();
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]!.isDestroyed()).toBe(false);
  });

  it('push() sends the notice to a live window only: none before the first show, none after close', () => {
    const controller = createWindowController(paths);
    expect(() => controller.push({ name: 'status.changed' })).not.toThrow();
    controller.show();
    const win = fake.windows[0]!;
    controller.push({ name: 'status.changed' });
    controller.push({ name: 'activity.added' });
    expect(win.webContents.sent).toEqual([
      { channel: BRIDGE_EVENT_CHANNEL, args: [{ name: 'status.changed' }] },
      { channel: BRIDGE_EVENT_CHANNEL, args: [{ name: 'activity.added' }] },
    ]);
    win.close();
    // A destroyed window's webContents.send throws in Electron: push must not reach it.
    expect(() => controller.push({ name: 'status.changed' })).not.toThrow();
    expect(win.webContents.sent).toHaveLength(2);
  });
});
