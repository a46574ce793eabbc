// `tether demo`: the built-in sandbox Atlassian site, so anyone can try Tether without an account.
// It starts the sandbox, proves Tether works against it, and prints how to point Tether at it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../../core/host/engine.ts';
import { resolvePaths } from '../../core/config/paths.ts';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { UsageError } from '../cli-error.ts';
import { selfCommand } from '../self-command.ts';

export const demoHelp = `Usage: tether demo [--port N] [--check-only]

Runs a sandbox Atlassian site (Confluence + Jira, Cloud and Data Center) on this computer and
shows Tether working against it. Press Ctrl-C to stop.
  --port N       fixed ports: site N, API gateway N+1, Data Center N+2 (default: free ports)
  --check-only   run the check and stop instead of serving`;

export function demoEnvironment(sandbox: Sandbox): Record<string, string> {
  const alice = sandbox.seed.users[0]!;
  return {
    TETHER_ATLASSIAN_API_URL: sandbox.apiUrl,
    CONFLUENCE_URL: sandbox.siteUrl,
    CONFLUENCE_EMAIL: alice.email,
    CONFLUENCE_API_TOKEN: alice.classicToken,
    JIRA_URL: sandbox.siteUrl,
    JIRA_USERNAME: alice.email,
    JIRA_API_TOKEN: alice.classicToken,
  };
}

export async function demoCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, 'check-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(`${demoHelp}\n`);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65533) throw new UsageError(`--port is "${values.port}": give a port number between 1024 and 65533 (three ports from it are used).`);
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox(port ? { sitePort: port, apiPort: port + 1, dcPort: port + 2 } : {});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`Port ${port} (or ${port + 1}, ${port + 2}) is already in use: pick another with --port, or leave --port out to use free ports.`);
    throw error;
  }
  const env = demoEnvironment(sandbox);
  const alice = sandbox.seed.users[0]!;

  // The check runs the real engine against the sandbox, with a throw-away config folder so the
  // user's own settings and keychain are never touched.
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'tether-demo-'));
  try {
    const engine = await Engine.open({ env: { ...env, TETHER_CONFIG_DIR: scratch }, paths: resolvePaths({ TETHER_CONFIG_DIR: scratch }) });
    const lines = ['Tether demo — a sandbox Atlassian site is running on this computer.', ''];
    lines.push(`  Cloud site    ${sandbox.siteUrl}   (cloudId ${sandbox.cloudId})`);
    lines.push(`  API gateway   ${sandbox.apiUrl}`);
    lines.push(`  Data Center   ${sandbox.dcUrl}/confluence   and   ${sandbox.dcUrl}/jira`, '');
    for (const product of ['confluence', 'jira'] as const) {
      const check = await engine.verify(product);
      lines.push(check.ok ? `  ✓ ${product === 'jira' ? 'Jira' : 'Confluence'}: Tether signed in as ${check.account?.displayName} (${check.tokenType} token)` : `  ✗ ${product}: ${check.problem}`);
    }
    lines.push('', 'Point Tether at it from another terminal (these are sandbox-only demo tokens):', '');
    for (const [name, value] of Object.entries(env)) lines.push(`  export ${name}=${value}`);
    const tether = selfCommand();
    lines.push(`  ${tether} status --check`, '');
    lines.push('Or store a credential the way a user would (saved in your keychain until `tether logout`):', '');
    lines.push(`  export TETHER_ATLASSIAN_API_URL=${sandbox.apiUrl}`);
    lines.push(`  echo ${alice.scopedToken} | ${tether} auth --site ${sandbox.siteUrl} --email ${alice.email} --token-stdin`, '');
    lines.push('Or sign in with OAuth through the browser (the sandbox plays auth.atlassian.com; approve on its page):', '');
    lines.push(`  export TETHER_ATLASSIAN_AUTH_URL=${sandbox.authUrl} TETHER_ATLASSIAN_API_URL=${sandbox.apiUrl}`);
    lines.push(`  echo ${sandbox.seed.oauth.cloud.clientSecret} | ${tether} auth --oauth --client-id ${sandbox.seed.oauth.cloud.clientId} --client-secret-stdin --site ${sandbox.cloudId}`, '');
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (values['check-only']) {
    await sandbox.close();
    return 0;
  }
  process.stdout.write('Serving. Press Ctrl-C to stop.\n');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sandbox.close();
  return 0;
}
