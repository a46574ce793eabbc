// GitHub-flavoured Markdown → Atlassian Document Format, the reverse of adf-to-markdown.ts.
// Placeholders bring back the exact nodes they stand for; containers get their original JSON around
// the content made from the Markdown between their markers. The result is always valid ADF
// (version 1): whatever Markdown nests where ADF does not allow it is fitted (see adf-fit.ts).
import { randomUUID } from 'node:crypto';
import { lexInline, lexMarkdown, type Token, type Tokens } from '../markdown-lexer.ts';
import { parseInfo } from '../markdown-text.ts';
import { splitPlaceholders, type Placeholder } from '../placeholders.ts';
import { fitBlocks, type BlockContext } from './adf-fit.ts';
import { PANEL_ALERTS, TEXT_BLOCKS, type AdfDoc, type AdfNode, type PreservedAdfNode } from './adf-nodes.ts';
import { decodeEntities, inlineToAdf, type InlineOut } from './markdown-inline-to-adf.ts';
import { tableToAdf } from './markdown-table-to-adf.ts';

export interface MarkdownToAdfOptions {
  /** What adfToMarkdown preserved when this Markdown was read. */
  preserved?: PreservedAdfNode[];
  /** Makes the `localId`s ADF requires on tasks (random UUIDs by default). */
  localId?: () => string;
  /**
   * False: keep blocks nested as the Markdown nests them, even where ADF would not allow it (for
   * formats that nest freely, such as wiki markup, which only pass through ADF). Default true.
   */
  strictNesting?: boolean;
}

export interface MarkdownToAdfResult {
  doc: AdfDoc;
  /** Preserved nodes whose placeholder is no longer in the Markdown (they are gone from the document). */
  missingPreserved: PreservedAdfNode[];
  /** Placeholder numbers that match nothing in `preserved` (left out). */
  unknownPlaceholders: number[];
}

export function markdownToAdf(markdown: string, options: MarkdownToAdfOptions = {}): MarkdownToAdfResult {
  const reader = new Reader(options.preserved ?? [], options.localId ?? randomUUID, options.strictNesting ?? true);
  const content = reader.blocks(lexMarkdown(markdown), 'doc');
  return {
    doc: { version: 1, type: 'doc', content },
    missingPreserved: (options.preserved ?? []).filter((p) => !reader.used.has(p.id)),
    unknownPlaceholders: [...reader.unknown].sort((a, b) => a - b),
  };
}

/** A block token, a placeholder, an expand's opening or closing tag, or other HTML. */
type Item = { token: Token } | { placeholder: Placeholder } | { open: string } | { close: true } | { other: string; mixed: boolean };

const ALERTS: Record<string, string> = { ...Object.fromEntries(Object.entries(PANEL_ALERTS).map(([panel, alert]) => [alert, panel])), INFO: 'info', ERROR: 'error', DANGER: 'error' };
const ALERT_LINE = new RegExp(`^\\[!(${Object.keys(ALERTS).join('|')})\\][ \\t]*$`, 'i');
const DETAILS = /<details\b[^>]*>\s*(?:<summary\b[^>]*>([\s\S]*?)<\/summary\s*>)?|<\/details\s*>/gi;
/** The content rules for a container's editable body. */
const HOLE_CONTEXT: Record<string, BlockContext> = { panel: 'panel', expand: 'expand', nestedExpand: 'nestedExpand', blockquote: 'blockquote', tableCell: 'tableCell', tableHeader: 'tableCell', listItem: 'listItem' };
const BOOLEAN_CODE_ATTRS = new Set(['wrap', 'hideLineNumbers']);
const CODE_ATTRS = new Set(['uniqueId', ...BOOLEAN_CODE_ATTRS]);

class Reader {
  readonly used = new Set<number>();
  readonly unknown = new Set<number>();
  private readonly byId: Map<number, PreservedAdfNode>;
  private readonly localId: () => string;
  /** Nodes restored from placeholders: they go back as they were, wherever they were put. */
  private readonly restored = new WeakSet<AdfNode>();

  private readonly strict: boolean;

  constructor(preserved: PreservedAdfNode[], localId: () => string, strict: boolean) {
    this.byId = new Map(preserved.map((p) => [p.id, p]));
    this.localId = localId;
    this.strict = strict;
  }

  /** Fits blocks to ADF's nesting rules (or, not strict, only makes sure a container is not empty). */
  private fit(blocks: AdfNode[], context: BlockContext): AdfNode[] {
    if (this.strict) return fitBlocks(blocks, context, this.restored);
    return blocks.length > 0 || context === 'doc' ? blocks : [{ type: 'paragraph' }];
  }

  // ── items: tokens with placeholders and expands picked out of the HTML ───────────────────

  private items(tokens: Token[]): Item[] {
    const items: Item[] = [];
    for (const token of tokens) {
      if (token.type !== 'html') {
        items.push({ token });
        continue;
      }
      const html = (token as Tokens.HTML).text;
      const pieces = this.htmlPieces(html);
      const mixed = pieces.some((p) => !('other' in p));
      if (mixed && this.isInlineLine(pieces)) {
        // a line of text that happens to start with an inline placeholder: a paragraph
        items.push({ token: { type: 'paragraph', raw: html, text: html, tokens: lexInline(html.trim()) } as Tokens.Paragraph });
        continue;
      }
      for (const piece of pieces) {
        if ('other' in piece) {
          if (piece.other.trim() !== '') items.push({ other: piece.other, mixed });
        } else items.push(piece);
      }
    }
    return items;
  }

  private htmlPieces(html: string): Exclude<Item, { token: Token }>[] {
    const pieces: Exclude<Item, { token: Token }>[] = [];
    for (const part of splitPlaceholders(html)) {
      if (part.placeholder) {
        pieces.push({ placeholder: part.placeholder });
        continue;
      }
      const text = part.other ?? '';
      let last = 0;
      for (const match of text.matchAll(DETAILS)) {
        if (match.index > last) pieces.push({ other: text.slice(last, match.index), mixed: false });
        pieces.push(match[0].startsWith('</') ? { close: true } : { open: decodeEntities(match[1] ?? '').trim() });
        last = match.index + match[0].length;
      }
      if (last < text.length) pieces.push({ other: text.slice(last), mixed: false });
    }
    return pieces;
  }

  /** Only placeholders of inline nodes (and text beside them). */
  private isInlineLine(pieces: Exclude<Item, { token: Token }>[]): boolean {
    return pieces.every((p) => 'other' in p || ('placeholder' in p && p.placeholder.verb === 'keep' && this.byId.get(p.placeholder.id)?.block !== true));
  }

  // ── blocks ────────────────────────────────────────────────────────────────────────────────

  blocks(tokens: Token[], context: BlockContext): AdfNode[] {
    return this.fit(this.blockItems(this.items(tokens)), context);
  }

  private blockItems(items: Item[]): AdfNode[] {
    const out: AdfNode[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if ('token' in item) out.push(...this.block(item.token));
      else if ('other' in item) out.push(...(item.mixed ? this.blockItems(this.items(lexMarkdown(item.other))) : this.looseHtml(item.other)));
      else if ('open' in item) {
        const end = closing(items, i, (it) => 'open' in it, (it) => 'close' in it);
        out.push({ type: 'expand', attrs: { title: item.open }, content: this.fit(this.blockItems(items.slice(i + 1, end)), 'expand') });
        i = end;
      } else if ('placeholder' in item) i = this.placeholderBlock(items, i, out);
    }
    return out;
  }

  /** A placeholder at block level; returns the index of the last item it consumed. */
  private placeholderBlock(items: Item[], i: number, out: AdfNode[]): number {
    const { verb, id } = (items[i] as { placeholder: Placeholder }).placeholder;
    const element = this.byId.get(id);
    if (!element) {
      this.unknown.add(id);
      return i;
    }
    if (verb === 'next' || verb === 'end') return i; // a marker whose begin was removed
    this.used.add(id);
    if (verb === 'keep' || !element.holes) {
      const node = this.restore(element);
      out.push(element.block ? node : { type: 'paragraph', content: [node] });
      return i;
    }
    // begin: the bodies run to this container's end marker (or to the end of the run)
    const isOwn = (it: Item, v: string): boolean => 'placeholder' in it && it.placeholder.id === id && it.placeholder.verb === v;
    const bodies: Item[][] = [[]];
    let j = i + 1;
    for (; j < items.length && !isOwn(items[j]!, 'end'); j++) {
      if (isOwn(items[j]!, 'next')) bodies.push([]);
      else bodies.at(-1)!.push(items[j]!);
    }
    const holes = element.holes;
    while (bodies.length > holes.length && bodies.length > 1) bodies.at(-2)!.push(...bodies.pop()!);
    const node = this.restore(element);
    holes.forEach((path, k) => {
      const target = path.reduce<AdfNode | undefined>((n, index) => n?.content?.[index], node);
      if (!target) return;
      const blocks = this.blockItems(bodies[k] ?? []);
      if (TEXT_BLOCKS.has(target.type)) target.content = flattenInline(blocks);
      else {
        const fitted = this.fit(blocks, HOLE_CONTEXT[target.type] ?? 'doc');
        target.content = fitted.length > 0 ? fitted : [{ type: 'paragraph' }];
      }
    });
    out.push(node);
    return j;
  }

  private restore(element: PreservedAdfNode): AdfNode {
    const node = structuredClone(element.node);
    this.restored.add(node);
    return node;
  }

  private block(token: Token): AdfNode[] {
    switch (token.type) {
      case 'space':
      case 'def':
        return [];
      case 'heading': {
        const t = token as Tokens.Heading;
        const blocks = this.textBlocks(t.tokens);
        const inline = blocks[0]?.type === 'paragraph' && !this.restored.has(blocks[0]) ? (blocks.shift()!.content ?? []) : [];
        return [{ type: 'heading', attrs: { level: t.depth }, ...(inline.length > 0 ? { content: inline } : {}) }, ...blocks];
      }
      case 'paragraph':
        return this.textBlocks((token as Tokens.Paragraph).tokens);
      case 'text': {
        const t = token as Tokens.Text;
        return this.textBlocks(t.tokens ?? [{ type: 'text', raw: t.raw, text: t.text }]);
      }
      case 'blockquote':
        return [this.blockquote(token as Tokens.Blockquote)];
      case 'list':
        return this.list(token as Tokens.List);
      case 'table': {
        const table = tableToAdf(token as Tokens.Table, { segment: (tokens) => this.textBlocks(tokens), fit: (blocks) => this.fit(blocks, 'tableCell') });
        return table ? [table] : [];
      }
      case 'code':
        return [this.code(token as Tokens.Code)];
      case 'hr':
        return [{ type: 'rule' }];
      default:
        return token.raw.trim() === '' ? [] : [{ type: 'paragraph', content: [{ type: 'text', text: token.raw.trim() }] }];
    }
  }

  /**
   * Inline tokens as blocks: paragraphs, with what ADF cannot hold inside a paragraph (images,
   * file cards, block cards, preserved blocks) set between them.
   */
  private textBlocks(tokens: Token[]): AdfNode[] {
    const out: AdfNode[] = [];
    let run: AdfNode[] = [];
    const alone = new Map<AdfNode, AdfNode>();
    const flush = (): void => {
      const content = trimRun(run);
      run = [];
      if (content.length === 0) return;
      const files = content.filter((n) => !isBlank(n));
      const only = files.length === 1 ? alone.get(files[0]!) : undefined;
      if (only) out.push(only);
      else if (files.length > 0 && files.every((n) => n.type === 'mediaInline' && n.attrs?.type !== 'image' && !this.restored.has(n))) out.push({ type: 'mediaGroup', content: files.map((n) => ({ ...n, type: 'media' })) });
      else out.push({ type: 'paragraph', content });
    };
    for (const item of inlineToAdf(tokens, (p) => this.restoreInline(p), !this.strict)) {
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

  private restoreInline(placeholder: Placeholder): InlineOut | undefined {
    const element = this.byId.get(placeholder.id);
    if (!element) {
      this.unknown.add(placeholder.id);
      return undefined;
    }
    if (placeholder.verb !== 'keep') return undefined;
    this.used.add(placeholder.id);
    const node = this.restore(element);
    return element.block ? { block: node } : { inline: node };
  }

  /** HTML that is not ours: comments vanish, breaks stay, the rest shows as text. */
  private looseHtml(html: string): AdfNode[] {
    const text = html.replace(/<!--[\s\S]*?-->/g, '').trim();
    if (text === '') return [];
    if (/^(<br\s*\/?>\s*)+$/i.test(text)) return [{ type: 'paragraph', content: Array.from(text.matchAll(/<br/gi), () => ({ type: 'hardBreak' })) }];
    return [{ type: 'paragraph', content: [{ type: 'text', text: text.replace(/\s*\n\s*/g, ' ') }] }];
  }

  private blockquote(token: Tokens.Blockquote): AdfNode {
    const [first] = token.tokens;
    const firstLine = first?.type === 'paragraph' ? (first as Tokens.Paragraph).text.split('\n')[0]! : '';
    const alert = ALERT_LINE.exec(firstLine);
    if (!alert) return { type: 'blockquote', content: this.blocks(token.tokens, 'blockquote') };
    const rest = token.text.slice(token.text.indexOf(firstLine) + firstLine.length).replace(/^\n/, '');
    return { type: 'panel', attrs: { panelType: ALERTS[alert[1]!.toUpperCase()] ?? 'info' }, content: this.blocks(lexMarkdown(rest), 'panel') };
  }

  /** A list; its runs of task items become task lists, the other runs plain lists. */
  private list(token: Tokens.List): AdfNode[] {
    const out: AdfNode[] = [];
    let number = typeof token.start === 'number' ? token.start : 1;
    let run: Tokens.ListItem[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      if (isTask(run[0]!)) out.push(this.taskList(run));
      else if (token.ordered) out.push({ type: 'orderedList', attrs: { order: number }, content: run.map((item) => this.listItem(item)) });
      else out.push({ type: 'bulletList', content: run.map((item) => this.listItem(item)) });
      number += run.length;
      run = [];
    };
    for (const item of token.items) {
      if (run.length > 0 && isTask(item) !== isTask(run[0]!)) flush();
      run.push(item);
    }
    flush();
    return out;
  }

  private listItem(item: Tokens.ListItem): AdfNode {
    return { type: 'listItem', content: this.blocks(item.tokens.filter((t) => t.type !== 'checkbox'), 'listItem') };
  }

  private taskList(items: Tokens.ListItem[]): AdfNode {
    const content: AdfNode[] = [];
    for (const item of items) {
      const empty = !item.task; // `- [ ]` with nothing after it
      const checked = empty ? /x/i.test(item.text) : item.checked;
      const tokens = empty ? [] : item.tokens.filter((t) => t.type !== 'checkbox');
      const nested = tokens.filter((t): t is Tokens.List => t.type === 'list' && (t as Tokens.List).items.every(isTask));
      const blocks = this.blockItems(this.items(tokens.filter((t) => !nested.includes(t as Tokens.List))));
      const inline = flattenInline(blocks);
      content.push({ type: 'taskItem', attrs: { localId: this.localId(), state: checked ? 'DONE' : 'TODO' }, ...(inline.length > 0 ? { content: inline } : {}) });
      for (const list of nested) content.push(this.taskList(list.items));
    }
    return { type: 'taskList', attrs: { localId: this.localId() }, content };
  }

  private code(token: Tokens.Code): AdfNode {
    const { language, params } = parseInfo(token.lang ?? '');
    const attrs: Record<string, unknown> = language ? { language } : {};
    for (const [key, value] of params) {
      // ADF knows a few options; other formats (wiki markup) keep whatever they were given
      if (this.strict && !CODE_ATTRS.has(key)) continue;
      attrs[key] = BOOLEAN_CODE_ATTRS.has(key) && /^(true|false)$/.test(value) ? value === 'true' : value;
    }
    const text = token.codeBlockStyle === 'indented' ? token.text.replace(/\n+$/, '') : token.text;
    return { type: 'codeBlock', ...(Object.keys(attrs).length > 0 ? { attrs } : {}), ...(text === '' ? {} : { content: [{ type: 'text', text }] }) };
  }
}

/** Index of the item that closes the one at `start` (nesting respected), or items.length. */
function closing(items: Item[], start: number, isOpen: (item: Item) => boolean, isClose: (item: Item) => boolean): number {
  let depth = 0;
  for (let i = start; i < items.length; i++) {
    if (isOpen(items[i]!)) depth++;
    else if (isClose(items[i]!) && --depth === 0) return i;
  }
  return items.length;
}

function isBlank(node: AdfNode): boolean {
  return (node.type === 'text' && (node.text ?? '').trim() === '' && (node.marks ?? []).length === 0) || node.type === 'hardBreak';
}

/** White space at either end of a paragraph's inline run is not content. */
function trimRun(run: AdfNode[]): AdfNode[] {
  let start = 0;
  let end = run.length;
  while (start < end && run[start]!.type === 'text' && isBlank(run[start]!)) start++;
  while (end > start && run[end - 1]!.type === 'text' && isBlank(run[end - 1]!)) end--;
  const out = run.slice(start, end);
  const trim = (i: number, pattern: RegExp): void => {
    const node = out[i];
    if (node?.type === 'text' && (node.marks ?? []).length === 0) out[i] = { ...node, text: (node.text ?? '').replace(pattern, '') };
  };
  trim(0, /^\s+/);
  trim(out.length - 1, /\s+$/);
  return out;
}

/** Block content where only inline content may go (a task, a heading kept as a container): lines. */
function flattenInline(blocks: AdfNode[]): AdfNode[] {
  const out: AdfNode[] = [];
  const line = (nodes: AdfNode[]): void => {
    if (nodes.length === 0) return;
    if (out.length > 0) out.push({ type: 'hardBreak' });
    out.push(...nodes);
  };
  const walk = (node: AdfNode): void => {
    if (TEXT_BLOCKS.has(node.type)) line(node.content ?? []);
    else if (node.type === 'codeBlock') line((node.content ?? []).filter((c) => c.text).map((c) => ({ type: 'text', text: (c.text ?? '').replace(/\n/g, ' '), marks: [{ type: 'code' }] })));
    else if (node.type === 'listItem' || node.type === 'taskItem') {
      const [first, ...rest] = node.content ?? [];
      if (first && TEXT_BLOCKS.has(first.type)) line([{ type: 'text', text: '• ' }, ...(first.content ?? [])]);
      else if (first) walk(first);
      rest.forEach(walk);
    } else if (['media', 'mediaSingle', 'mediaGroup', 'blockCard', 'rule'].includes(node.type)) return;
    else (node.content ?? []).forEach(walk);
  };
  blocks.forEach(walk);
  return out;
}

/** A task item, including an empty one (`- [ ]` alone, which GFM reads as plain text). */
function isTask(item: Tokens.ListItem): boolean {
  return item.task || /^\[[ xX]\]$/.test(item.text.trim());
}
