// TOML (Codex's ~/.codex/config.toml), edited as lines: Tether's entry is its own `[a.b]` table, added at
// the end of the file and removed with the blank line before it. Every other line stays as it was.
// smol-toml parses before and after, and the edit is refused unless only Tether's entry changed.
import { isDeepStrictEqual } from 'node:util';
import { parse, stringify, TomlError } from 'smol-toml';
import type { JsonObject, JsonValue } from '../types.ts';
import { ConfigFileError } from './config-file-error.ts';
import type { ConfigFormat } from './config-format.ts';
import { textShape } from './text-shape.ts';

export const tomlFormat: ConfigFormat = {
  name: 'TOML',
  read(text, file, entryPath) {
    const value = valueAt(parseToml(text, file), entryPath);
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as JsonValue);
  },
  set(text, file, entryPath, value) {
    const before = parseToml(text, file);
    const lines = splitLines(text);
    const blocks = tableBlocks(lines, entryPath);
    if (blocks.length === 0 && valueAt(before, entryPath) !== undefined) throw notATable(file, entryPath);
    const { eol } = textShape(text);
    const table = [`[${entryPath.map(tomlKey).join('.')}]`, ...stringify(flat(value)).split('\n').filter((l) => l !== '')];
    let next: string;
    if (blocks.length === 0) {
      const endsWithEol = text === '' || text.endsWith('\n');
      next = text === '' ? table.join(eol) + eol : `${text}${endsWithEol ? '' : eol}${eol}${table.join(eol)}${endsWithEol ? eol : ''}`;
    } else {
      // Replace in place: the first block becomes the new table; sub-tables of the old entry go.
      const first = blocks[0]!;
      const lastLine = lines[first.end]!;
      const ending = /\r?\n$/.exec(lastLine)?.[0] ?? '';
      const kept = lines.slice();
      for (const block of blocks.slice(1).reverse()) kept.splice(block.start, block.end - block.start + 1);
      kept.splice(first.start, first.end - first.start + 1, table.map((l, i) => l + (i < table.length - 1 ? eol : ending)).join(''));
      next = kept.join('');
    }
    check(file, before, next, entryPath, value);
    return next;
  },
  remove(text, file, entryPath) {
    const before = parseToml(text, file);
    if (valueAt(before, entryPath) === undefined) return text;
    const lines = splitLines(text);
    const blocks = tableBlocks(lines, entryPath);
    if (blocks.length === 0) throw notATable(file, entryPath);
    for (const block of blocks.slice().reverse()) {
      const atEnd = block.end === lines.length - 1;
      const unterminated = !lines[block.end]!.endsWith('\n');
      const start = block.start > 0 && lines[block.start - 1]!.trim() === '' ? block.start - 1 : block.start;
      lines.splice(start, block.end - start + 1);
      // set() added a line break before the table when the file did not end with one: take it back.
      if (atEnd && unterminated && lines.length > 0) lines[lines.length - 1] = lines.at(-1)!.replace(/\r?\n$/, '');
    }
    const next = lines.join('');
    check(file, before, next, entryPath, undefined);
    return next;
  },
};

function parseToml(text: string, file: string): Record<string, unknown> {
  try {
    return parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) throw new ConfigFileError(file, `not valid TOML: ${error.message.split('\n')[0]}`, error.line, error.column);
    throw error;
  }
}

function valueAt(data: unknown, path: string[]): JsonValue | undefined {
  let node = data;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node as JsonValue;
}

function withoutEntry(data: Record<string, unknown>, path: string[]): unknown {
  const copy = structuredClone(data);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) return copy;
    node = node[key] as Record<string, unknown>;
  }
  delete node[path.at(-1)!];
  return copy;
}

/** Refuse any edit that changed more than Tether's entry (the safety net under the line edit). */
function check(file: string, before: Record<string, unknown>, text: string, path: string[], value: JsonObject | undefined): void {
  const after = parseToml(text, file);
  // Compared as plain JSON: the parser's objects have no prototype, Tether's do.
  const plain = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));
  const same = isDeepStrictEqual(plain(pruneEmpty(withoutEntry(after, path))), plain(pruneEmpty(withoutEntry(before, path)))) && isDeepStrictEqual(plain(valueAt(after, path)), plain(value));
  if (!same) throw new ConfigFileError(file, `Tether could not edit [${path.join('.')}] without touching other settings; edit it by hand`);
}

/** Tables left empty (a [mcp_servers] header with nothing else) count as absent. */
function pruneEmpty(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const pruned = pruneEmpty(v);
    if (!(typeof pruned === 'object' && pruned !== null && !Array.isArray(pruned) && !(pruned instanceof Date) && Object.keys(pruned).length === 0)) out[k] = pruned;
  }
  return out;
}

function notATable(file: string, path: string[]): ConfigFileError {
  return new ConfigFileError(file, `${path.join('.')} is written as an inline table or dotted keys, which Tether does not edit; change it by hand or make it a [${path.join('.')}] table`);
}

function flat(value: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(value)) if (typeof v === 'object' && v !== null && !Array.isArray(v)) throw new Error(`nested table "${k}" is not supported in a TOML entry`);
  return value;
}

function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

/** Lines with their own line endings, so joining them gives back the text. */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

const HEADER = /^[ \t]*\[\[?([^[\]]+)\]\]?[ \t]*(?:#.*)?\r?\n?$/;

function headerPath(line: string): string[] | undefined {
  const inner = HEADER.exec(line)?.[1];
  if (inner === undefined) return undefined;
  return [...inner.matchAll(/\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^.]+?)\s*(?:\.|$)/g)].map((m) => {
    const key = m[1]!.trim();
    return key.startsWith('"') ? (JSON.parse(key) as string) : key.startsWith("'") ? key.slice(1, -1) : key;
  });
}

/** The [path] table and its sub-tables: from the header to the last line holding a value (comments and blank lines after it belong to what follows). */
function tableBlocks(lines: string[], path: string[]): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | undefined;
  for (const [i, line] of lines.entries()) {
    const header = headerPath(line);
    if (header) {
      const ours = header.length >= path.length && path.every((k, j) => header[j] === k);
      if (ours && !current) current = { start: i, end: i };
      else if (!ours && current) {
        blocks.push(current);
        current = undefined;
      }
      if (ours) current!.end = i;
    } else if (current && line.trim() !== '' && !line.trim().startsWith('#')) current.end = i;
  }
  if (current) blocks.push(current);
  return blocks;
}
