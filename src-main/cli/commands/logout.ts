// `tether logout`: removes stored credentials and says exactly what went.
import { parseArgs } from 'node:util';
import type { Engine } from '../../core/host/engine.ts';
import type { Product } from '../../shared/status.ts';
import { UsageError } from '../cli-error.ts';

export const logoutHelp = `Usage: tether logout [--product confluence|jira|both]

Removes the stored credentials (keychain or credentials file) of Confluence, Jira or both.`;

export async function logoutCommand(engine: Engine, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { product: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(`${logoutHelp}\n`);
    return 0;
  }
  const product = values.product ?? 'both';
  if (!['confluence', 'jira', 'both'].includes(product)) throw new UsageError(`--product is "${product}": use confluence, jira or both.`);
  const products: Product[] = product === 'both' ? ['confluence', 'jira'] : [product as Product];
  const removed = await engine.logout(products);
  if (removed.length === 0) process.stdout.write('No stored credentials to remove.\n');
  for (const r of removed) {
    process.stdout.write(`Removed the ${r.product === 'jira' ? 'Jira' : 'Confluence'} credential${r.email ? ` of ${r.email}` : ''} for ${r.site} from the ${r.location}.\n`);
  }
  const status = await engine.status();
  for (const p of products) {
    if (status[p].source === 'env') {
      process.stdout.write(`Note: ${p === 'jira' ? 'Jira' : 'Confluence'} still has a credential from the ${status[p].location}; unset those variables to sign out completely.\n`);
    }
  }
  return 0;
}
