// `tether auth`: sign in once; the token is detected (classic / scoped / personal), proven with a
// real call and only then saved to the keychain.
import { parseArgs } from 'node:util';
import { parseSite } from '../../core/auth/site-url.ts';
import type { Engine, LoginInput, LoginResult } from '../../core/host/engine.ts';
import type { Product } from '../../shared/status.ts';
import { UsageError } from '../cli-error.ts';
import { readStdin } from '../read-stdin.ts';

export const authHelp = `Usage: tether auth [options]

Sign in to Confluence and Jira. Without options it asks, step by step.

  --site <name|URL>      acme, acme.atlassian.net, or a Server/Data Center URL
  --email <address>      the Atlassian account's email (API tokens)
  --token-stdin          read an API token from standard input
  --pat-stdin            read a Server/Data Center personal access token from standard input
  --product <p>          confluence, jira or both (default: both for Cloud)
  --store <s>            keychain (default) or file (a 0600 file; also TETHER_CREDENTIALS_FILE)
  --no-ssl-verify        do not verify TLS certificates (only for a server you trust)

  --oauth                sign in through the browser with your OAuth 2.0 (3LO) app instead
  --client-id <id>       the app's client id (or ATLASSIAN_OAUTH_CLIENT_ID)
  --client-secret-stdin  read the app's client secret from standard input (or ATLASSIAN_OAUTH_CLIENT_SECRET)
  --port <n>             the callback port on 127.0.0.1 (default 8080: register http://127.0.0.1:8080/callback)
  --no-browser           print the sign-in address instead of opening the browser
  --writes               also ask for the scopes that changes need (default: read-only unless changes are on)

Example: tether auth --site acme --email me@acme.com --token-stdin < token.txt`;

export async function authCommand(engine: Engine, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      site: { type: 'string' },
      email: { type: 'string' },
      'token-stdin': { type: 'boolean' },
      'pat-stdin': { type: 'boolean' },
      product: { type: 'string' },
      store: { type: 'string' },
      'no-ssl-verify': { type: 'boolean' },
      oauth: { type: 'boolean' },
      'client-id': { type: 'string' },
      'client-secret-stdin': { type: 'boolean' },
      port: { type: 'string' },
      'no-browser': { type: 'boolean' },
      writes: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${authHelp}\n`);
    return 0;
  }
  if (values.oauth) {
    const { oauthLogin } = await import('./auth-oauth.ts');
    return oauthLogin(engine, {
      clientId: values['client-id'],
      clientSecretStdin: values['client-secret-stdin'],
      port: values.port,
      noBrowser: values['no-browser'],
      site: values.site,
      products: values.product === 'confluence' || values.product === 'jira' ? [values.product] : ['confluence', 'jira'],
      writes: values.writes,
      store: parseStore(values.store),
    });
  }
  if (values['token-stdin'] && values['pat-stdin']) throw new UsageError('Use either --token-stdin (API token) or --pat-stdin (personal access token), not both.');
  const store = parseStore(values.store) ?? engine.defaultStore();
  const sslVerify = !values['no-ssl-verify'];

  let input: LoginInput;
  if (values['token-stdin'] || values['pat-stdin']) {
    if (!values.site) throw new UsageError('Add --site with your site name or URL (for example --site acme).');
    const kind = values['pat-stdin'] ? 'pat' : 'api_token';
    if (kind === 'api_token' && !values.email) throw new UsageError('An API token needs --email with the address of its Atlassian account.');
    const secret = await readStdin();
    input = { site: values.site, kind, secret, products: productsFor(values.product, kind, values.site), store, sslVerify, ...(values.email ? { email: values.email } : {}) };
  } else {
    if (!process.stdin.isTTY) throw new UsageError('No token was given: pipe it in with --token-stdin (or --pat-stdin), or run `tether auth` in a terminal to be asked.');
    input = await askInteractively(values.site, values.email, values.product, store, sslVerify);
  }
  if (!sslVerify) process.stderr.write('tether: warning: TLS certificate verification is OFF for this site; `tether status` will show it.\n');
  const result = await engine.login(input);
  process.stdout.write(`${describeLogin(result)}\n`);
  return 0;
}

function parseStore(value: string | undefined): 'keychain' | 'file' | undefined {
  if (value === undefined) return undefined;
  if (value === 'keychain' || value === 'file') return value;
  throw new UsageError(`--store is "${value}": use keychain or file.`);
}

function productsFor(value: string | undefined, kind: 'api_token' | 'pat', site: string): Product[] {
  if (value === 'confluence' || value === 'jira') return [value];
  if (value === undefined || value === 'both') {
    if (value === undefined && kind === 'pat' && !parseSite(site).cloudByHost) {
      throw new UsageError('A Server/Data Center URL serves one product: add --product confluence or --product jira.');
    }
    return ['confluence', 'jira'];
  }
  throw new UsageError(`--product is "${value}": use confluence, jira or both.`);
}

async function askInteractively(site: string | undefined, email: string | undefined, product: string | undefined, store: 'keychain' | 'file', sslVerify: boolean): Promise<LoginInput> {
  const { input, password, select } = await import('@inquirer/prompts');
  const siteAnswer = site ?? (await input({ message: 'Your Atlassian site (acme, acme.atlassian.net, or a Server/Data Center URL):', validate: validateSite }));
  const cloud = parseSite(siteAnswer).cloudByHost;
  const kind = cloud
    ? 'api_token'
    : await select({
        message: 'How do you sign in to this site?',
        choices: [
          { name: 'Email + API token (Atlassian Cloud)', value: 'api_token' as const },
          { name: 'Personal access token (Server / Data Center)', value: 'pat' as const },
        ],
      });
  const emailAnswer = kind === 'api_token' ? (email ?? (await input({ message: 'Email of your Atlassian account:', validate: (v) => (v.includes('@') ? true : 'Type the email address you sign in to Atlassian with.') }))) : undefined;
  if (kind === 'api_token') process.stdout.write('Create an API token at https://id.atlassian.com/manage-profile/security/api-tokens if you have none.\n');
  const secret = await password({ message: kind === 'pat' ? 'Personal access token:' : 'API token:', mask: '*' });
  return { site: siteAnswer, kind, secret, products: productsFor(product ?? (kind === 'pat' ? undefined : 'both'), kind, siteAnswer), store, sslVerify, ...(emailAnswer ? { email: emailAnswer } : {}) };
}

function validateSite(value: string): true | string {
  try {
    parseSite(value);
    return true;
  } catch (error) {
    return (error as Error).message;
  }
}

const TOKEN_WORDS: Record<LoginResult['tokenType'], string> = {
  classic: 'classic API token (sent to the site)',
  scoped: 'scoped API token (sent through the api.atlassian.com gateway)',
  pat: 'personal access token',
  basic: 'user name and password',
  oauth: 'OAuth 2.0',
};

function describeLogin(r: LoginResult): string {
  const who = r.account.displayName ? `${r.account.displayName}${r.account.email ? ` <${r.account.email}>` : ''}` : (r.account.email ?? 'your account');
  const products = r.products.map((p) => (p === 'jira' ? 'Jira' : 'Confluence')).join(' and ');
  return [
    `Signed in to ${products} on ${r.site} as ${who}.`,
    `  Token:    ${r.maskedToken} — ${TOKEN_WORDS[r.tokenType]}`,
    ...(r.cloudId ? [`  Cloud ID: ${r.cloudId}`] : []),
    `  Saved in: ${r.location}`,
  ].join('\n');
}
