// `tether auth` with no options, in a real terminal (a pseudo-terminal from util-linux `script`):
// the questions a first-time user answers, then the same keychain result as the scripted flow.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src-main/sandbox/index.ts';
import { newProfile, tetherBin } from '../../helpers/run-tether.ts';
import { secretToolSearch } from '../../helpers/secret-tool.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

/** Answers each prompt when it appears on the terminal, like a person typing. */
function converse(command: string, env: NodeJS.ProcessEnv, script: [RegExp, string][]): Promise<{ code: number; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    let step = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      const next = script[step];
      if (next && next[0].test(screen)) {
        step += 1;
        screen += '\n<<answered>>\n';
        child.stdin.write(`${next[1]}\r`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, screen });
    });
  });
}

it('asks for site, sign-in kind, email and token, and hides the token as it is typed', async () => {
  const profile = await newProfile();
  const alice = sandbox.seed.alice;
  const { code, screen } = await converse(`${process.execPath} ${tetherBin} auth`, profile.env({ TETHER_ATLASSIAN_API_URL: sandbox.apiUrl, TERM: 'xterm' }), [
    [/Your Atlassian site/, sandbox.siteUrl],
    [/How do you sign in to this site\?/, ''],
    [/Email of your Atlassian account/, alice.email],
    [/API token:/, alice.classicToken],
  ]);
  expect(code).toBe(0);
  expect(screen).toContain('Signed in to Confluence and Jira');
  expect(screen).not.toContain(alice.classicToken); // typed as ****
  expect(screen).toMatch(/\*{20,}/);
  expect(secretToolSearch(profile.keychainService)).toHaveLength(2);
  const logout = await converse(`${process.execPath} ${tetherBin} logout`, profile.env(), []);
  expect(logout.code).toBe(0);
  expect(secretToolSearch(profile.keychainService)).toHaveLength(0);
});
