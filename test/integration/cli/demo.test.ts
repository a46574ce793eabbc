// `tether demo`: the sandbox as a user meets it — started from the command, checked by Tether itself,
// and usable from another terminal with exactly the lines it prints.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { expect, it } from 'vitest';
import { cleanEnv, newProfile, runTether, tetherBin } from '../../helpers/run-tether.ts';

function startDemo(args: string[]): Promise<{ output: string; stop: () => Promise<number> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tetherBin, 'demo', ...args], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number>((done) => child.on('close', (code) => done(code ?? -1)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) {
        resolve({
          output,
          stop: () => {
            child.kill('SIGINT');
            return exited;
          },
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => reject(new Error(chunk.toString())));
    setTimeout(() => reject(new Error(`demo did not start: ${output}`)), 15_000);
  });
}

it('starts the sandbox, proves Tether against it, and prints lines that work elsewhere', async () => {
  const demo = await startDemo([]);
  try {
    expect(demo.output).toMatch(/✓ Confluence: Tether signed in as Alice Example \(classic token\)/);
    expect(demo.output).toMatch(/✓ Jira: Tether signed in as Alice Example \(classic token\)/);
    const exports = Object.fromEntries([...demo.output.matchAll(/^ {2}export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(Object.keys(exports)).toEqual(expect.arrayContaining(['CONFLUENCE_URL', 'CONFLUENCE_API_TOKEN', 'JIRA_URL', 'TETHER_ATLASSIAN_API_URL']));

    const profile = await newProfile();
    const status = await runTether(['status', '--check', '--json'], { env: profile.env(exports) });
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout);
    expect(report.confluence).toMatchObject({ authenticated: true, source: 'env', tokenType: 'classic' });
    expect(report.jira).toMatchObject({ authenticated: true, source: 'env', tokenType: 'classic' });

    // The "store it like a user would" line: a scoped token, through the printed gateway.
    const line = demo.output.match(/echo (\S+) \| node \S+tether\.js auth --site (\S+) --email (\S+) --token-stdin/)!;
    const auth = await runTether(['auth', '--site', line[2]!, '--email', line[3]!, '--token-stdin'], { env: profile.env({ TETHER_ATLASSIAN_API_URL: exports.TETHER_ATLASSIAN_API_URL }), input: line[1]! });
    expect(auth.code).toBe(0);
    expect(auth.stdout).toContain('scoped API token');
    await runTether(['logout'], { env: profile.env() });
  } finally {
    expect(await demo.stop()).toBe(0);
  }
});

it('--port fixes the ports, and a taken port gets a sentence that says what to do', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const taken = await runTether(['demo', '--port', String(port), '--check-only'], { env: cleanEnv() });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain(`Port ${port} (or ${port + 1}, ${port + 2}) is already in use: pick another with --port`);
  } finally {
    blocker.close();
  }
  const bad = await runTether(['demo', '--port', 'eighty'], { env: cleanEnv() });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--port is "eighty"');
});
