// The window with a scoped API token created with too few scopes: set up through Setup, Status lists
// the scopes Tether recommends, "Check connection" marks which ones the token has, "Last good call"
// moves, and an AI app's call that needs a missing scope is told so. Run under the keychain session.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../src-main/sandbox/index.ts';
import { startTetherMcp, type TetherMcp } from '../../helpers/mcp-client.ts';
import { ARTIFACTS, openWindowSession, type WindowSession } from './window-harness.ts';

let session: WindowSession;
let sandbox: Sandbox;
let page: Page;
let mcp: TetherMcp | undefined;

beforeAll(async () => {
  session = await openWindowSession();
  ({ sandbox, page } = session);
}, 60_000);

afterAll(async () => {
  await mcp?.close();
  await session?.close();
  expect(session.host.output()).not.toContain(sandbox.seed.alice.narrowScopedToken);
});

const confluenceCard = () => page.getByRole('article', { name: 'Confluence' });
const scope = (name: string) => confluenceCard().getByRole('listitem').filter({ hasText: name });

describe('a scoped token with too few scopes, in the window', () => {
  it('sets up, and Status lists the scopes to tick before anything was tried', async () => {
    await page.goto(session.host.url);
    await page.getByLabel('Site address', { exact: true }).fill(sandbox.siteUrl);
    await page.getByLabel('Email', { exact: true }).fill(sandbox.seed.alice.email);
    await page.getByLabel('API token', { exact: true }).fill(sandbox.seed.alice.narrowScopedToken);
    await page.getByLabel('API token', { exact: true }).press('Enter');
    await expect.poll(() => page.locator('.setup-result').textContent(), { timeout: 15_000 }).toMatch(/Connected as/);

    await page.getByRole('tab', { name: 'Status' }).click();
    await expect.poll(() => confluenceCard().getByText('Credential').locator('..').textContent()).toMatch(/scoped API token/);
    await expect.poll(() => scope('read:comment:confluence').textContent()).toMatch(/not tried/);
    expect(await confluenceCard().textContent()).toMatch(/Tick these when you create the token/);
  });

  it('"Check connection" marks which scopes work and which are missing, and moves "Last good call"', async () => {
    await confluenceCard().getByRole('button', { name: 'Check connection to Confluence' }).click();
    await expect.poll(() => scope('read:comment:confluence').textContent(), { timeout: 15_000 }).toMatch(/missing/);
    expect(await scope('read:page:confluence').textContent()).toMatch(/works/);
    expect(await scope('write:page:confluence').textContent()).toMatch(/not tried/);
    expect(await confluenceCard().textContent()).toMatch(/The token lacks \d+ scopes Tether uses/);
    expect(await confluenceCard().getByText('Last good call').locator('..').textContent()).toMatch(/just now/);
    await confluenceCard().getByRole('heading', { name: 'Scopes' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'scopes-checked.png') });
  });

  it("an AI app's call that needs a missing scope is told which kind of problem it is", async () => {
    mcp = await startTetherMcp(session.profile.env({}));
    const answer = await mcp.call('confluence_get_comments', { page_id: sandbox.seed.confluence.homePageId });
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/lacks a scope/);
    expect(answer.text).not.toMatch(/sign in again/);
  });
});
