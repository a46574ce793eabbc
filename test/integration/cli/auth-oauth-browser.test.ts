// The OAuth sign-in as a person does it: `tether auth --oauth` prints the address, a real Chromium
// (Debian's, driven by Playwright) opens it, the user clicks Approve on the authorization server's
// page, and the browser lands on Tether's callback page while the command saves the grant.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { freePort } from '../../helpers/free-port.ts';
import { newProfile, repoRoot, runTether, tetherBin } from '../../helpers/run-tether.ts';
import { CHROMIUM, launchChromium } from '../window/window-harness.ts';

const ARTIFACTS = path.join(repoRoot, 'test-results');

let sandbox: Sandbox;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), or set TETHER_CHROMIUM.`);
  sandbox = await startSandbox();
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});


describe('OAuth sign-in in a real browser', () => {
  it('goes from the printed address through the consent page to "Tether is connected"', async () => {
    const profile = await newProfile();
    const port = await freePort();
    sandbox.oauth.registerRedirectUri(`http://127.0.0.1:${port}/callback`, 'cloud');
    const child = spawn(process.execPath, [tetherBin, 'auth', '--oauth', '--no-browser', '--client-id', sandbox.seed.oauth.cloud.clientId, '--client-secret-stdin', '--port', String(port), '--site', sandbox.cloudId], {
      env: profile.env({ TETHER_ATLASSIAN_AUTH_URL: sandbox.authUrl, TETHER_ATLASSIAN_API_URL: sandbox.apiUrl }),
    });
    child.stdin.end(sandbox.seed.oauth.cloud.clientSecret);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const address = await new Promise<string>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const found = /https?:\/\/\S+\/authorize\?\S+/.exec(stdout);
        if (found) resolve(found[0]);
      }),
    );
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));

    const page = await browser.newPage();
    await page.goto(address);
    await page.screenshot({ path: path.join(ARTIFACTS, 'oauth-consent.png') });
    await page.click('#approve');
    await page.waitForURL(`http://127.0.0.1:${port}/callback?**`);
    expect(await page.locator('h1').textContent()).toBe('Tether is connected');
    await page.screenshot({ path: path.join(ARTIFACTS, 'oauth-connected.png') });
    await page.close();

    expect(await exited, stderr).toBe(0);
    const status = JSON.parse((await runTether(['status', '--json'], { env: profile.env() })).stdout);
    expect(status.confluence).toMatchObject({ authenticated: true, tokenType: 'oauth', cloudId: sandbox.cloudId });
  });
});
