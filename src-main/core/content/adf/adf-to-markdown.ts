// Atlassian Document Format (Jira Cloud, REST v3) → GitHub-flavoured Markdown, in the conventions
// of the Confluence layer, plus the exact JSON of every node Markdown cannot express (kept beside
// it, referred to by placeholders).
//
//   headings, paragraphs, lists, task lists (`- [ ]`), code fences, block quotes, rules, tables
//   panels           > [!NOTE] (info), [!IMPORTANT] (note), [!TIP], [!WARNING], [!CAUTION] (error), [!SUCCESS]
//   expands          <details><summary>Title</summary> … </details>
//   marks            **strong** *em* ~~strike~~ `code` [link](href) <u> <sub> <sup> <span style="color: #…">
//   mention          [@Dana Reyes](mention:ACCOUNT_ID)        emoji  :smile:
//   status / date    [STATUS: IN PROGRESS | blue]  [DATE: 2025-03-14]
//   cards            <https://…> (inline)   [https://…](https://… "block-card")
//   media            ![alt](attachment:MEDIA_ID?…) (image)   [file](attachment:MEDIA_ID) (file card)
//
// Everything else is preserved: whole (`<!-- tether:keep N kind -->`) or, when it holds ordinary
// content (a custom panel, a bodied extension, a layout, an aligned paragraph), as a container whose
// content stays editable between `begin`/`end` markers.
import { codeFence, escapeLineStarts, indentLines, infoValue } from '../markdown-text.ts';
import { formatPlaceholder } from '../placeholders.ts';
import { adfText, BLOCK_CARD_TITLE, extraAttrs, FILE_LABEL, INLINE_TYPES, PANEL_ALERTS, TEXT_BLOCKS, type AdfNode, type PreservedAdfNode } from './adf-nodes.ts';
import { inlineToMarkdown, type InlineMode } from './adf-inline-to-markdown.ts';
import { mediaHref } from './adf-media.ts';
import { tableToMarkdown } from './adf-table-to-markdown.ts';
import { escapeAdfText } from './adf-text.ts';
import { markdownDestination } from '../link-targets.ts';

export interface AdfToMarkdownOptions {
  /** A display name for a mentioned account id (from a user lookup); the mention's own text otherwise. */
  mentionName?: (accountId: string) => string | undefined;
}

export interface AdfToMarkdownResult {
  markdown: string;
  preserved: PreservedAdfNode[];
}

/** Nodes that only ever appear inside a particular parent (never as free-standing blocks). */
const STRUCTURAL = new Set(['listItem', 'taskItem', 'blockTaskItem', 'tableRow', 'tableCell', 'tableHeader', 'layoutColumn', 'media', 'caption', 'decisionItem']);

export function adfToMarkdown(doc: unknown, options: AdfToMarkdownOptions = {}): AdfToMarkdownResult {
  const writer = new Writer(options);
  const content = isNode(doc) && Array.isArray(doc.content) ? doc.content.filter(isNode) : [];
  const markdown = writer.blocks(content).join('\n\n');
  return { markdown: markdown === '' ? '' : `${markdown}\n`, preserved: writer.preserved };
}

function isNode(value: unknown): value is AdfNode {
  return typeof value === 'object' && value !== null && typeof (value as AdfNode).type === 'string';
}

class Writer {
  readonly preserved: PreservedAdfNode[] = [];
  private readonly options: AdfToMarkdownOptions;

  constructor(options: AdfToMarkdownOptions) {
    this.options = options;
  }

  // ── blocks ────────────────────────────────────────────────────────────────────────────────

  blocks(nodes: AdfNode[]): string[] {
    const out: string[] = [];
    let lastList = '';
    for (const node of nodes) {
      // two lists in a row would merge into one: the second uses the other marker
      const family = node.type === 'orderedList' ? 'ordered' : node.type === 'bulletList' || node.type === 'taskList' ? 'bullet' : '';
      const alternate = family !== '' && lastList === `${family}:main`;
      const written = this.block(node, alternate).filter((b) => b !== '');
      out.push(...written);
      lastList = written.length > 0 && family !== '' && !written[0]!.startsWith('<!--') ? `${family}:${alternate ? 'alt' : 'main'}` : '';
    }
    return out;
  }

  private block(node: AdfNode, alternate = false): string[] {
    if (INLINE_TYPES.has(node.type)) return [this.paragraph([node])];
    switch (node.type) {
      case 'paragraph':
        if (this.plain(node, [])) return [this.paragraph(node.content ?? [])];
        return this.textContainer(node);
      case 'heading': {
        const level = node.attrs?.level;
        if (!this.plain(node, ['level']) || typeof level !== 'number' || level < 1 || level > 6 || !Number.isInteger(level)) return this.textContainer(node);
        return [this.heading(level, node.content ?? [])];
      }
      case 'bulletList':
      case 'orderedList':
        return [this.attempt(() => this.list(node, alternate)) ?? this.keep(node, true)];
      case 'taskList':
        return [this.attempt(() => this.taskList(node, alternate ? '*' : '-')) ?? this.keep(node, true)];
      case 'codeBlock':
        return [this.codeBlock(node) ?? this.keep(node, true)];
      case 'blockquote': {
        if (!this.plain(node, [])) return this.blockContainer(node);
        const inner = this.blocks(node.content ?? []).join('\n\n');
        return [inner === '' ? '>' : indentLines(inner, '> ', '> ')];
      }
      case 'rule':
        return [this.plain(node, []) ? '---' : this.keep(node, true)];
      case 'panel':
        return this.panel(node);
      case 'expand':
      case 'nestedExpand':
        return this.expand(node);
      case 'table':
        return [this.attempt(() => tableToMarkdown(node, (content) => this.cell(content))) ?? this.keep(node, true)];
      case 'mediaSingle':
        return [this.mediaSingle(node) ?? this.keep(node, true)];
      case 'mediaGroup':
        return [this.mediaGroup(node) ?? this.keep(node, true)];
      case 'blockCard': {
        const url = node.attrs?.url;
        if (typeof url !== 'string' || url === '' || !this.plain(node, ['url'])) return [this.keep(node, true)];
        return [`[${escapeAdfText(url, true)}](${markdownDestination(url)} "${BLOCK_CARD_TITLE}")`];
      }
      default:
        return this.unknown(node);
    }
  }

  /** Writes a node another way; when that fails, forgets what it preserved on the way (the node is kept whole). */
  private attempt(write: () => string | undefined): string | undefined {
    const before = this.preserved.length;
    const written = write();
    if (written === undefined) this.preserved.length = before;
    return written;
  }

  /** No marks and no attributes but `allowed` (localId aside). */
  private plain(node: AdfNode, allowed: string[]): boolean {
    return (node.marks ?? []).length === 0 && extraAttrs(node, allowed).length === 0;
  }

  private inline(nodes: AdfNode[], mode: InlineMode): string {
    return inlineToMarkdown(nodes, { mode, mentionName: this.options.mentionName, keep: (n) => this.keep(n, false) });
  }

  private paragraph(nodes: AdfNode[]): string {
    // a line of only `-`, `:` and `|` after a break would make the line before it a table header
    return escapeLineStarts(this.inline(nodes, 'text')).replace(/(\n)([-:|])(?=[-:| \t]*$)/gm, '$1\\$2');
  }

  private heading(level: number, nodes: AdfNode[]): string {
    // a trailing ` #` would read as the heading's closing sequence
    const text = this.inline(nodes, 'line').trim().replace(/(^|\s)(#+)$/, '$1\\$2');
    return `${'#'.repeat(level)}${text === '' ? '' : ` ${text}`}`;
  }

  private list(node: AdfNode, alternate: boolean): string | undefined {
    const items = node.content ?? [];
    const ordered = node.type === 'orderedList';
    const order = node.attrs?.order;
    const start = typeof order === 'number' && Number.isInteger(order) && order >= 0 ? order : 1;
    if (items.length === 0 || items.some((i) => i.type !== 'listItem' || !this.plain(i, [])) || !this.plain(node, ordered ? ['order'] : [])) return undefined;
    const marker = (i: number): string => (ordered ? `${start + i}${alternate ? ')' : '.'}` : alternate ? '*' : '-');
    return this.listItems(items.map((item, i) => ({ marker: marker(i), blocks: this.blocks(item.content ?? []) })));
  }

  private listItems(items: { marker: string; blocks: string[] }[]): string {
    const loose = items.some((item) => item.blocks.filter((b) => !interruptsParagraph(b)).length > 1);
    return items
      .map(({ marker, blocks }) => {
        const body = blocks.reduce((acc, block, i) => (i === 0 ? block : `${acc}${interruptsParagraph(block) && !loose ? '\n' : '\n\n'}${block}`), '');
        return body === '' ? marker : indentLines(body, `${marker} `, ' '.repeat(marker.length + 1));
      })
      .join(loose ? '\n\n' : '\n');
  }

  private taskList(node: AdfNode, bullet: string): string | undefined {
    const lines: string[] = [];
    for (const child of node.content ?? []) {
      if (child.type === 'taskItem' && this.plain(child, ['state']) && (child.attrs?.state === 'DONE' || child.attrs?.state === 'TODO')) {
        const marker = `${bullet} [${child.attrs.state === 'DONE' ? 'x' : ' '}]`;
        const body = this.paragraph(child.content ?? []);
        lines.push(body === '' ? marker : indentLines(body, `${marker} `, '  '));
      } else if (child.type === 'taskList' && lines.length > 0) {
        const nested = this.taskList(child, '-');
        if (nested === undefined) return undefined;
        lines.push(indentLines(nested, '  ', '  '));
      } else return undefined;
    }
    return lines.length > 0 && this.plain(node, []) ? lines.join('\n') : undefined;
  }

  private codeBlock(node: AdfNode): string | undefined {
    const content = node.content ?? [];
    if ((node.marks ?? []).length > 0 || content.some((c) => c.type !== 'text' || (c.marks ?? []).length > 0)) return undefined;
    // the language, then any other attribute as key=value (the Confluence layer's code macro options)
    const info: string[] = [];
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      if (key === 'localId' || value === undefined || value === null || value === '') continue;
      if (key === 'language' && typeof value === 'string' && /^[^\s=`"'{}]+$/.test(value)) info.unshift(value);
      else if (key !== 'language' && /^[A-Za-z][\w-]*$/.test(key) && ['string', 'boolean', 'number'].includes(typeof value) && !/[\n`]/.test(String(value))) info.push(`${key}=${infoValue(String(value))}`);
      else return undefined;
    }
    return codeFence(content.map((c) => c.text ?? '').join(''), info.join(' '));
  }

  private panel(node: AdfNode): string[] {
    const alert = PANEL_ALERTS[String(node.attrs?.panelType)];
    if (!alert || !this.plain(node, ['panelType'])) return this.blockContainer(node);
    const inner = this.blocks(node.content ?? []).join('\n\n');
    return [indentLines(inner === '' ? `[!${alert}]` : `[!${alert}]\n${inner}`, '> ', '> ')];
  }

  private expand(node: AdfNode): string[] {
    const title = node.attrs?.title ?? '';
    if (typeof title !== 'string' || /[\r\n]/.test(title) || !this.plain(node, ['title'])) return this.blockContainer(node);
    const summary = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const inner = this.blocks(node.content ?? []).join('\n\n');
    return [`<details>\n<summary>${summary}</summary>\n\n${inner === '' ? '' : `${inner}\n\n`}</details>`];
  }

  private mediaSingle(node: AdfNode): string | undefined {
    const [media, caption, ...rest] = node.content ?? [];
    if (!media || media.type !== 'media' || rest.length > 0 || (node.marks ?? []).length > 0 || (media.marks ?? []).length > 0) return undefined;
    let title = '';
    if (caption) {
      const text = (caption.content ?? []).map((c) => (c.type === 'text' && (c.marks ?? []).length === 0 ? (c.text ?? '') : '\u0000')).join('');
      if (caption.type !== 'caption' || text === '' || text.includes('\u0000') || /[\r\n]/.test(text) || extraAttrs(caption, []).length > 0) return undefined;
      title = ` "${text.replace(/["\\]/g, '\\$&')}"`;
    }
    const href = mediaHref(media, node);
    const alt = media.attrs?.alt;
    if (href === undefined || (alt !== undefined && typeof alt !== 'string')) return undefined;
    return `![${escapeAdfText(alt ?? '', true)}](${markdownDestination(href)}${title})`;
  }

  private mediaGroup(node: AdfNode): string | undefined {
    const items = node.content ?? [];
    const links = items.map((media) => {
      const href = media.type === 'media' && (media.marks ?? []).length === 0 ? mediaHref(media) : undefined;
      const alt = media.attrs?.alt;
      if (href === undefined || media.attrs?.type === 'external' || (alt !== undefined && typeof alt !== 'string') || alt === '') return undefined;
      return `[${escapeAdfText(alt ?? FILE_LABEL, true)}](${markdownDestination(href)})`;
    });
    if (items.length === 0 || links.some((l) => l === undefined) || !this.plain(node, [])) return undefined;
    return links.join(' ');
  }

  // ── table cells: one line each ────────────────────────────────────────────────────────────

  private cell(content: AdfNode[]): string {
    let out = '';
    let previous: 'text' | 'list' | '' = '';
    for (const node of content) {
      const list = (node.type === 'bulletList' || node.type === 'orderedList') && this.htmlList(node);
      if (list) {
        out += list;
        previous = 'list';
        continue;
      }
      let text: string;
      if (node.type === 'paragraph' && this.plain(node, [])) text = this.inline(node.content ?? [], 'cell');
      else if (node.type === 'mediaSingle') text = this.mediaSingle(node) ?? this.keep(node, true);
      else text = this.keep(node, true);
      // paragraphs in a cell are set apart by an empty line's worth of breaks
      out += `${previous === 'text' ? '<br><br>' : ''}${text}`;
      previous = 'text';
    }
    return out;
  }

  private htmlList(node: AdfNode): string | undefined {
    const items = node.content ?? [];
    if (items.length === 0 || items.some((i) => i.type !== 'listItem' || !this.plain(i, []))) return undefined;
    const ordered = node.type === 'orderedList';
    if (!this.plain(node, ordered ? ['order'] : [])) return undefined;
    const order = node.attrs?.order;
    const start = ordered && typeof order === 'number' && Number.isInteger(order) && order !== 1 ? ` start="${order}"` : '';
    const tag = ordered ? 'ol' : 'ul';
    return `<${tag}${start}>${items.map((item) => `<li>${this.cell(item.content ?? [])}</li>`).join('')}</${tag}>`;
  }

  // ── preservation ──────────────────────────────────────────────────────────────────────────

  private keep(node: AdfNode, block: boolean): string {
    const id = this.preserved.length + 1;
    const { kind, summary } = describe(node);
    this.preserved.push(block ? { id, kind, node, block } : { id, kind, node });
    return formatPlaceholder('keep', id, kind, summary);
  }

  /** A node we do not know: a container when it holds ordinary blocks, kept whole otherwise. */
  private unknown(node: AdfNode): string[] {
    const children = node.content ?? [];
    if (children.length > 0 && children.every(isFreeBlock)) return this.blockContainer(node);
    if (children.length > 0 && children.every((c) => STRUCTURAL.has(c.type) && (c.content ?? []).length > 0 && (c.content ?? []).every(isFreeBlock))) {
      return this.container(node, children.map((_, i) => [i]), (target) => this.blocks(target.content ?? []));
    }
    return [this.keep(node, true)];
  }

  private blockContainer(node: AdfNode): string[] {
    return this.container(node, [[]], (target) => this.blocks(target.content ?? []));
  }

  /** A paragraph or heading with marks or attributes Markdown has no words for (alignment, indentation). */
  private textContainer(node: AdfNode): string[] {
    const level = node.attrs?.level;
    return this.container(node, [[]], (target) => {
      const content = target.content ?? [];
      return [typeof level === 'number' && level >= 1 && level <= 6 ? this.heading(Math.floor(level), content) : this.paragraph(content)];
    });
  }

  private container(node: AdfNode, holes: number[][], body: (target: AdfNode) => string[]): string[] {
    const id = this.preserved.length + 1;
    const { kind, summary } = describe(node);
    this.preserved.push({ id, kind, node, holes, block: true });
    const out = [formatPlaceholder('begin', id, kind, summary)];
    holes.forEach((path, i) => {
      if (i > 0) out.push(formatPlaceholder('next', id));
      out.push(...body(path.reduce<AdfNode>((n, index) => n.content![index]!, node)));
    });
    out.push(formatPlaceholder('end', id));
    return out.filter((b) => b !== '');
  }
}

function isFreeBlock(node: AdfNode): boolean {
  return !INLINE_TYPES.has(node.type) && !STRUCTURAL.has(node.type);
}

/** A list right after a line of text in the same item (an ordered one must start at 1 to interrupt it). */
function interruptsParagraph(block: string): boolean {
  return /^([-*]|1[.)])( |$)/.test(block);
}

/**
 * What a preserved node is, in a few words for the placeholder: no backticks (marked pairs them
 * even inside comments), pipes or backslashes (a table row would split at them).
 */
function describe(node: AdfNode): { kind: string; summary?: string } {
  const { kind, summary } = description(node);
  return { kind, summary: summary?.replace(/`/g, "'").replace(/[|\\]/g, '/') };
}

function description(node: AdfNode): { kind: string; summary?: string } {
  const attrs = node.attrs ?? {};
  if (typeof attrs.extensionKey === 'string') return { kind: node.type, summary: attrs.extensionKey };
  if (node.type === 'text') return { kind: `text with ${(node.marks ?? []).map((m) => m.type).join(', ')}`, summary: node.text };
  const marks = (node.marks ?? []).map((m) => [m.type, ...Object.values(m.attrs ?? {}).filter((v) => typeof v === 'string')].join(' '));
  if (marks.length > 0 && TEXT_BLOCKS.has(node.type)) return { kind: node.type, summary: marks.join(', ') };
  if (node.type === 'panel') return { kind: 'panel', summary: [attrs.panelType, attrs.panelIconText ?? attrs.panelIcon].filter((v) => typeof v === 'string').join(' ') };
  if (typeof attrs.title === 'string' && attrs.title !== '') return { kind: node.type, summary: attrs.title };
  const text = adfText(node).replace(/\s+/g, ' ').trim();
  return { kind: node.type, summary: text === '' ? undefined : text };
}
