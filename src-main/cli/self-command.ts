// How the user should type this command again: `tether` when installed, else `node <path>` from a checkout.
import path from 'node:path';

export function selfCommand(argv1 = process.argv[1] ?? '', cwd = process.cwd()): string {
  if (path.basename(argv1) === 'tether' || path.basename(argv1) === 'tether.cmd') return 'tether';
  const relative = path.relative(cwd, argv1);
  return `node ${relative && !relative.startsWith('..') ? relative : argv1}`;
}
