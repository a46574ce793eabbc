// The window's OAuth sign-in and its broader switches, in a real browser against a real host:
// `tether serve --ui` pointed at the sandbox's authorization server and gateway, no credentials.
// Setup → OAuth → Connect opens the consent page in a new tab; after Approve the window says
// "Connected" and `tether status` sees the OAuth grant. Then "Pause Tether" and a space limit reach
// a bridged MCP client. Run under scripts/keychain-session.sh: the grant goes into the keychain.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src-main/sandbox/index.ts';
import { freePort } from '../../helpers/free-port.ts';
import { startTetherMcp, type TetherMcp } from '../../helpers/mcp-client.ts';
import { runTether, type TetherProfile } from '../../helpers/run-tether.ts';
import { ARTIFACTS, listChangedUntil, listed, openWindowSession, type UiHost, type WindowSession } from './window-harness.ts';

let session: WindowSession;
let sandbox: Sandbox;
let profile: TetherProfile;
let env: Record<string, string>;
let host: UiHost;
let page: Page;
let mcp: TetherMcp | undefined;

beforeAll(async () => {
  session = await openWindowSession();
  ({ sandbox, profile, env, host, page } = session);
}, 60_000);

afterAll(async () => {
  await mcp?.close();
  await session?.close();
  // The secret went in through the window and must never come back out.
  expect(host.output()).not.toContain(sandbox.seed.oauth.cloud.clientSecret);
});

const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `oauth-${name}.png`) });

describe("the window's OAuth sign-in", () => {
  it('Setup → OAuth → Connect → Approve in a new tab → "Connected", saved as an OAuth grant', async () => {
    const port = await freePort();
    const callback = `http://127.0.0.1:${port}/callback`;
    sandbox.oauth.registerRedirectUri(callback, 'cloud');
    const app = sandbox.seed.oauth.cloud;

    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Connect Confluence and Jira' }).waitFor();
    await page.getByLabel('OAuth (browser)').check();
    await page.getByLabel('Callback port', { exact: false }).fill(String(port));
    // The steps show what the developer console needs: the scopes and this very callback URL.
    await expect.poll(() => page.getByLabel('Callback URL', { exact: true }).inputValue()).toBe(callback);
    expect(await page.getByLabel('Scopes', { exact: true }).inputValue()).toContain('offline_access');
    await page.getByLabel('Client ID', { exact: true }).fill(app.clientId);
    await page.getByLabel('Client secret', { exact: true }).fill(app.clientSecret);
    await shot('1-filled');

    const opened = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const consent = await opened;
    await consent.waitForLoadState();
    expect(consent.url()).toContain(`${sandbox.authUrl}/authorize`);
    await consent.click('#approve');
    await consent.waitForURL(`${callback}?**`);
    expect(await consent.locator('h1').textContent()).toBe('Tether is connected');
    await consent.close();

    // The sandbox's account reaches two sites: the window asks which one.
    const choice = page.getByRole('group', { name: 'Which site should Tether use?' });
    await choice.waitFor({ timeout: 15_000 });
    await shot('2-choose-site');
    await choice.getByRole('radio', { name: new RegExp(`^${sandbox.seed.siteName} \\(`) }).check();
    await choice.getByRole('button', { name: 'Use this site' }).click();
    const result = page.locator('.setup-result');
    await expect.poll(() => result.textContent(), { timeout: 15_000 }).toMatch(/Connected to Confluence and Jira/);
    await shot('3-connected');
    expect(await page.content()).not.toContain(app.clientSecret);

    const status = JSON.parse((await runTether(['status', '--json'], { env: profile.env(env) })).stdout);
    expect(status.confluence).toMatchObject({ authenticated: true, tokenType: 'oauth', cloudId: sandbox.cloudId });
    expect(status.jira).toMatchObject({ authenticated: true, tokenType: 'oauth' });
  }, 60_000);

  it('"Pause Tether" empties a client\'s tool list, and a space limit refuses another space\'s page', async () => {
    mcp = await startTetherMcp(profile.env(env));
    expect(await listed(mcp)).toContain('confluence_get_page');

    await page.getByRole('tab', { name: 'Permissions' }).click();
    const pause = page.getByRole('switch', { name: 'Pause Tether', exact: true });
    await expect.poll(() => pause.getAttribute('aria-checked')).toBe('false');
    const paused = listChangedUntil(mcp, (names) => names.length === 0);
    await pause.click();
    expect(await paused).toEqual([]);
    await expect.poll(() => pause.getAttribute('aria-checked')).toBe('true');
    await shot('4-paused');

    const resumed = listChangedUntil(mcp, (names) => names.includes('confluence_get_page'));
    await pause.click();
    await resumed;

    const spaces = page.getByRole('textbox', { name: 'Confluence space keys', exact: true });
    await spaces.fill('eng');
    await page.getByRole('button', { name: 'Save limits' }).click();
    // The host upper-cases the keys; the field shows what was saved.
    await expect.poll(() => spaces.inputValue()).toBe('ENG');
    await shot('5-limits');

    const ids = sandbox.seed.confluence;
    const refused = await mcp.call('confluence_get_page', { page_id: ids.opsHomePageId });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/outside the spaces Tether may use \(ENG\)/);
    const allowed = await mcp.call('confluence_get_page', { page_id: ids.homePageId });
    expect(allowed.isError, allowed.text).toBe(false);
  }, 60_000);
});
