// Confluence storage (XHTML) → GitHub-flavoured Markdown a model reads easily, plus the exact
// storage of everything Markdown cannot express (kept beside it, referred to by placeholders).
//
// Mapped: headings, paragraphs, emphasis, lists, task lists, tables, links (page, attachment, URL,
// anchor), mentions, images, code/noformat, info/note/tip/warning panels (GitHub alerts), status
// lozenges, dates, emoticons. Preserved as containers (body stays editable Markdown): layouts,
// expand/panel and other macros with a rich-text body, inline comments. Preserved whole: every
// other macro (jira, toc, anchor…), unknown ac:/ri: elements, links to other content types.
import { isCDATA, isComment, isTag, isText } from 'domhandler';
import { emoticonText } from './emoticons.ts';
import { formatDate, formatStatus, statusColour } from './inline-tokens.ts';
import { attachmentHref, markdownDestination, mentionHref, pageHref, type UserRef } from './link-targets.ts';
import { codeFence, codeSpan, escapeLineStarts, escapeMarkdownText, indentLines, infoValue } from './markdown-text.ts';
import { formatPlaceholder } from './placeholders.ts';
import type { PreservedElement } from './preserved.ts';
import {
  attr,
  childElements,
  decodeEntities,
  firstChild,
  innerRange,
  macroParameters,
  outerSource,
  parseStorage,
  tagName,
  textContent,
  type ChildNode,
  type Element,
} from './storage-dom.ts';

export interface StorageToMarkdownOptions {
  /** A display name for a mentioned account id (from a user lookup); the id is shown otherwise. */
  mentionName?: (accountId: string) => string | undefined;
}

export interface StorageToMarkdownResult {
  markdown: string;
  preserved: PreservedElement[];
}

export function storageToMarkdown(storage: string, options: StorageToMarkdownOptions = {}): StorageToMarkdownResult {
  const converter = new Converter(storage, options);
  const blocks = converter.flow(parseStorage(storage).children);
  const markdown = blocks.filter((b) => b !== '').join('\n\n');
  return { markdown: markdown === '' ? '' : `${markdown}\n`, preserved: converter.preserved };
}

/** How line breaks and blocks inside inline content are written. */
type InlineMode = 'text' | 'line' | 'cell';

const HEADING = /^h([1-6])$/;
const TRANSPARENT_BLOCKS = new Set(['div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'figure', 'center', 'dl', 'dd', 'dt', 'details', 'summary', 'caption']);
const BLOCK_TAGS = new Set([...TRANSPARENT_BLOCKS, 'p', 'ul', 'ol', 'table', 'blockquote', 'pre', 'hr', 'ac:task-list', 'ac:layout', 'ac:layout-section', 'ac:layout-cell', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCK_MACROS = new Set(['code', 'noformat', 'info', 'note', 'tip', 'warning', 'panel', 'expand', 'toc']);
const ALERTS: Record<string, string> = { info: 'NOTE', tip: 'TIP', note: 'IMPORTANT', warning: 'WARNING' };
const IMAGE_OPTIONS = ['width', 'height', 'align', 'border', 'thumbnail', 'layout', 'custom-width'];
const VOID = new Set(['br', 'hr', 'img', 'col', 'input', 'wbr']);

class Converter {
  readonly preserved: PreservedElement[] = [];
  private readonly src: string;
  private readonly options: StorageToMarkdownOptions;

  constructor(src: string, options: StorageToMarkdownOptions) {
    this.src = src;
    this.options = options;
  }

  // ── blocks ────────────────────────────────────────────────────────────────────────────────

  /** Block content: consecutive inline nodes become paragraphs. */
  flow(nodes: ChildNode[]): string[] {
    const blocks: string[] = [];
    let run: ChildNode[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const text = this.paragraph(this.inline(run, 'text'));
      if (text !== '') blocks.push(text);
      run = [];
    };
    for (const node of nodes) {
      if (this.isBlock(node)) {
        flush();
        blocks.push(...this.block(node as Element));
      } else if (isTag(node) && VOID.has(tagName(node) ?? '') && node.children.length > 0) {
        // malformed input: a void element (<br> without its slash) that swallowed what followed it
        flush();
        blocks.push(...this.flow(node.children));
      } else run.push(node);
    }
    flush();
    return blocks.filter((b) => b !== '');
  }

  private isBlock(node: ChildNode): boolean {
    if (!isTag(node)) return false;
    const name = tagName(node) ?? '';
    if (BLOCK_TAGS.has(name)) return true;
    if (name !== 'ac:structured-macro') return false;
    const macro = (attr(node, 'ac:name') ?? '').toLowerCase();
    return BLOCK_MACROS.has(macro) || !!firstChild(node, 'ac:rich-text-body') || !!firstChild(node, 'ac:plain-text-body');
  }

  private paragraph(inline: string): string {
    const text = trimBreaks(inline);
    return text === '' ? '' : escapeLineStarts(text);
  }

  private block(el: Element): string[] {
    const name = tagName(el) ?? '';
    const heading = HEADING.exec(name);
    if (heading) {
      // a trailing ` #` would read as the heading's closing sequence
      const text = this.inline(el.children, 'line').trim().replace(/(^|\s)(#+)$/, '$1\\$2');
      return text === '' ? [] : [`${'#'.repeat(Number(heading[1]))} ${text}`];
    }
    switch (name) {
      case 'p':
        return this.flow(el.children);
      case 'ul':
      case 'ol':
        return [this.list(el)];
      case 'ac:task-list':
        return [this.taskList(el)];
      case 'table':
        return this.table(el);
      case 'blockquote': {
        const inner = this.flow(el.children).join('\n\n');
        return inner === '' ? [] : [indentLines(inner, '> ', '> ')];
      }
      case 'pre':
        return [codeFence(textContent(el), '')];
      case 'hr':
        return ['---', ...this.flow(el.children)];
      case 'ac:layout':
        return this.layout(el);
      case 'ac:structured-macro':
        return this.blockMacro(el);
      case 'ac:layout-section':
      case 'ac:layout-cell':
        return this.keepOr(el, name, undefined, () => this.flow(el.children));
      default:
        return this.flow(el.children);
    }
  }

  private list(el: Element): string {
    const ordered = tagName(el) === 'ol';
    const start = ordered ? Number.parseInt(attr(el, 'start') ?? '1', 10) || 1 : 1;
    const items: string[][] = [];
    for (const child of el.children) {
      const name = tagName(child);
      if (name === 'li') items.push(this.flow((child as Element).children));
      else if (name === 'ul' || name === 'ol') {
        // a list directly inside a list (older editors): it belongs to the item before it
        if (items.length === 0) items.push([]);
        items[items.length - 1]!.push(this.list(child as Element));
      } else if (isTag(child) || (isText(child) && child.data.trim() !== '')) {
        const blocks = this.flow([child]);
        if (blocks.length > 0) items.push(blocks);
      }
    }
    return this.listItems(items.map((blocks, i) => ({ marker: ordered ? `${start + i}.` : '-', blocks })));
  }

  private listItems(items: { marker: string; blocks: string[] }[]): string {
    const loose = items.some((item) => item.blocks.filter((b) => !isListBlock(b)).length > 1);
    return items
      .map(({ marker, blocks }) => {
        const body = blocks.reduce((acc, block, i) => (i === 0 ? block : `${acc}${isListBlock(block) && !loose ? '\n' : '\n\n'}${block}`), '');
        const pad = ' '.repeat(marker.length + 1);
        return body === '' ? marker : indentLines(body, `${marker} `, pad);
      })
      .join(loose ? '\n\n' : '\n');
  }

  private taskList(el: Element): string {
    const items: { marker: string; blocks: string[] }[] = [];
    for (const child of el.children) {
      const name = tagName(child);
      if (name === 'ac:task') {
        const task = child as Element;
        const done = textContent(firstChild(task, 'ac:task-status') ?? task).trim() === 'complete';
        const body = firstChild(task, 'ac:task-body');
        items.push({ marker: done ? '- [x]' : '- [ ]', blocks: body ? this.flow(body.children) : [] });
      } else if (name === 'ac:task-list') {
        if (items.length === 0) items.push({ marker: '- [ ]', blocks: [] });
        items[items.length - 1]!.blocks.push(this.taskList(child as Element));
      }
    }
    // the marker is `- [ ]`: continuation lines indent like a `-` item
    return items
      .map(({ marker, blocks }) => {
        const body = blocks.reduce((acc, block, i) => (i === 0 ? block : `${acc}\n${isListBlock(block) ? '' : '\n'}${block}`), '');
        return body === '' ? marker : indentLines(body, `${marker} `, '  ');
      })
      .join('\n');
  }

  private table(el: Element): string[] {
    const rows: Element[] = [];
    const before: string[] = [];
    for (const child of el.children) {
      const name = tagName(child);
      if (name === 'tr') rows.push(child as Element);
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') rows.push(...childElements(child as Element, 'tr'));
      else if (name === 'caption') before.push(...this.flow((child as Element).children));
    }
    // lay the cells out on a grid, honouring row and column spans
    const grid: (string | undefined)[][] = [];
    const headerRow: boolean[] = [];
    rows.forEach((row, r) => {
      const cells = row.children.filter((c): c is Element => tagName(c) === 'td' || tagName(c) === 'th');
      headerRow[r] = cells.length > 0 && cells.every((c) => tagName(c) === 'th');
      grid[r] ??= [];
      let col = 0;
      for (const cell of cells) {
        while (grid[r]![col] !== undefined) col++;
        const colspan = Math.min(Math.max(1, Number.parseInt(attr(cell, 'colspan') ?? '1', 10) || 1), 100);
        const rowspan = Math.min(Math.max(1, Number.parseInt(attr(cell, 'rowspan') ?? '1', 10) || 1), rows.length - r);
        // GFM splits cells on `|` before anything else: every pipe inside a cell is escaped
        const text = this.cell(cell.children).replace(/\|/g, '\\|');
        for (let dr = 0; dr < rowspan; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < colspan; dc++) grid[r + dr]![col + dc] = dr === 0 && dc === 0 ? text : '';
        }
        col += colspan;
      }
    });
    const width = Math.max(0, ...grid.map((row) => row.length));
    if (width === 0) return before;
    const line = (row: (string | undefined)[]): string => `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`;
    const hasHeader = headerRow[0] === true;
    const header = hasHeader ? grid[0]! : [];
    const body = hasHeader ? grid.slice(1) : grid;
    const lines = [line(header), `|${'---|'.repeat(width)}`, ...body.map(line)];
    return [...before, lines.join('\n').replace(/ {2,}\|/g, ' |')];
  }

  /** One table cell: a single line; paragraphs and lists kept apart with inline HTML. */
  private cell(nodes: ChildNode[]): string {
    const parts: string[] = [];
    let run: ChildNode[] = [];
    const flush = (): void => {
      const text = this.inline(run, 'cell').trim();
      if (text !== '') parts.push(text);
      run = [];
    };
    for (const node of nodes) {
      const name = tagName(node) ?? '';
      if (!this.isBlock(node)) {
        run.push(node);
        continue;
      }
      flush();
      const el = node as Element;
      if (name === 'p' || TRANSPARENT_BLOCKS.has(name)) {
        const text = this.cell(el.children);
        if (text !== '') parts.push(text);
      } else if (HEADING.test(name)) {
        const text = this.inline(el.children, 'cell').trim();
        if (text !== '') parts.push(`**${text}**`);
      } else if (name === 'ul' || name === 'ol') {
        parts.push(this.htmlList(el));
      } else if (name === 'ac:task-list') {
        parts.push(this.cellTasks(el));
      } else if (name === 'hr') {
        parts.push('---');
      } else {
        parts.push(this.keepOr(el, this.kindOf(el), this.summaryOf(el), () => [this.cell(el.children)]).join(''));
      }
    }
    flush();
    const text = parts
      .map((p) => (p.includes('<br>') ? p.replace(/^(<br>)+|(<br>)+$/g, '').trim() : p))
      .filter((p) => p !== '')
      .join('<br>');
    return text.includes('\n') ? text.replace(/\n/g, ' ') : text;
  }

  private htmlList(el: Element): string {
    const name = tagName(el) === 'ol' ? 'ol' : 'ul';
    const items = el.children
      .filter((c) => isTag(c))
      .map((c) => (tagName(c) === 'ul' || tagName(c) === 'ol' ? this.htmlList(c as Element) : `<li>${this.cell((c as Element).children)}</li>`));
    return `<${name}>${items.join('')}</${name}>`;
  }

  private cellTasks(el: Element): string {
    return childElements(el, 'ac:task')
      .map((task) => {
        const done = textContent(firstChild(task, 'ac:task-status') ?? task).trim() === 'complete';
        return `${done ? '☑' : '☐'} ${this.cell(firstChild(task, 'ac:task-body')?.children ?? [])}`;
      })
      .join('<br>');
  }

  private layout(el: Element): string[] {
    const sections = childElements(el, 'ac:layout-section');
    const cells = sections.flatMap((s) => childElements(s, 'ac:layout-cell'));
    const summary = sections.map((s) => attr(s, 'ac:type') ?? 'single').join(', ');
    const id = this.container(el, cells, 'layout');
    if (id === undefined) return this.flow(el.children);
    const out = [formatPlaceholder('begin', id, 'layout', summary)];
    let index = 0;
    for (const section of sections) {
      childElements(section, 'ac:layout-cell').forEach((cell, i) => {
        if (index > 0) out.push(formatPlaceholder('next', id, i === 0 ? `section ${attr(section, 'ac:type') ?? ''}`.trim() : 'cell'));
        out.push(...this.flow(cell.children));
        index++;
      });
    }
    out.push(formatPlaceholder('end', id));
    return out;
  }

  private blockMacro(el: Element): string[] {
    const name = (attr(el, 'ac:name') ?? '').toLowerCase();
    const params = macroParameters(el);
    if (name === 'code' || name === 'noformat') {
      const body = firstChild(el, 'ac:plain-text-body');
      const language = name === 'code' ? (params.get('language') ?? '') : 'noformat';
      const rest = [...params].filter(([k]) => name !== 'code' || k !== 'language');
      const info = [language, ...rest.map(([k, v]) => `${k}=${infoValue(v)}`)].filter(Boolean).join(' ');
      return [codeFence(body ? textContent(body) : '', info)];
    }
    const richBody = childElements(el, 'ac:rich-text-body');
    const alert = ALERTS[name];
    if (alert && richBody.length <= 1 && [...params.keys()].every((k) => k === 'title')) {
      const inner = richBody[0] ? this.flow(richBody[0].children).join('\n\n') : '';
      const title = params.get('title')?.trim();
      const head = `[!${alert}]${title ? ` ${escapeMarkdownText(title)}` : ''}`;
      return [indentLines(inner === '' ? head : `${head}\n${inner}`, '> ', '> ')];
    }
    if (richBody.length === 1 && !firstChild(el, 'ac:plain-text-body')) {
      const summary = this.summaryOf(el, false);
      const id = this.container(el, richBody, `${name}-macro`);
      if (id !== undefined) {
        return [formatPlaceholder('begin', id, `${name}-macro`, summary), ...this.flow(richBody[0]!.children), formatPlaceholder('end', id)];
      }
    }
    return this.keepOr(el, this.kindOf(el), this.summaryOf(el), () => this.flow(richBody.flatMap((b) => b.children)));
  }

  // ── inline ────────────────────────────────────────────────────────────────────────────────

  inline(nodes: ChildNode[], mode: InlineMode): string {
    let out = '';
    for (const node of nodes) out += this.inlineNode(node, mode);
    return out.includes('  ') ? out.replace(/ {2,}/g, ' ') : out;
  }

  private inlineNode(node: ChildNode, mode: InlineMode): string {
    if (isText(node)) return escapeMarkdownText(decodeEntities(node.data).replace(/[\s\u00a0]+/g, ' '));
    if (isCDATA(node)) return escapeMarkdownText(textContent(node).replace(/\s+/g, ' '));
    if (isComment(node) || !isTag(node)) return '';
    const el = node;
    const name = tagName(el) ?? '';
    const inner = (): string => this.inline(el.children, mode);
    switch (name) {
      case 'strong':
      case 'b':
        return wrap(inner(), '**');
      case 'em':
      case 'i':
      case 'cite':
        return wrap(inner(), '*');
      case 's':
      case 'del':
      case 'strike':
        return wrap(inner(), '~~');
      case 'u':
      case 'sub':
      case 'sup':
        return htmlWrap(inner(), name);
      case 'code':
      case 'tt':
      case 'kbd':
      case 'samp':
        return codeSpan(textContent(el));
      case 'br': {
        const after = el.children.length > 0 ? inner() : '';
        return (mode === 'text' ? '\\\n' : mode === 'cell' ? '<br>' : ' ') + after;
      }
      case 'a':
        return this.anchorLink(el, mode);
      case 'ac:link':
        return this.confluenceLink(el, mode);
      case 'ac:image':
        return this.image(el, mode);
      case 'ac:emoticon':
        return emoticonText(attr(el, 'ac:name') ?? '', attr(el, 'ac:emoji-fallback'));
      case 'time': {
        const datetime = attr(el, 'datetime');
        return datetime ? formatDate(datetime) : inner();
      }
      case 'ac:structured-macro':
        return this.inlineMacro(el, mode);
      case 'ac:inline-comment-marker': {
        const id = this.container(el, [el], 'inline-comment');
        return id === undefined ? inner() : `${formatPlaceholder('begin', id, 'inline-comment')}${inner()}${formatPlaceholder('end', id)}`;
      }
      case 'p':
      case 'li': {
        const text = inner();
        return mode === 'cell' ? `${text}<br>` : mode === 'text' ? `${text}\\\n` : `${text} `;
      }
      default:
        if (name.includes(':') || (this.isBlock(el) && !TRANSPARENT_BLOCKS.has(name))) {
          return this.keepOr(el, this.kindOf(el), this.summaryOf(el), () => [inner()]).join('');
        }
        return inner();
    }
  }

  private inlineMacro(el: Element, mode: InlineMode): string {
    const name = (attr(el, 'ac:name') ?? '').toLowerCase();
    if (name === 'status') {
      const params = macroParameters(el);
      return formatStatus(params.get('title') ?? '', statusColour(params.get('colour') ?? params.get('color')), params.get('subtle') === 'true');
    }
    return this.keepOr(el, this.kindOf(el), this.summaryOf(el), () => [this.inline(el.children, mode)]).join('');
  }

  private anchorLink(el: Element, mode: InlineMode): string {
    const href = attr(el, 'href');
    const label = this.inline(el.children, mode).trim();
    if (!href) return label;
    if (label === '' || label === escapeMarkdownText(href)) return /^(https?|mailto|ftp):[^\s<>]+$/i.test(href) ? `<${href}>` : `[${escapeMarkdownText(href)}](${markdownDestination(href)})`;
    return `[${label}](${markdownDestination(href)})`;
  }

  private confluenceLink(el: Element, mode: InlineMode): string {
    const richBody = firstChild(el, 'ac:link-body');
    const plainBody = firstChild(el, 'ac:plain-text-link-body');
    const body = richBody ? this.inline(richBody.children, mode).trim() : plainBody ? escapeMarkdownText(textContent(plainBody).replace(/\s+/g, ' ')).trim() : '';
    const anchor = attr(el, 'ac:anchor');
    const targets = el.children.filter((c): c is Element => isTag(c) && c.name.startsWith('ri:'));
    const target = targets[0];
    const link = (fallback: string, href: string): string => `[${body === '' ? escapeMarkdownText(fallback) : body}](${markdownDestination(href)})`;
    if (targets.length > 1 || (target && target.children.some(isTag))) return this.keepLink(el, mode, body);
    if (!target) return anchor ? link(anchor, `#${anchor}`) : this.keepLink(el, mode, body);
    switch (tagName(target)) {
      case 'ri:user': {
        const user: UserRef = { accountId: attr(target, 'ri:account-id'), userKey: attr(target, 'ri:userkey'), username: attr(target, 'ri:username') };
        const id = user.accountId ?? user.userKey ?? user.username;
        if (!id) return this.keepLink(el, mode, body);
        // unresolved, the label says only that it is a person: the id is in the destination already
        const name = (user.accountId ? this.options.mentionName?.(user.accountId) : id) || 'user';
        return `[@${escapeMarkdownText(name)}](${markdownDestination(mentionHref(user))})`;
      }
      case 'ri:page': {
        const title = attr(target, 'ri:content-title');
        if (title === undefined) return this.keepLink(el, mode, body);
        return link(title, pageHref(title, attr(target, 'ri:space-key'), anchor));
      }
      case 'ri:attachment': {
        const filename = attr(target, 'ri:filename');
        return filename === undefined || anchor ? this.keepLink(el, mode, body) : link(filename, attachmentHref(filename));
      }
      case 'ri:url': {
        const url = attr(target, 'ri:value');
        return url === undefined ? this.keepLink(el, mode, body) : link(url, url);
      }
      default:
        return this.keepLink(el, mode, body);
    }
  }

  /** A link Markdown cannot address (a blog post, a space, another page's attachment…). */
  private keepLink(el: Element, mode: InlineMode, body: string): string {
    const target = el.children.find((c): c is Element => isTag(c) && c.name.startsWith('ri:'));
    const summary = body !== '' ? body : target ? Object.values(target.attribs).map(decodeEntities).join(' ') : '';
    return this.keepOr(el, target ? `link to ${target.name}` : 'link', summary, () => [this.inline(el.children, mode)]).join('');
  }

  private image(el: Element, mode: InlineMode): string {
    const attachment = firstChild(el, 'ri:attachment');
    const url = firstChild(el, 'ri:url');
    const alt = escapeMarkdownText(attr(el, 'ac:alt') ?? '').replace(/\n/g, ' ');
    const title = attr(el, 'ac:title');
    const titlePart = title ? ` "${title.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ')}"` : '';
    let href: string | undefined;
    if (attachment && !attachment.children.some(isTag)) {
      const filename = attr(attachment, 'ri:filename');
      const options = IMAGE_OPTIONS.flatMap((o): [string, string][] => {
        const value = attr(el, `ac:${o}`);
        return value === undefined ? [] : [[o, value]];
      });
      if (filename !== undefined) href = attachmentHref(filename, options);
    } else if (url && !attachment) href = attr(url, 'ri:value');
    if (href === undefined) return this.keepOr(el, 'image', attr(el, 'ac:alt'), () => [this.inline(el.children, mode)]).join('');
    return `![${alt}](${markdownDestination(href)}${titlePart})`;
  }

  // ── preservation ──────────────────────────────────────────────────────────────────────────

  /** Keeps an element whole behind a placeholder; malformed input falls back to its content. */
  private keepOr(el: Element, kind: string, summary: string | undefined, fallback: () => string[]): string[] {
    const xml = outerSource(this.src, el);
    if (xml === undefined) return fallback();
    const id = this.preserved.length + 1;
    this.preserved.push(this.isBlock(el) ? { id, kind, xml, block: true } : { id, kind, xml });
    return [formatPlaceholder('keep', id, kind, summary)];
  }

  /** Keeps an element's own markup (the `parts`) while the content of `holes` stays editable. */
  private container(el: Element, holes: Element[], kind: string): number | undefined {
    const xml = outerSource(this.src, el);
    if (xml === undefined || holes.length === 0 || el.startIndex === null || el.endIndex === null) return undefined;
    const parts: string[] = [];
    let position = el.startIndex;
    for (const hole of holes) {
      const range = innerRange(this.src, hole);
      if (!range || range.start < position) return undefined;
      parts.push(this.src.slice(position, range.start));
      position = range.end;
    }
    parts.push(this.src.slice(position, el.endIndex + 1));
    const id = this.preserved.length + 1;
    this.preserved.push({ id, kind, xml, parts });
    return id;
  }

  private kindOf(el: Element): string {
    const name = tagName(el) ?? '';
    if (name === 'ac:structured-macro' || name === 'ac:macro') return `${(attr(el, 'ac:name') ?? 'unnamed').toLowerCase()}-macro`;
    return name;
  }

  /** A few words that tell a reader what a preserved element is (`withBody`: a preview of its text). */
  private summaryOf(el: Element, withBody = true): string | undefined {
    const name = tagName(el);
    if (name === 'ac:structured-macro' || name === 'ac:macro') {
      const params = macroParameters(el);
      const macro = (attr(el, 'ac:name') ?? '').toLowerCase();
      if (macro === 'jira') return params.get('key') ?? params.get('jqlQuery') ?? params.get('');
      const named = params.get('title') ?? params.get('');
      if (named) return named;
      if (params.size > 0) return [...params].map(([k, v]) => `${k}=${v}`).join(', ');
      const body = firstChild(el, 'ac:rich-text-body') ?? firstChild(el, 'ac:plain-text-body');
      return body && withBody ? textContent(body) : undefined;
    }
    const text = textContent(el).trim();
    return text === '' ? undefined : text;
  }
}

/** A list that may follow a line of text directly (an ordered list must start at 1 to interrupt a paragraph). */
function isListBlock(block: string): boolean {
  return /^(-|1\.)( |$)/.test(block);
}

/** Trims white space and hard breaks (`\` + newline) from both ends of a paragraph. */
function trimBreaks(text: string): string {
  let start = 0;
  let end = text.length;
  for (;;) {
    const c = text[start];
    if (c === ' ' || c === '\n' || c === '\t') start++;
    else if (c === '\\' && text[start + 1] === '\n') start += 2;
    else break;
  }
  for (;;) {
    const c = text[end - 1];
    if (end <= start) break;
    if (c === ' ' || c === '\t') end--;
    else if (c === '\n') end -= text[end - 2] === '\\' && end - 2 >= start ? 2 : 1;
    else break;
  }
  return text.slice(start, end);
}

/** Emphasis around trimmed content, the surrounding spaces moved outside the markers. */
function wrap(content: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(content);
  if (!match || match[2] === '') return content;
  return `${match[1]}${marker}${match[2]}${marker}${match[3]}`;
}

function htmlWrap(content: string, tag: string): string {
  return content.trim() === '' ? content : `<${tag}>${content}</${tag}>`;
}
