// The IPC wiring of the Bridge (src-main/app/ipc/register-bridge-handlers.ts), with Electron replaced
// by the recording fake in test/helpers/fake-electron.ts: Electron's binary cannot be fetched here.
// These tests prove that every channel is handled through the sender gate and that the disposer
// removes them; not that Electron reports senderFrame as modelled (url, parent null for a main frame).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, type FakeFrame } from '../../helpers/fake-electron.ts';
import type { BridgeHandlers } from '../../../src-main/app/ipc/bridge-handlers.ts';
import { FOREIGN_SENDER } from '../../../src-main/app/ipc/handle-bridge-call.ts';
import { registerBridgeHandlers } from '../../../src-main/app/ipc/register-bridge-handlers.ts';
import { bridgeChannels, bridgeContract } from '../../../src-main/shared/bridge.ts';

vi.mock('electron', () => import('../../helpers/fake-electron.ts'));

const OURS = 'file:///opt/Tether/resources/app.asar/dist/renderer/index.html';
const mainFrame = (url: string): FakeFrame => ({ url, parent: null });

/** Handlers that only record: enough to see whether a call got through the gate. */
function recordingHandlers() {
  const calls: { channel: string; args: unknown[] }[] = [];
  const handlers = new Proxy({} as BridgeHandlers, {
    // A handler a test set itself wins; every other channel gets a recorder.
    get: (target, channel: string) =>
      (target as Record<string, unknown>)[channel] ??
      ((...args: unknown[]) => {
        calls.push({ channel, args });
        return Promise.reject(new Error('not reached by these tests'));
      }),
  });
  return { handlers, calls };
}

beforeEach(() => fake.reset());

describe('registerBridgeHandlers', () => {
  it('registers one ipcMain handler for every Bridge channel and nothing else', () => {
    registerBridgeHandlers(recordingHandlers().handlers, OURS);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...bridgeChannels].sort());
    expect(bridgeChannels.length).toBeGreaterThan(15);
  });

  it("passes a call from Tether's page in the main frame to the handler, arguments and answer included (a #fragment or ?query is still ours)", async () => {
    const { handlers } = recordingHandlers();
    const openExternal = vi.fn(async () => ({ opened: true }));
    handlers['shell.openExternal'] = openExternal;
    registerBridgeHandlers(handlers, OURS);
    const url = 'https://id.atlassian.com/manage-profile/security/api-tokens';
    expect(await fake.invoke('shell.openExternal', mainFrame(OURS), url)).toEqual({ ok: true, value: { opened: true } });
    expect(await fake.invoke('shell.openExternal', mainFrame(`${OURS}#/connect?step=2`), url)).toEqual({ ok: true, value: { opened: true } });
    expect(openExternal).toHaveBeenCalledTimes(2);
    expect(openExternal).toHaveBeenCalledWith(url);
  });

  it('every channel that takes no arguments reaches its own handler from our page', async () => {
    const { handlers, calls } = recordingHandlers();
    registerBridgeHandlers(handlers, OURS);
    const noArgs = bridgeChannels.filter((channel) => bridgeContract[channel].args.safeParse([]).success);
    expect(noArgs).toEqual(expect.arrayContaining(['status.get', 'settings.get', 'tools.list', 'host.info', 'apps.list']));
    for (const channel of noArgs) {
      // The recording handlers throw, so the page gets the error sentence: proof the handler ran.
      expect(await fake.invoke(channel, mainFrame(OURS)), channel).toEqual({ ok: false, error: 'not reached by these tests' });
    }
    expect(calls.map((c) => c.channel)).toEqual(noArgs);
  });

  it.each<[string, FakeFrame | null]>([
    ['a sub-frame of our own page', { url: OURS, parent: mainFrame(OURS) }],
    ['another file in the app', mainFrame('file:///opt/Tether/resources/app.asar/dist/renderer/other.html')],
    ['a web page', mainFrame('https://evil.example/index.html')],
    ['a frame that has gone away (senderFrame null)', null],
  ])('refuses a call from %s with {ok:false} and never runs the handler', async (_what, frame) => {
    const { handlers, calls } = recordingHandlers();
    registerBridgeHandlers(handlers, OURS);
    for (const channel of bridgeChannels) {
      expect(await fake.invoke(channel, frame), channel).toEqual({ ok: false, error: FOREIGN_SENDER });
    }
    expect(calls).toEqual([]);
  });

  it('the disposer removes every handler, so registering again works (Electron refuses a second handler per channel)', async () => {
    const dispose = registerBridgeHandlers(recordingHandlers().handlers, OURS);
    expect(() => registerBridgeHandlers(recordingHandlers().handlers, OURS)).toThrow(/second handler/);
    dispose();
    expect(fake.ipcMain.handlers.size).toBe(0);
    await expect(fake.invoke('status.get', mainFrame(OURS))).rejects.toThrow(/No handler registered/);
    registerBridgeHandlers(recordingHandlers().handlers, OURS);
    expect(fake.ipcMain.handlers.size).toBe(bridgeChannels.length);
  });
});
