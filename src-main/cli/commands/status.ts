// `tether status`: which credential is in use for each product, where it came from, masked.
import { parseArgs } from 'node:util';
import type { Engine, VerifyResult } from '../../core/host/engine.ts';
import type { Product, ProductStatus, ScopeReport, StatusReport } from '../../shared/status.ts';
import { UsageError } from '../cli-error.ts';

export const statusHelp = `Usage: tether status [--json] [--check] [--product confluence|jira]

Shows the credential in use for Confluence and Jira (from the environment or the keychain).
  --json     machine-readable: {confluence: {...}, jira: {...}}
  --check    also prove each credential with a live call to Atlassian (and, for a scoped API
             token, try each recommended read scope once to show which ones it has)
Exit code 0 when signed in, 1 when not.`;

const TOKEN_WORDS: Record<NonNullable<ProductStatus['tokenType']>, string> = {
  classic: 'classic API token',
  scoped: 'scoped API token (via api.atlassian.com)',
  pat: 'personal access token',
  basic: 'user name + password',
  oauth: 'OAuth 2.0',
};

export async function statusCommand(engine: Engine, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, check: { type: 'boolean' }, product: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${statusHelp}\n`);
    return 0;
  }
  if (values.product !== undefined && values.product !== 'confluence' && values.product !== 'jira') {
    throw new UsageError(`--product is "${values.product}": use confluence or jira.`);
  }
  const products: Product[] = values.product ? [values.product as Product] : ['confluence', 'jira'];
  const report = await engine.status();
  const checks = new Map<Product, VerifyResult>();
  if (values.check) {
    for (const product of products) {
      if (report[product].authenticated) checks.set(product, await engine.verify(product));
    }
    for (const [product, check] of checks) {
      if (check.ok && check.tokenType) report[product].tokenType = check.tokenType;
      if (check.scopes) report[product].scopeReport = check.scopes;
      if (!check.ok) report[product] = { ...report[product], authenticated: false, problem: check.problem ?? 'the live check failed' };
    }
  }
  const shown: Partial<StatusReport> = Object.fromEntries(products.map((p) => [p, report[p]]));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  } else {
    process.stdout.write(`${products.map((p) => describe(report[p], checks.get(p))).join('\n\n')}\n`);
  }
  return products.some((p) => report[p].authenticated) ? 0 : 1;
}

function describe(s: ProductStatus, check: VerifyResult | undefined): string {
  const title = s.product === 'jira' ? 'Jira' : 'Confluence';
  if (!s.authenticated && !s.source) return `${title}\n  Status:   not signed in — run \`tether auth\``;
  const method = s.source === 'env' ? 'environment variables' : s.source === 'file' ? 'credentials file' : 'keychain';
  const lines = [
    title,
    `  Status:   ${s.authenticated ? `authenticated (${method})` : `NOT usable — ${s.problem}`}`,
    `  Site:     ${s.site ?? '—'}`,
    ...(s.email ? [`  Email:    ${s.email}`] : []),
    `  Token:    ${s.maskedToken ?? '—'}${s.tokenType ? ` (${TOKEN_WORDS[s.tokenType]})` : s.source === 'env' ? ' (type detected on first use; `tether status --check` detects it now)' : ''}`,
    ...(s.cloudId ? [`  Cloud ID: ${s.cloudId}`] : []),
    ...(s.scopes?.length ? [`  Scopes:   ${s.scopes.join(' ')}`] : []),
    ...(s.expiresAt ? [`  Expires:  ${s.expiresAt} (refreshed by Tether when due)`] : []),
    ...(s.storedAt ? [`  Stored:   ${s.storedAt}`] : []),
    `  Where:    ${s.location ?? '—'}`,
  ];
  if (!s.sslVerify) lines.push('  WARNING:  TLS certificate verification is OFF for this site');
  if (check?.ok) lines.push(`  Check:    OK — signed in as ${check.account?.displayName ?? check.account?.email ?? 'your account'} via ${check.apiBaseUrl}`);
  if (check?.scopes) lines.push(...describeScopes(check.scopes));
  return lines.join('\n');
}

const SCOPE_MARK: Record<ScopeReport['findings'][number]['state'], string> = { works: 'works  ', granted: 'granted', missing: 'MISSING', unchecked: 'not tried' };

/** The recommended scopes of a scoped token after a check: what to add on id.atlassian.com when one is missing. */
function describeScopes(report: ScopeReport): string[] {
  const reads = report.findings.filter((f) => f.access === 'read');
  const missing = reads.filter((f) => f.state === 'missing').map((f) => f.scope);
  return [
    '  Scopes Tether recommends (one read tried for each):',
    ...reads.map((f) => `    ${SCOPE_MARK[f.state]}  ${f.scope}${f.note ? ` — ${f.note}` : ''}`),
    `    for changes (never tried): ${report.findings.filter((f) => f.access === 'write').map((f) => f.scope).join(' ')}`,
    ...(missing.length ? [`  To fix:   create a new scoped token at https://id.atlassian.com/manage-profile/security/api-tokens with ${missing.join(', ')} added, then \`tether auth\` with it.`] : []),
  ];
}
