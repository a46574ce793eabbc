// Starts `tether serve --ui` (the built CLI, a fresh profile, no credentials) and headless Chromium
// (Debian's, through playwright-core: no browser download) for the window's browser tests.
import type { TetherMcp } from '../../helpers/mcp-client.ts';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type * as Axe from 'axe-core';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { newProfile, repoRoot, tetherBin, type TetherProfile } from '../../helpers/run-tether.ts';

export const CHROMIUM = process.env.TETHER_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(repoRoot, 'test-results', 'window');

export interface UiHost {
  child: ChildProcessWithoutNullStreams;
  url: string;
  socketPath: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startUiHost(profile: TetherProfile, env: Record<string, string>): Promise<UiHost> {
  const child = spawn(process.execPath, [tetherBin, 'serve', '--ui'], { env: profile.env(env) });
  let output = '';
  const found = await new Promise<{ url: string; socketPath: string }>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const url = /Tether's window: (\S+)/.exec(output)?.[1];
      const socketPath = /Tether serves MCP on (\S+)/.exec(output)?.[1];
      if (url && socketPath) resolve({ url, socketPath });
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`tether serve --ui exited (${code}): ${output}`)));
  });
  return {
    child,
    ...found,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface WindowSession {
  sandbox: Sandbox;
  profile: TetherProfile;
  /** What the host was started with: the sandbox's URLs, no rate limit, and what `prepare` added. */
  env: Record<string, string>;
  host: UiHost;
  browser: Browser;
  /** A page at the tray popover's size, 360×560, not yet opened on the window. */
  page: Page;
  close(): Promise<void>;
}

/**
 * The setup every window test shares: a sandbox, a fresh profile, `tether serve --ui` pointed at the
 * sandbox, and Chromium. `prepare` runs before the host starts (store a credential, make a home…) and
 * may add to its environment.
 */
export async function openWindowSession(prepare?: (sandbox: Sandbox, profile: TetherProfile) => Promise<Record<string, string> | void>): Promise<WindowSession> {
  await mkdir(ARTIFACTS, { recursive: true });
  const sandbox = await startSandbox();
  const profile = await newProfile();
  const env = { TETHER_ATLASSIAN_AUTH_URL: sandbox.authUrl, TETHER_ATLASSIAN_API_URL: sandbox.apiUrl, TETHER_RATE_LIMIT_PER_MINUTE: '0', ...(await prepare?.(sandbox, profile)) };
  const host = await startUiHost(profile, env);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 360, height: 560 } });
  return {
    sandbox,
    profile,
    env,
    host,
    browser,
    page,
    async close() {
      await browser.close();
      await host.stop();
      await sandbox.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--password-store=basic'] });
}

/** The built window's weight as a browser downloads it: every file of dist/renderer, gzipped one by one. */
export function rendererGzipBytes(): { raw: number; gzip: number } {
  const dir = path.join(repoRoot, 'dist', 'renderer');
  let raw = 0;
  let gzip = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const body = readFileSync(path.join(entry.parentPath, entry.name));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

export const listed = async (client: TetherMcp) => (await client.client.listTools()).tools.map((t) => t.name);

/**
 * Resolves with the tool list once a tools/list_changed the client hears is followed by a list that
 * passes `expected`. Earlier notices (the settings-file watcher echoes each save) may arrive first:
 * each one is answered by listing again, as a client does.
 */
export function listChangedUntil(client: TetherMcp, expected: (names: string[]) => boolean, timeoutMs = 10_000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no tools/list_changed led to the expected tool list')), timeoutMs);
    client.client.setNotificationHandler('notifications/tools/list_changed', async () => {
      const names = await listed(client);
      if (expected(names)) {
        clearTimeout(timer);
        resolve(names);
      }
    });
  });
}

/** The WCAG 2.0/2.1 A and AA rules plus axe's best practices: what the window's audit holds it to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
let axeSource: string | undefined;

/**
 * Runs axe-core over the whole page as it is now and returns its violations. The source goes in
 * through page.evaluate (DevTools' Runtime.evaluate), which the window's CSP (script-src 'self')
 * does not govern, so the page is audited with its real policy on.
 */
export async function axeViolations(page: Page): Promise<{ violations: Axe.Result[]; rules: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof Axe };
    const results = await axe.run(document, { runOnly: tags, resultTypes: ['violations'] });
    // `rules`: how many rules found something to check here (passed or not), proof the audit looked.
    return { violations: results.violations, rules: results.passes.length + results.violations.length };
  }, AXE_TAGS);
}

/** One line per failing element: rule id, impact, help, the element's selector and axe's reason. */
export function describeViolations(violations: Axe.Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => {
        const why = [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean)[0] ?? '';
        return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${n.target.join(' ')}${why ? ` — ${why}` : ''}`;
      }),
    )
    .join('\n');
}

export interface FocusStop {
  /** Tag and accessible name (aria-label or text), for messages. */
  element: string;
  /** What is wrong with its focus indicator; empty when the ring shows. */
  problems: string[];
}

/**
 * Presses Tab round the page (or round an open modal dialog) until focus comes back to an element it
 * already reached, and for each element reached checks the focus indicator a keyboard user sees: it matches
 * :focus-visible, has a solid outline at least 2px wide whose colour has 3:1 contrast against the
 * background behind it (WCAG 1.4.11), and no scrolling or clipping ancestor (nor the viewport) cuts
 * the ring off where the element itself is in view.
 */
export async function tabFocusStops(page: Page, limit = 200): Promise<FocusStop[]> {
  // The elements reached this round, kept in the page (a WeakSet: nothing is added to the DOM).
  await page.evaluate(() => ((window as unknown as { tabRound: WeakSet<Element> }).tabRound = new WeakSet()));
  const stops: FocusStop[] = [];
  let outside = 0;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const round = (window as unknown as { tabRound: WeakSet<Element> }).tabRound;
      if (round.has(el)) return 'again';
      round.add(el);
      const name = el.getAttribute('aria-label') ?? (el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : el.textContent) ?? '';
      const element = `<${el.tagName.toLowerCase()}> "${name.trim().slice(0, 40)}"`;
      const problems: string[] = [];
      const style = getComputedStyle(el);
      if (!el.matches(':focus-visible')) problems.push('does not match :focus-visible');
      const width = parseFloat(style.outlineWidth);
      if (style.outlineStyle !== 'solid' || width < 2) problems.push(`outline is ${style.outlineStyle} ${style.outlineWidth}, not a solid ring of 2px or more`);

      const rgba = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      // The ring sits outside the element (or inside it, for a negative offset): behind it is the
      // element's own background or the nearest opaque one around it.
      const offset = parseFloat(style.outlineOffset);
      let behind: Element | null = offset < 0 ? el : el.parentElement;
      let background = [255, 255, 255];
      for (; behind; behind = behind.parentElement) {
        const [r = 0, g = 0, b = 0, a = 1] = rgba(getComputedStyle(behind).backgroundColor);
        if (a >= 0.99) {
          background = [r, g, b];
          break;
        }
      }
      const ring = rgba(style.outlineColor);
      const [l1, l2] = [luminance(ring), luminance(background)].sort((a, b) => b - a) as [number, number];
      const contrast = (l1 + 0.05) / (l2 + 0.05);
      if ((ring[3] ?? 1) < 0.99) problems.push(`outline colour ${style.outlineColor} is not opaque`);
      if (contrast < 3) problems.push(`outline ${style.outlineColor} on ${`rgb(${background.join(', ')})`} has contrast ${contrast.toFixed(2)}:1, under 3:1`);

      // Clipping: a side of the ring past a clipping box while that side of the element is inside it.
      const box = el.getBoundingClientRect();
      const out = Math.max(0, offset + width);
      const ringBox = { left: box.left - out, top: box.top - out, right: box.right + out, bottom: box.bottom + out };
      const clips: [string, { left: number; top: number; right: number; bottom: number }][] = [
        ['the viewport', { left: 0, top: 0, right: document.documentElement.clientWidth, bottom: document.documentElement.clientHeight }],
      ];
      for (let up = el.parentElement; up && up !== document.documentElement && up !== document.body; up = up.parentElement) {
        const s = getComputedStyle(up);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const r = up.getBoundingClientRect();
        const left = r.left + up.clientLeft;
        const top = r.top + up.clientTop;
        clips.push([`<${up.tagName.toLowerCase()} class="${up.className}">`, { left, top, right: left + up.clientWidth, bottom: top + up.clientHeight }]);
      }
      for (const [name, c] of clips) {
        const cut =
          (box.left >= c.left && ringBox.left < c.left - 0.5) ||
          (box.top >= c.top && ringBox.top < c.top - 0.5) ||
          (box.right <= c.right && ringBox.right > c.right + 0.5) ||
          (box.bottom <= c.bottom && ringBox.bottom > c.bottom + 0.5);
        if (cut) problems.push(`ring cut off by ${name}`);
      }
      return { element, problems };
    });
    if (stop === 'again') break;
    // Focus left the page (past the last element, into the browser's own UI): the next Tab comes back
    // to the first one, which ends the round.
    if (!stop) {
      if ((outside += 1) > 2) break;
      continue;
    }
    stops.push({ element: stop.element, problems: stop.problems });
  }
  return stops;
}
