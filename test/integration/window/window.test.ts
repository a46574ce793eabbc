// The window in a real browser against a real host: `tether serve --ui` with no credentials, the
// first-run sign-in against the sandbox, then the switches, checked from a real MCP client that is
// bridged to the same host. Run under scripts/keychain-session.sh: the sign-in stores into the keychain.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src-main/sandbox/index.ts';
import { startTetherMcp, type TetherMcp } from '../../helpers/mcp-client.ts';
import type { TetherProfile } from '../../helpers/run-tether.ts';
import { ARTIFACTS, listChangedUntil, listed, openWindowSession, rendererGzipBytes, type UiHost, type WindowSession } from './window-harness.ts';

let session: WindowSession;
let sandbox: Sandbox;
let profile: TetherProfile;
let host: UiHost;
let page: Page;
let mcp: TetherMcp | undefined;

beforeAll(async () => {
  session = await openWindowSession();
  ({ sandbox, profile, host, page } = session);
}, 60_000);

afterAll(async () => {
  await mcp?.close();
  await session?.close();
  // The token went in through the window and must never come back out: not in the host's output, not on the page.
  expect(host.output()).not.toContain(sandbox.seed.alice.classicToken);
});

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });


describe("Tether's window over loopback HTTP", () => {
  it('first run: opens on Setup and connects with an API token in a few steps', async () => {
    await page.goto(host.url);
    // The token leaves the address bar as soon as the page has it.
    await expect.poll(() => page.url()).not.toContain('token=');
    await page.getByRole('heading', { name: 'Connect Confluence and Jira' }).waitFor();
    const paint = await page.evaluate(() => performance.getEntriesByType('paint').map((e) => ({ name: e.name, ms: Math.round(e.startTime) })));
    console.log(`window first paint: ${JSON.stringify(paint)}`);
    const { raw, gzip } = rendererGzipBytes();
    console.log(`renderer bundle: ${(raw / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip`);
    await shot('1-setup-empty');

    let interactions = 0;
    const alice = sandbox.seed.alice;
    await page.getByLabel('Site address', { exact: true }).fill(sandbox.siteUrl);
    interactions += 1;
    await page.getByLabel('Email', { exact: true }).fill(alice.email);
    interactions += 1;
    await page.getByLabel('API token', { exact: true }).fill(alice.classicToken);
    interactions += 1;
    await page.getByLabel('API token', { exact: true }).press('Enter');
    interactions += 1;
    const result = page.locator('.setup-result');
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/Connected as/);
    console.log(`first-run setup: ${interactions} user interactions (clicks + fields filled + keys) to "Connected"`);
    await shot('2-setup-connected');
    expect(interactions).toBeLessThanOrEqual(5);
    expect(await page.content()).not.toContain(alice.classicToken);
  });

  it('"Allow changes" and per-tool switches reach a connected MCP client at once', async () => {
    mcp = await startTetherMcp(profile.env({}));
    expect(await listed(mcp)).not.toContain('confluence_create_page');
    expect(await listed(mcp)).toContain('confluence_get_page');

    await page.getByRole('tab', { name: 'Permissions' }).click();
    const allow = page.getByRole('switch', { name: 'Allow changes', exact: true });
    await expect.poll(() => allow.getAttribute('aria-checked')).toBe('false');
    await allow.click();
    const dialog = page.getByRole('dialog', { name: 'Allow changes?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/create, edit, move and delete pages/);
    await shot('3-confirm-writes');
    const writesHeard = listChangedUntil(mcp, (names) => names.includes('confluence_create_page'));
    await dialog.getByRole('button', { name: 'Yes, allow changes' }).click();
    expect(await writesHeard).toContain('confluence_create_page');
    await expect.poll(() => allow.getAttribute('aria-checked')).toBe('true');
    await shot('4-changes-allowed');

    const createPage = page.getByRole('switch', { name: 'Create a page', exact: true });
    await expect.poll(() => createPage.getAttribute('aria-checked')).toBe('true');
    const toolHeard = listChangedUntil(mcp, (names) => !names.includes('confluence_create_page'));
    await createPage.click();
    const after = await toolHeard;
    expect(after).not.toContain('confluence_create_page');
    expect(after).toContain('confluence_update_page');
    await expect.poll(() => createPage.getAttribute('aria-checked')).toBe('false');
    await shot('5-tool-off');
  });

  it('Activity lists the client\'s tool calls', async () => {
    const answer = await mcp!.call('confluence_get_space', { space_key: sandbox.seed.confluence.engSpaceKey });
    expect(answer.isError, answer.text).toBe(false);
    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByRole('cell', { name: 'confluence_get_space' }).first().waitFor();
    await shot('6-activity');
    // While the tab is open, a new call shows up because the host pushes a notice (the fallback
    // refresh is 30 s away, so seeing it within 5 s means the push arrived).
    const rows = await page.getByRole('cell', { name: 'confluence_list_spaces' }).count();
    expect((await mcp!.call('confluence_list_spaces', { limit: 1 })).isError).toBe(false);
    await expect.poll(() => page.getByRole('cell', { name: 'confluence_list_spaces' }).count(), { timeout: 5000 }).toBe(rows + 1);
  });
});
