// Reads the real Secret Service with libsecret's own command-line tool, independently of Tether.
import { spawnSync } from 'node:child_process';

export interface SecretItem {
  label: string;
  secret: string;
}

export function secretToolSearch(service: string): SecretItem[] {
  const result = spawnSync('secret-tool', ['search', '--all', '--unlock', 'service', service], { encoding: 'utf8', timeout: 10_000 });
  if (result.error) throw new Error(`secret-tool could not run (${result.error.message}): install libsecret-tools.`);
  const items: SecretItem[] = [];
  let current: SecretItem | undefined;
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('[/')) {
      current = { label: '', secret: '' };
      items.push(current);
    } else if (current && line.startsWith('label = ')) current.label = line.slice('label = '.length);
    else if (current && line.startsWith('secret = ')) current.secret = line.slice('secret = '.length);
  }
  return items;
}
