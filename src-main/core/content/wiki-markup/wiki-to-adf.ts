// Jira wiki markup (Server/Data Center, REST v2) → ADF, so that it reaches Markdown through the same
// conventions as Jira Cloud's documents. Blocks are line-based as in Jira's renderer: a blank line
// ends a paragraph, list or table; `{code}`, `{noformat}`, `{quote}` and `{panel}` run to their
// closing tag; a macro we do not know is kept as its exact source.
import type { AdfDoc, AdfNode } from '../adf/adf-nodes.ts';
import type { InlineOut } from '../adf/markdown-inline-to-adf.ts';
import { wikiInlineToAdf } from './wiki-inline-to-adf.ts';
import { PANEL_COLOURS, WIKI_EXTENSION, wikiMacroNode } from './wiki-nodes.ts';

const BLOCK_MACRO = /^\{(code|noformat|quote|panel)(?::([^}\n]*))?\}/i;
const OTHER_MACRO = /^\{([A-Za-z][\w-]*)(?::[^}\n]*)?\}/;
const HEADING = /^h([1-6])\.\s*(.*)$/;
const QUOTE_LINE = /^bq\.\s*(.*)$/;
const RULE = /^-{4,5}\s*$/;
const LIST_ITEM = /^([*#]+|-)\s+(.*)$/;

export function wikiToAdf(wiki: string): AdfDoc {
  return { version: 1, type: 'doc', content: parseBlocks(wiki.replace(/\r\n?/g, '\n')) };
}

function parseBlocks(text: string): AdfNode[] {
  const out: AdfNode[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) out.push(...inlineBlocks(wikiInlineToAdf(paragraph.join('\n'))));
    paragraph = [];
  };
  let pos = 0;
  while (pos < text.length) {
    const eol = text.indexOf('\n', pos);
    const end = eol < 0 ? text.length : eol;
    const raw = text.slice(pos, end);
    const line = raw.replace(/^[ \t]+/, '');
    const indent = raw.length - line.length;
    const next = end + 1;
    const macro = BLOCK_MACRO.exec(line);
    if (macro) {
      flush();
      const open = macro[0];
      const bodyStart = pos + indent + open.length;
      const close = text.toLowerCase().indexOf(`{${macro[1]!.toLowerCase()}}`, bodyStart);
      const bodyEnd = close < 0 ? text.length : close;
      out.push(blockMacro(macro[1]!.toLowerCase(), open, macro[2], text.slice(bodyStart, bodyEnd)));
      pos = close < 0 ? text.length : close + macro[1]!.length + 2;
      if (text[pos] === '\n') pos++;
      continue;
    }
    if (line.trim() === '') {
      flush();
      pos = next;
      continue;
    }
    const other = OTHER_MACRO.exec(line);
    if (other && !/^color$/i.test(other[1]!) && paragraph.length === 0) {
      // a macro we do not know, alone on its line (with its body, when it has one)
      const close = `{${other[1]}}`;
      const bodyEnd = line === other[0] ? text.indexOf(close, pos + indent + other[0].length) : -1;
      const sourceEnd = bodyEnd >= 0 && !/^(anchor|toc)$/i.test(other[1]!) ? bodyEnd + close.length : pos + indent + other[0].length;
      const after = text.slice(sourceEnd, text.indexOf('\n', sourceEnd) < 0 ? text.length : text.indexOf('\n', sourceEnd));
      if (after.trim() === '') {
        out.push(wikiMacroNode(other[1]!, text.slice(pos + indent, sourceEnd), true));
        pos = sourceEnd + after.length + 1;
        continue;
      }
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const blocks = inlineBlocks(wikiInlineToAdf(heading[2]!));
      const first = blocks[0]?.type === 'paragraph' ? blocks.shift() : undefined;
      out.push({ type: 'heading', attrs: { level: Number(heading[1]) }, ...(first?.content ? { content: first.content } : {}) }, ...blocks);
      pos = next;
      continue;
    }
    const quote = QUOTE_LINE.exec(line);
    if (quote) {
      flush();
      out.push({ type: 'blockquote', content: orParagraph(inlineBlocks(wikiInlineToAdf(quote[1]!))) });
      pos = next;
      continue;
    }
    if (RULE.test(line)) {
      flush();
      out.push({ type: 'rule' });
      pos = next;
      continue;
    }
    if (LIST_ITEM.test(line) && paragraph.length === 0) {
      const [lists, after] = parseList(text, pos);
      out.push(...lists);
      pos = after;
      continue;
    }
    if (line.startsWith('|') && paragraph.length === 0) {
      const [table, after] = parseTable(text, pos);
      out.push(table);
      pos = after;
      continue;
    }
    paragraph.push(raw);
    pos = next;
  }
  flush();
  return out;
}

function startsBlock(line: string): boolean {
  const trimmed = line.replace(/^[ \t]+/, '');
  return trimmed.trim() === '' || BLOCK_MACRO.test(trimmed) || HEADING.test(trimmed) || QUOTE_LINE.test(trimmed) || RULE.test(trimmed) || LIST_ITEM.test(trimmed) || trimmed.startsWith('|');
}

function blockMacro(name: string, open: string, params: string | undefined, body: string): AdfNode {
  if (name === 'code' || name === 'noformat') {
    const code = body.replace(/^\n/, '').replace(/\n$/, '');
    const attrs: Record<string, unknown> = name === 'noformat' ? { language: 'noformat' } : {};
    (params ?? '').split('|').forEach((param, i) => {
      const eq = param.indexOf('=');
      if (param.trim() === '') return;
      if (eq < 0 && i === 0 && name === 'code') attrs.language = param.trim();
      else if (eq > 0) attrs[param.slice(0, eq).trim()] = param.slice(eq + 1).trim();
    });
    return { type: 'codeBlock', ...(Object.keys(attrs).length > 0 ? { attrs } : {}), ...(code === '' ? {} : { content: [{ type: 'text', text: code }] }) };
  }
  const content = orParagraph(parseBlocks(body.replace(/^\n/, '')));
  if (name === 'quote') return { type: 'blockquote', content };
  const panelType = Object.entries(PANEL_COLOURS).find(([, colour]) => (params ?? '').trim().toLowerCase() === `bgcolor=${colour}`)?.[0];
  if (panelType) return { type: 'panel', attrs: { panelType }, content };
  // any other panel (a title, borders, colours of its own) keeps its tags; its body stays editable
  return { type: 'bodiedExtension', attrs: { extensionType: WIKI_EXTENSION, extensionKey: 'panel', parameters: { open, close: '{panel}' } }, content };
}

/** Consecutive list lines (and the lines that continue an item) as nested lists. */
function parseList(text: string, start: number): [AdfNode[], number] {
  const items: { markers: string; text: string }[] = [];
  let pos = start;
  while (pos < text.length) {
    const eol = text.indexOf('\n', pos);
    const end = eol < 0 ? text.length : eol;
    const line = text.slice(pos, end).replace(/^[ \t]+/, '');
    const item = LIST_ITEM.exec(line);
    if (item && !RULE.test(line)) items.push({ markers: item[1] === '-' ? '*' : item[1]!, text: item[2]! });
    else if (items.length > 0 && !startsBlock(line)) items.at(-1)!.text += `\n${line}`;
    else break;
    pos = end + 1;
  }
  const roots: AdfNode[] = [];
  const stack: { marker: string; list: AdfNode; item?: AdfNode }[] = [];
  for (const { markers, text: itemText } of items) {
    for (let level = 0; level < markers.length; level++) {
      const marker = markers[level]!;
      if (stack[level] && stack[level]!.marker !== marker) stack.length = level;
      if (!stack[level]) {
        const list: AdfNode = marker === '#' ? { type: 'orderedList', attrs: { order: 1 }, content: [] } : { type: 'bulletList', content: [] };
        if (level === 0) roots.push(list);
        else {
          const parent = stack[level - 1]!;
          parent.item ??= addItem(parent.list, []);
          parent.item.content!.push(list);
        }
        stack[level] = { marker, list };
      }
    }
    stack.length = markers.length;
    stack.at(-1)!.item = addItem(stack.at(-1)!.list, orParagraph(inlineBlocks(wikiInlineToAdf(itemText))));
  }
  return [roots, pos];
}

function addItem(list: AdfNode, content: AdfNode[]): AdfNode {
  const item: AdfNode = { type: 'listItem', content };
  list.content!.push(item);
  return item;
}

/** Consecutive `|` lines: `||header||` and `|cell|` cells. */
function parseTable(text: string, start: number): [AdfNode, number] {
  const rows: AdfNode[] = [];
  let pos = start;
  while (pos < text.length) {
    const eol = text.indexOf('\n', pos);
    const end = eol < 0 ? text.length : eol;
    const line = text.slice(pos, end).trim();
    if (!line.startsWith('|')) break;
    rows.push({ type: 'tableRow', content: splitCells(line).map(({ header, text: cell }) => ({ type: header ? 'tableHeader' : 'tableCell', content: orParagraph(inlineBlocks(wikiInlineToAdf(cell.trim()))) })) });
    pos = end + 1;
  }
  return [{ type: 'table', content: rows }, pos];
}

function splitCells(line: string): { header: boolean; text: string }[] {
  const cells: { header: boolean; text: string }[] = [];
  let i = 0;
  while (i < line.length && line[i] === '|') {
    const header = line[i + 1] === '|';
    i += header ? 2 : 1;
    let j = i;
    for (; j < line.length && line[j] !== '|'; j++) {
      const c = line[j];
      const skipTo = (close: string, from: number): void => {
        const at = line.indexOf(close, from);
        if (at > 0) j = at + close.length - 1;
      };
      if (c === '\\') j++;
      else if (line.startsWith('{{', j)) skipTo('}}', j + 2);
      else if (c === '[') skipTo(']', j + 1);
      else if (c === '{') skipTo('}', j + 1);
      else if (c === '!' && /^![^\s!|][^!\n]*!/.test(line.slice(j))) skipTo('!', j + 1);
    }
    const text = line.slice(i, j);
    if (j < line.length || text.trim() !== '') cells.push({ header, text });
    i = j;
  }
  // `|a|b|` ends with a separator, not an empty cell
  if (cells.length > 1 && cells.at(-1)!.text.trim() === '' && /\|\s*$/.test(line)) cells.pop();
  return cells;
}

/**
 * A paragraph's inline content as blocks: images stand between paragraphs (ADF keeps them out of
 * text); a paragraph of attachment links only is a row of file cards.
 */
function inlineBlocks(items: InlineOut[]): AdfNode[] {
  const out: AdfNode[] = [];
  let run: AdfNode[] = [];
  const alone = new Map<AdfNode, AdfNode>();
  const flush = (): void => {
    const content = trim(run);
    run = [];
    if (content.length === 0) return;
    const files = content.filter((n) => !(n.type === 'text' && (n.text ?? '').trim() === '') && n.type !== 'hardBreak');
    const only = files.length === 1 ? alone.get(files[0]!) : undefined;
    if (only) out.push(only);
    else if (files.length > 0 && files.every((n) => n.type === 'mediaInline' && n.attrs?.type !== 'image')) out.push({ type: 'mediaGroup', content: files.map((n) => ({ type: 'media', attrs: n.attrs })) });
    else out.push({ type: 'paragraph', content });
  };
  for (const item of items) {
    if ('inline' in item) {
      run.push(item.inline);
      if (item.alone) alone.set(item.inline, item.alone);
    } else {
      flush();
      out.push(item.block);
    }
  }
  flush();
  return out;
}

function trim(run: AdfNode[]): AdfNode[] {
  const blank = (n: AdfNode | undefined): boolean => n !== undefined && n.type === 'text' && (n.text ?? '').trim() === '' && !n.marks;
  let start = 0;
  let end = run.length;
  while (start < end && blank(run[start])) start++;
  while (end > start && blank(run[end - 1])) end--;
  return run.slice(start, end);
}

function orParagraph(blocks: AdfNode[]): AdfNode[] {
  return blocks.length > 0 ? blocks : [{ type: 'paragraph' }];
}
