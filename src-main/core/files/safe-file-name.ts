// File names that come from Confluence or from a model must never leave Tether's downloads folder.
import path from 'node:path';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export class FileNameError extends Error {
  override name = 'FileNameError';
}

/** A name given by the model: refused (not repaired) when it tries to name a path. */
export function assertPlainFileName(name: string): string {
  if (name.includes('/') || name.includes('\\') || name === '.' || name === '..' || name.includes('\0')) {
    throw new FileNameError(`"${name}" is a path, not a file name: give a plain name such as report.pdf (no /, \\ or ..).`);
  }
  return name;
}

/** A name from Confluence: made safe (separators, control characters, reserved names), never empty. */
export function safeFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  let safe = name.normalize('NFC').replace(/[\\/]/g, '_').replace(/[\0-\x1f\x7f<>:"|?*]/g, '_').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (safe === '' || WINDOWS_RESERVED.test(safe)) safe = fallback;
  if (Buffer.byteLength(safe) > 200) {
    const ext = path.extname(safe).slice(0, 20);
    safe = `${safe.slice(0, 150)}${ext}`;
  }
  return safe;
}

/** The path inside `dir` for `name`, proven to stay inside it. */
export function pathInside(dir: string, name: string): string {
  const target = path.resolve(dir, name);
  const relative = path.relative(path.resolve(dir), target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) throw new FileNameError(`"${name}" would land outside Tether's downloads folder, so it was refused.`);
  return target;
}
