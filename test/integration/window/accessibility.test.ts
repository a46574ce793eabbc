// An accessibility audit of the window in a real browser against a real host: axe-core (WCAG 2.0/2.1
// A and AA plus best practices) over every view in the states a user meets them — first-run Setup,
// a refused token, the OAuth steps, the site choice and "Connected", Status when connected, AI apps
// (one file broken, one not added), Permissions with the "Allow changes" dialog open and with changes
// on, and Activity with calls in it — each at the tray popover's 360×560 and at 900×700, light and
// dark. In the same states, Tab goes round every focusable element and its focus ring must show.
// Run under scripts/keychain-session.sh: the OAuth grant goes into the keychain.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src-main/sandbox/index.ts';
import { freePort } from '../../helpers/free-port.ts';
import { startTetherMcp, type TetherMcp } from '../../helpers/mcp-client.ts';
import type { TetherProfile } from '../../helpers/run-tether.ts';
import { ARTIFACTS, axeViolations, describeViolations, openWindowSession, tabFocusStops, type UiHost, type WindowSession } from './window-harness.ts';

const SIZES = [
  { width: 360, height: 560 },
  { width: 900, height: 700 },
];
const SCHEMES = ['light', 'dark'] as const;

let session: WindowSession;
let sandbox: Sandbox;
let profile: TetherProfile;
let env: Record<string, string>;
let host: UiHost;
let page: Page;
let mcp: TetherMcp | undefined;
/** Every audit run, for the summary printed at the end. */
const audited: { view: string; runs: number; focusStops: number }[] = [];

beforeAll(async () => {
  session = await openWindowSession(async () => {
    // A home of its own for "Connect to AI apps": Cursor installed but not added, Claude Desktop's file broken.
    const home = await mkdtemp(path.join(os.tmpdir(), 'tether-home-'));
    await mkdir(path.join(home, '.cursor'), { recursive: true });
    await writeFile(path.join(home, '.cursor', 'mcp.json'), '{ "mcpServers": {} }\n');
    await mkdir(path.join(home, '.config', 'Claude'), { recursive: true });
    await writeFile(path.join(home, '.config', 'Claude', 'claude_desktop_config.json'), '{ "mcpServers": { "x": 1, } }\n');
    return { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
  });
  ({ sandbox, profile, env, host, page } = session);
}, 60_000);

afterAll(async () => {
  await mcp?.close();
  await session?.close();
  console.table(audited);
});

/**
 * Audits the page as it is now at both sizes in both colour schemes: no axe violation, and a visible
 * focus ring on every element Tab reaches. Leaves the page at 360×560, light.
 */
async function audit(view: string) {
  const failures: string[] = [];
  let runs = 0;
  let focusStops = 0;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      const where = `${view} at ${size.width}×${size.height}, ${colorScheme}`;
      const { violations, rules } = await axeViolations(page);
      runs += 1;
      if (rules < 15) failures.push(`${where}: axe applied only ${rules} rules`);
      if (violations.length > 0) failures.push(`${where}: ${violations.length} axe violation(s)\n${describeViolations(violations)}`);
      const stops = await tabFocusStops(page);
      focusStops = Math.max(focusStops, stops.length);
      if (stops.length === 0) failures.push(`${where}: Tab reached no element`);
      const unseen = stops.filter((s) => s.problems.length > 0);
      if (unseen.length > 0) failures.push(`${where}: focus not visible on\n${unseen.map((s) => `  ${s.element}: ${s.problems.join('; ')}`).join('\n')}`);
    }
  }
  await page.screenshot({ path: path.join(ARTIFACTS, `a11y-${view.replace(/\W+/g, '-')}.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(SIZES[0]!);
  audited.push({ view, runs, focusStops });
  // Soft: a view with problems is reported and the walk goes on to the next states and views.
  expect.soft(failures, `\n${failures.join('\n\n')}\n`).toEqual([]);
}

describe("the window's accessibility (axe-core and focus rings)", () => {
  it('the audit sees what it must: a planted unlabelled field, a faint text, a ringless button', async () => {
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Connect Confluence and Jira' }).waitFor();
    // Styles through the CSSOM: the window's CSP (style-src 'self') drops inline style attributes.
    await page.evaluate(() => {
      const planted = document.createElement('div');
      planted.id = 'planted';
      planted.innerHTML = '<input type="text" id="planted-field"><p id="planted-text">faint</p><button type="button">ringless</button>';
      Object.assign(planted.querySelector('p')!.style, { color: '#bbb', background: '#fff' });
      planted.querySelector('button')!.style.outline = 'none';
      document.querySelector('main')!.append(planted);
    });
    try {
      const { violations } = await axeViolations(page);
      const found = violations.filter((v) => v.nodes.some((n) => n.target.join(' ').includes('planted'))).map((v) => v.id);
      expect(found).toEqual(expect.arrayContaining(['label', 'color-contrast']));
      const stops = await tabFocusStops(page);
      expect(stops.find((s) => s.element.includes('ringless'))?.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^outline is none/)]));
      expect(stops.find((s) => s.element.includes('Site address'))?.problems).toEqual([]);
    } finally {
      await page.evaluate(() => document.getElementById('planted')!.remove());
    }
  });

  it('first-run Setup: the empty token form, then a refused token', async () => {
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Connect Confluence and Jira' }).waitFor();
    await audit('setup, token form');

    await page.getByLabel('Site address', { exact: true }).fill(sandbox.siteUrl);
    await page.getByLabel('Email', { exact: true }).fill(sandbox.seed.alice.email);
    await page.getByLabel('API token', { exact: true }).fill('not-a-real-token');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect.poll(() => page.locator('.setup-result .error').count(), { timeout: 15_000 }).toBe(1);
    await audit('setup, token refused');
  }, 120_000);

  it('Setup with OAuth: the console steps, the site choice, and "Connected"', async () => {
    const port = await freePort();
    const callback = `http://127.0.0.1:${port}/callback`;
    sandbox.oauth.registerRedirectUri(callback, 'cloud');
    await page.getByLabel('OAuth (browser)').check();
    await page.getByLabel('Callback port', { exact: false }).fill(String(port));
    await expect.poll(() => page.getByLabel('Callback URL', { exact: true }).inputValue()).toBe(callback);
    await page.getByLabel('Client ID', { exact: true }).fill(sandbox.seed.oauth.cloud.clientId);
    await page.getByLabel('Client secret', { exact: true }).fill(sandbox.seed.oauth.cloud.clientSecret);
    await audit('setup, OAuth steps');

    const opened = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const consent = await opened;
    await consent.waitForLoadState();
    await consent.click('#approve');
    await consent.waitForURL(`${callback}?**`);
    await consent.close();
    const choice = page.getByRole('group', { name: 'Which site should Tether use?' });
    await choice.waitFor({ timeout: 15_000 });
    await audit('setup, OAuth site choice');

    await choice.getByRole('radio', { name: new RegExp(`^${sandbox.seed.siteName} \\(`) }).check();
    await choice.getByRole('button', { name: 'Use this site' }).click();
    await expect.poll(() => page.locator('.setup-result').textContent(), { timeout: 15_000 }).toMatch(/Connected to Confluence and Jira/);
    await audit('setup, OAuth connected');
  }, 120_000);

  it('Status when connected, with a connection check done', async () => {
    await page.getByRole('tab', { name: 'Status' }).click();
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    await page.getByRole('button', { name: 'Sign out of Confluence' }).waitFor();
    await page.getByRole('button', { name: 'Check connection to Confluence' }).click();
    // An OAuth grant is checked with its own (refreshed) token, not as an API token.
    await expect.poll(() => page.locator('.check-result').first().textContent(), { timeout: 15_000 }).toMatch(/^Works: signed in as Alice .* with OAuth\.$/);
    // Audited once the view has settled (a push-driven refresh may be running).
    await expect.poll(() => page.locator('.status-panel').getAttribute('aria-busy')).toBe('false');
    await audit('status, connected');
  }, 120_000);

  it('AI apps: one app not added, one file broken, a one-click link open', async () => {
    await page.getByRole('tab', { name: 'Connect to AI apps' }).click();
    const cursor = page.getByRole('listitem', { name: 'Cursor', exact: true });
    await expect.poll(() => cursor.textContent()).toContain('Not added');
    await expect.poll(() => page.getByRole('listitem', { name: 'Claude Desktop', exact: true }).textContent()).toContain('File has a problem');
    await cursor.getByText('One-click link').click();
    await audit('AI apps');
  }, 120_000);

  it('Permissions: changes off, the "Allow changes?" dialog open, then changes on', async () => {
    await page.getByRole('tab', { name: 'Permissions' }).click();
    const allow = page.getByRole('switch', { name: 'Allow changes', exact: true });
    await expect.poll(() => allow.isEnabled()).toBe(true);
    await page.getByRole('switch', { name: 'Create a page', exact: true }).waitFor();
    await audit('permissions, changes off');

    await allow.click();
    const dialog = page.getByRole('dialog', { name: 'Allow changes?' });
    await dialog.waitFor();
    await audit('permissions, "Allow changes?" dialog');
    // Going round it with Tab kept focus inside: the dialog is still open.
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Yes, allow changes' }).click();
    await expect.poll(() => allow.getAttribute('aria-checked')).toBe('true');
    await audit('permissions, changes on');
  }, 180_000);

  it('Activity with tool calls in it', async () => {
    mcp = await startTetherMcp(profile.env(env));
    expect((await mcp.call('confluence_list_spaces', { limit: 1 })).isError).toBe(false);
    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByRole('cell', { name: 'confluence_list_spaces' }).first().waitFor();
    await audit('activity');
  }, 120_000);
});
