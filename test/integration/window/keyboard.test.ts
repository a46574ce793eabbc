// The window from the keyboard alone: tabs, "Allow changes" on (through its dialog) and off, and
// "Sign out of Confluence" through its dialog, against `tether serve --ui`, the sandbox and a
// credential stored by `tether auth`. Only Tab, Shift+Tab, arrows, Enter, Space and Escape are
// pressed; locators only read. Run under scripts/keychain-session.sh (the credential is in the keychain).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src-main/sandbox/index.ts';
import { runTether, type TetherProfile } from '../../helpers/run-tether.ts';
import { openWindowSession, type UiHost, type WindowSession } from './window-harness.ts';

let session: WindowSession;
let sandbox: Sandbox;
let profile: TetherProfile;
let host: UiHost;
let page: Page;
let presses = 0;

const env = () => profile.env({ TETHER_ATLASSIAN_API_URL: sandbox.apiUrl, TETHER_RATE_LIMIT_PER_MINUTE: '0' });

beforeAll(async () => {
  session = await openWindowSession(async (started, fresh) => {
    [sandbox, profile] = [started, fresh];
    const alice = sandbox.seed.alice;
    const auth = await runTether(['auth', '--site', sandbox.siteUrl, '--email', alice.email, '--token-stdin'], { env: env(), input: `${alice.classicToken}\n` });
    expect(auth.code, auth.stderr).toBe(0);
  });
  ({ host, page } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

const ALLOWED = new Set(['Tab', 'Shift+Tab', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', 'Space', 'Escape']);
async function press(key: string) {
  if (!ALLOWED.has(key)) throw new Error(`not a keyboard-only key: ${key}`);
  presses += 1;
  await page.keyboard.press(key);
}

/** What has focus: its accessible name (aria-label or text), whether it is in an open dialog, and whether the ring shows. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      inDialog: el?.closest('dialog[open]') !== null && el?.closest('dialog[open]') !== undefined,
      visible: el?.matches(':focus-visible') ?? false,
    };
  });

async function expectFocus(name: string | RegExp, where: { inDialog?: boolean } = {}) {
  const now0 = () => focused().then((f) => f.name);
  if (typeof name === 'string') await expect.poll(now0).toBe(name);
  else await expect.poll(now0).toMatch(name);
  const now = await focused();
  expect(now.visible, `focus ring on ${now.name}`).toBe(true);
  expect(now.inDialog).toBe(where.inDialog ?? false);
}

/** Tab forward until `name` has focus (at most `limit` presses), as a user scanning the page would. */
async function tabTo(name: string, limit = 8) {
  for (let i = 0; i < limit; i++) {
    await press('Tab');
    if ((await focused()).name === name) return expectFocus(name);
  }
  throw new Error(`${limit} Tabs never reached "${name}"`);
}

describe("Tether's window from the keyboard alone", () => {
  it('moves between tabs, turns "Allow changes" on and off, and signs out of Confluence', async () => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sign out of Confluence' }).waitFor();

    // The tabs: one Tab stop, arrows move between them.
    await press('Tab');
    await expectFocus('Status');
    await press('ArrowRight');
    await expectFocus('Connect to AI apps');
    await press('ArrowRight');
    await expectFocus('Permissions');
    await page.getByRole('heading', { name: 'Permissions' }).waitFor();
    const writes = page.getByRole('switch', { name: 'Allow changes' });
    await expect.poll(() => writes.isEnabled()).toBe(true);

    // "Allow changes": Space asks first; Escape cancels and hands focus back to the switch.
    await tabTo('Allow changes');
    await press('Space');
    await page.getByRole('dialog', { name: 'Allow changes?' }).waitFor();
    await expectFocus('Cancel', { inDialog: true });
    await press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expectFocus('Allow changes');
    expect(await writes.getAttribute('aria-checked')).toBe('false');

    // Again, and this time confirm: Tab wraps inside the dialog both ways.
    await press('Space');
    await expectFocus('Cancel', { inDialog: true });
    await press('Tab');
    await expectFocus('Yes, allow changes', { inDialog: true });
    await press('Tab');
    await expectFocus('Cancel', { inDialog: true });
    await press('Shift+Tab');
    await expectFocus('Yes, allow changes', { inDialog: true });
    await press('Enter');
    await expect.poll(() => writes.getAttribute('aria-checked')).toBe('true');
    await expectFocus('Allow changes');

    // Off needs no question.
    await press('Space');
    await expect.poll(() => writes.getAttribute('aria-checked')).toBe('false');
    await expectFocus('Allow changes');

    // Back to Status: Shift+Tab up to the tab list, Home for the first tab.
    for (let i = 0; i < 8 && (await focused()).name !== 'Permissions'; i++) await press('Shift+Tab');
    await expectFocus('Permissions');
    await press('Home');
    await expectFocus('Status');
    await page.getByRole('button', { name: 'Sign out of Confluence' }).waitFor();

    // "Sign out of Confluence": Escape first, then through the dialog for real.
    await tabTo('Sign out of Confluence');
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sign out of Confluence?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Tether forgets the token in your keychain.');
    expect(await dialog.textContent()).toContain(`Sign out of Confluence on ${sandbox.siteUrl.replace(/^https:\/\//, '').replace(/\/$/, '')}? Tether forgets`);
    await expectFocus('Cancel', { inDialog: true });
    await press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expectFocus('Sign out of Confluence');

    await press('Enter');
    await expectFocus('Cancel', { inDialog: true });
    await press('Shift+Tab');
    await expectFocus('Sign out', { inDialog: true });
    await press('Tab');
    await expectFocus('Cancel', { inDialog: true });
    await press('Tab');
    await expectFocus('Sign out', { inDialog: true });
    await press('Enter');

    // The view refreshes and focus lands on what happened.
    await expectFocus(/^Signed out of Confluence: Tether forgot the token in the keychain/);
    await expect.poll(() => page.getByRole('button', { name: 'Sign out of Confluence' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out of Jira' }).waitFor();

    const status = await runTether(['status', '--json'], { env: env() });
    const report = JSON.parse(status.stdout);
    expect(report.confluence).toMatchObject({ authenticated: false, source: null });
    expect(report.jira).toMatchObject({ authenticated: true, source: 'keychain' });
    console.log(`keyboard-only run: ${presses} key presses`);
  }, 60_000);
});
