// JSON and JSONC client configs, edited as text: only the bytes of Tether's entry (plus one comma and
// line break) change, so comments, key order, odd spacing, CRLF and a BOM all survive. jsonc-parser
// finds the offsets; the insertion is written to be exactly undone by the removal.
import { createScanner, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

// jsonc-parser's SyntaxKind is a const enum, which this build cannot import: its values.
const COMMA = 5;
const TRIVIA = new Set([12, 13, 14, 15]);
import type { JsonObject, JsonValue } from '../types.ts';
import { ConfigFileError } from './config-file-error.ts';
import type { ConfigFormat } from './config-format.ts';
import { lineColumn, textShape, type TextShape } from './text-shape.ts';

export function jsonFormat(options: { comments: boolean }): ConfigFormat {
  const parse = (body: string, file: string): Node | undefined => parseObject(body, file, options.comments);
  return {
    name: options.comments ? 'JSONC' : 'JSON',
    read(text, file, entryPath) {
      const { bom } = textShape(text);
      let node = parse(text.slice(bom.length), file);
      for (const key of entryPath) {
        const prop = node?.type === 'object' ? property(node, key) : undefined;
        if (!prop) return undefined;
        node = prop.children![1];
      }
      // Through JSON: jsonc-parser builds prototype-less objects, which deep-equality tells apart.
      return node ? (JSON.parse(JSON.stringify(getNodeValue(node))) as JsonValue) : undefined;
    },
    set(text, file, entryPath, value) {
      const shape = textShape(text);
      const body = text.slice(shape.bom.length);
      const root = parse(body, file);
      if (!root) return `${shape.bom}{${shape.eol}${shape.indent}${JSON.stringify(entryPath[0])}: ${serialize(nest(entryPath.slice(1), value), shape, shape.indent)}${shape.eol}}${shape.eol}`;
      let node = root;
      for (const [i, key] of entryPath.entries()) {
        const prop = property(node, key);
        if (!prop) return shape.bom + insertProperty(body, node, key, nest(entryPath.slice(i + 1), value), shape);
        const child = prop.children![1]!;
        if (i === entryPath.length - 1) return shape.bom + splice(body, child.offset, child.length, serialize(value, shape, lineIndent(body, prop.offset)));
        if (child.type !== 'object') throw notAnObject(file, body, child, entryPath.slice(0, i + 1));
        node = child;
      }
      throw new Error('unreachable: an empty entry path');
    },
    remove(text, file, entryPath) {
      const { bom } = textShape(text);
      const body = text.slice(bom.length);
      const chain: Node[] = [];
      let node = parse(body, file);
      for (const key of entryPath) {
        const prop = node?.type === 'object' ? property(node, key) : undefined;
        if (!prop) return text;
        chain.push(prop);
        node = prop.children![1];
      }
      // A container holding nothing but Tether's entry goes with it (the inverse of creating it in set).
      let target = chain.length - 1;
      while (target > 0 && chain[target]!.parent!.children!.length === 1) target--;
      return bom + removeProperty(body, chain[target]!);
    },
  };
}

function parseObject(body: string, file: string, comments: boolean): Node | undefined {
  if (body.trim() === '') return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: !comments, allowTrailingComma: comments, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const { line, column } = lineColumn(body, first.offset);
    throw new ConfigFileError(file, `not valid ${comments ? 'JSON (with comments)' : 'JSON'}: ${printParseErrorCode(first.error)}`, line, column);
  }
  if (root?.type !== 'object') throw new ConfigFileError(file, 'the top level is not a JSON object', 1, 1);
  return root;
}

function notAnObject(file: string, body: string, node: Node, at: string[]): ConfigFileError {
  const { line, column } = lineColumn(body, node.offset);
  return new ConfigFileError(file, `"${at.join('.')}" is not an object`, line, column);
}

/** The last property of that name (the one JSON readers use). */
function property(object: Node, key: string): Node | undefined {
  return object.children?.findLast((p) => p.children?.[0]?.value === key);
}

function nest(path: string[], value: JsonObject): JsonObject {
  return path.reduceRight<JsonObject>((inner, key) => ({ [key]: inner }), value);
}

function serialize(value: JsonValue, shape: TextShape, baseIndent: string): string {
  return JSON.stringify(value, null, shape.indent).split('\n').join(shape.eol + baseIndent);
}

function splice(text: string, offset: number, length: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset + length);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace that starts the line holding offset. */
function lineIndent(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset)))![0];
}

function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === '';
}

function sameLine(text: string, a: number, b: number): boolean {
  return !text.slice(Math.min(a, b), Math.max(a, b)).includes('\n');
}

function insertProperty(body: string, object: Node, key: string, value: JsonValue, shape: TextShape): string {
  const props = object.children ?? [];
  const last = props.at(-1);
  const objectIndent = lineIndent(body, object.offset);
  if (!last) {
    const open = object.offset + 1;
    const close = object.offset + object.length - 1;
    const indent = objectIndent + shape.indent;
    const prop = `${shape.eol}${indent}${JSON.stringify(key)}: ${serialize(value, shape, indent)}`;
    // {} or { } becomes a laid-out object; an object holding only comments keeps them after the entry.
    return body.slice(open, close).trim() === '' ? splice(body, open, close - open, `${prop}${shape.eol}${objectIndent}`) : splice(body, open, 0, prop);
  }
  const end = last.offset + last.length;
  // A one-line object stays one line.
  if (sameLine(body, object.offset, end)) return splice(body, end, 0, `, ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  const indent = startsLine(body, last.offset) ? lineIndent(body, last.offset) : objectIndent + shape.indent;
  const prop = `${shape.eol}${indent}${JSON.stringify(key)}: ${serialize(value, shape, indent)}`;
  // After a trailing `// comment` on the last property's line, not inside it.
  const lineEnd = body.indexOf('\n', end) === -1 ? body.length : body.indexOf('\n', end) - (body[body.indexOf('\n', end) - 1] === '\r' ? 1 : 0);
  const rest = body.slice(end, lineEnd).trim();
  const at = rest === '' || rest.startsWith('//') || rest === ',' ? lineEnd : end;
  const hasComma = commaAfter(body, end) !== undefined;
  return splice(splice(body, at, 0, prop), end, 0, hasComma ? '' : ',');
}

/** The offset of the comma that follows offset (skipping spaces and comments), if that is the next token. */
function commaAfter(body: string, offset: number): number | undefined {
  const scanner = createScanner(body, false);
  scanner.setPosition(offset);
  let kind = scanner.scan();
  while (TRIVIA.has(kind)) kind = scanner.scan();
  return kind === COMMA ? scanner.getTokenOffset() : undefined;
}

function removeProperty(body: string, prop: Node): string {
  const object = prop.parent!;
  const props = object.children!;
  const index = props.indexOf(prop);
  const end = prop.offset + prop.length;
  if (props.length === 1) {
    const open = object.offset + 1;
    return splice(body, open, object.offset + object.length - 1 - open, '');
  }
  if (index < props.length - 1) {
    const next = props[index + 1]!;
    return splice(body, prop.offset, next.offset - prop.offset, '');
  }
  // The last property: take the comma after its predecessor and the line break before it (what set added).
  const prev = props[index - 1]!;
  const comma = commaAfter(body, prev.offset + prev.length)!;
  if (sameLine(body, comma, prop.offset)) return splice(body, comma, end - comma, '');
  const start = startsLine(body, prop.offset) ? lineStart(body, prop.offset) - (body[lineStart(body, prop.offset) - 2] === '\r' ? 2 : 1) : prop.offset;
  return splice(splice(body, start, end - start, ''), comma, 1, '');
}
