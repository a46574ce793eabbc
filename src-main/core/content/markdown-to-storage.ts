// GitHub-flavoured Markdown → Confluence storage XHTML, the reverse of storage-to-markdown.ts.
// Placeholders bring back the exact original storage they stand for; containers get their
// original markup around the storage made from the Markdown between their markers.
import { decodeEntities } from './storage-dom.ts';
import { splitEmoticons } from './emoticons.ts';
import type { DateToken, StatusToken } from './inline-tokens.ts';
import { parseHref, type UserRef } from './link-targets.ts';
import { lexInline, lexMarkdown, type ConfluenceToken, type Token, type Tokens } from './markdown-lexer.ts';
import { parseInfo } from './markdown-text.ts';
import { splitPlaceholders, type Placeholder } from './placeholders.ts';
import type { PreservedElement } from './preserved.ts';
import { cdata, escapeXmlAttr, escapeXmlText, xmlElement } from './xml.ts';

export interface MarkdownToStorageOptions {
  /** What storageToMarkdown preserved when this Markdown was read. */
  preserved?: PreservedElement[];
  /** The first `ac:task-id` to give (when the storage goes into a page that has tasks already: see maxTaskId). */
  firstTaskId?: number;
}

export interface MarkdownToStorageResult {
  storage: string;
  /** Preserved elements whose placeholder is no longer in the Markdown (they are gone from the page). */
  missingPreserved: PreservedElement[];
  /** Placeholder numbers that match nothing in `preserved` (left out of the storage). */
  unknownPlaceholders: number[];
}

export function markdownToStorage(markdown: string, options: MarkdownToStorageOptions = {}): MarkdownToStorageResult {
  const writer = new Writer(options.preserved ?? [], options.firstTaskId ?? 1);
  const storage = writer.blocks(lexMarkdown(markdown));
  return {
    storage,
    missingPreserved: (options.preserved ?? []).filter((p) => !writer.used.has(p.id)),
    unknownPlaceholders: [...writer.unknown].sort((a, b) => a - b),
  };
}

/** A token, one of our placeholders, or other HTML (`mixed`: it shared an HTML block with placeholders). */
type Item = { token: Token } | { placeholder: Placeholder } | { other: string; mixed: boolean };

const ALERTS: Record<string, string> = { NOTE: 'info', TIP: 'tip', IMPORTANT: 'note', WARNING: 'warning', CAUTION: 'warning' };
const ALERT_LINE = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(.*)$/i;
const COLOURS: Record<string, string> = { grey: 'Grey', red: 'Red', yellow: 'Yellow', green: 'Green', blue: 'Blue', purple: 'Purple' };
/** Inline HTML a writer may use (in table cells above all); anything else is shown as text. */
const INLINE_HTML: Record<string, string> = { u: 'u', ins: 'u', sub: 'sub', sup: 'sup', s: 's', del: 's', strong: 'strong', b: 'strong', em: 'em', i: 'em', kbd: 'code', ul: 'ul', ol: 'ol', li: 'li' };
const HTML_TAG = /^<(\/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(\/?)>$/;

class Writer {
  readonly used = new Set<number>();
  readonly unknown = new Set<number>();
  private readonly byId: Map<number, PreservedElement>;
  private taskId: number;
  /** Set while rendering inline content when a block-level preserved element was written. */
  private blockLeaf = false;

  constructor(preserved: PreservedElement[], firstTaskId: number) {
    this.byId = new Map(preserved.map((p) => [p.id, p]));
    this.taskId = Math.max(1, Math.floor(firstTaskId)) - 1;
  }

  // ── placeholders ──────────────────────────────────────────────────────────────────────────

  private items(tokens: Token[]): Item[] {
    const items: Item[] = [];
    for (const token of tokens) {
      if (token.type !== 'html') {
        items.push({ token });
        continue;
      }
      const html = (token as Tokens.HTML).text;
      const pieces = splitPlaceholders(html);
      const mixed = pieces.some((p) => p.placeholder);
      if ((token as Tokens.HTML).block && mixed && this.isInlineLine(pieces)) {
        // a line of text that happens to start with an inline placeholder: it is a paragraph
        items.push({ token: { type: 'paragraph', raw: html, text: html, tokens: lexInline(html.trim()) } as Tokens.Paragraph });
        continue;
      }
      for (const piece of pieces) {
        if (piece.placeholder) items.push({ placeholder: piece.placeholder });
        else if (piece.other !== undefined && piece.other.trim() !== '') items.push({ other: piece.other, mixed });
      }
    }
    return items;
  }

  /** Placeholders of inline elements only, with text beside them. */
  private isInlineLine(pieces: ReturnType<typeof splitPlaceholders>): boolean {
    const hasText = pieces.some((p) => p.other !== undefined && p.other.trim() !== '');
    return hasText && pieces.every((p) => !p.placeholder || (p.placeholder.verb === 'keep' && this.byId.get(p.placeholder.id)?.block !== true) || (p.placeholder.verb !== 'keep' && this.byId.get(p.placeholder.id)?.kind === 'inline-comment'));
  }

  /** Writes a run of tokens, resolving placeholders and the containers they delimit. */
  private run(items: Item[], write: (token: Token) => string, other: (text: string, mixed: boolean) => string, sub: (items: Item[]) => string): string {
    let out = '';
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if ('token' in item) {
        out += write(item.token);
        continue;
      }
      if ('other' in item) {
        out += other(item.other, item.mixed);
        continue;
      }
      const { verb, id } = item.placeholder;
      const element = this.byId.get(id);
      if (!element) {
        this.unknown.add(id);
        continue;
      }
      if (verb === 'next' || verb === 'end') continue; // a marker whose begin was removed
      this.used.add(id);
      if (verb === 'keep' || !element.parts) {
        out += element.xml;
        if (element.block) this.blockLeaf = true;
        continue;
      }
      // begin: the bodies run to this container's end marker (or to the end of the run)
      const bodies: Item[][] = [[]];
      let j = i + 1;
      for (; j < items.length; j++) {
        const next = items[j]!;
        if ('placeholder' in next && next.placeholder.id === id) {
          if (next.placeholder.verb === 'end') break;
          if (next.placeholder.verb === 'next') {
            bodies.push([]);
            continue;
          }
        }
        bodies[bodies.length - 1]!.push(next);
      }
      const parts = element.parts;
      const holes = parts.length - 1;
      while (bodies.length > holes && bodies.length > 1) {
        const extra = bodies.pop()!;
        bodies[bodies.length - 1]!.push(...extra);
      }
      out += parts[0];
      for (let k = 0; k < holes; k++) out += sub(bodies[k] ?? []) + parts[k + 1];
      i = j;
    }
    return out;
  }

  // ── blocks ────────────────────────────────────────────────────────────────────────────────

  blocks(tokens: Token[]): string {
    return this.blockItems(this.items(tokens));
  }

  private blockItems(items: Item[]): string {
    return this.run(
      items,
      (token) => this.block(token),
      // text written after a placeholder on the same line is Markdown; other HTML shows as text
      (text, mixed) => (mixed ? this.blocks(lexMarkdown(text)) : this.looseHtml(text)),
      (body) => this.blockItems(body),
    );
  }

  private block(token: Token): string {
    switch (token.type) {
      case 'space':
      case 'def':
        return '';
      case 'heading': {
        const t = token as Tokens.Heading;
        return `<h${t.depth}>${this.inline(t.tokens)}</h${t.depth}>`;
      }
      case 'paragraph':
        return this.paragraph((token as Tokens.Paragraph).tokens);
      case 'text': {
        const t = token as Tokens.Text;
        return this.paragraph(t.tokens ?? [{ type: 'text', raw: t.raw, text: t.text }]);
      }
      case 'blockquote':
        return this.blockquote(token as Tokens.Blockquote);
      case 'list':
        return this.list(token as Tokens.List);
      case 'table':
        return this.table(token as Tokens.Table);
      case 'code':
        return this.code(token as Tokens.Code);
      case 'hr':
        return '<hr />';
      default:
        return token.raw.trim() === '' ? '' : `<p>${escapeXmlText(token.raw.trim())}</p>`;
    }
  }

  /** Inline content in a `<p>`, unless it brought back a block-level element (a macro, a layout). */
  private paragraph(tokens: Token[]): string {
    const before = this.blockLeaf;
    this.blockLeaf = false;
    const content = this.inline(tokens).trim();
    const bare = this.blockLeaf;
    this.blockLeaf = before;
    if (content === '') return '';
    return bare ? content : `<p>${content}</p>`;
  }

  /** HTML in the Markdown that is not a placeholder: comments vanish, the rest is shown as text. */
  private looseHtml(html: string): string {
    const text = html.replace(/<!--[\s\S]*?-->/g, '').trim();
    return text === '' ? '' : `<p>${escapeXmlText(text)}</p>`;
  }

  private blockquote(token: Tokens.Blockquote): string {
    const [first] = token.tokens;
    const firstLine = first?.type === 'paragraph' ? (first as Tokens.Paragraph).text.split('\n')[0] : undefined;
    const alert = firstLine === undefined ? null : ALERT_LINE.exec(firstLine);
    if (!alert) return `<blockquote>${this.blocks(token.tokens)}</blockquote>`;
    const name = ALERTS[alert[1]!.toUpperCase()] ?? 'info';
    const title = alert[2]?.trim() ? this.inlinePlain(lexInline(alert[2].trim())) : undefined;
    const rest = token.text.slice(token.text.indexOf(firstLine!) + firstLine!.length).replace(/^\n/, '');
    const params = title ? parameter('title', title) : '';
    return `<ac:structured-macro ac:name="${name}" ac:schema-version="1">${params}<ac:rich-text-body>${this.blocks(lexMarkdown(rest))}</ac:rich-text-body></ac:structured-macro>`;
  }

  /** A list; its runs of task items become Confluence task lists, the other runs plain lists. */
  private list(token: Tokens.List): string {
    let out = '';
    let run: Tokens.ListItem[] = [];
    let runIsTasks = false;
    let number = typeof token.start === 'number' ? token.start : 1;
    const flush = (): void => {
      if (run.length === 0) return;
      if (runIsTasks) out += this.taskList(run);
      else {
        const tag = token.ordered ? 'ol' : 'ul';
        const start = token.ordered && number !== 1 ? ` start="${number}"` : '';
        out += `<${tag}${start}>${run.map((item) => `<li>${this.blocks(item.tokens.filter((t) => t.type !== 'checkbox'))}</li>`).join('')}</${tag}>`;
      }
      number += run.length;
      run = [];
    };
    for (const item of token.items) {
      if (run.length > 0 && isTask(item) !== runIsTasks) flush();
      runIsTasks = isTask(item);
      run.push(item);
    }
    flush();
    return out;
  }

  private taskList(items: Tokens.ListItem[]): string {
    let out = '<ac:task-list>';
    for (const item of items) {
      const empty = !item.task; // `- [ ]` with nothing after it
      const checked = empty ? /x/i.test(item.text) : item.checked;
      const content = empty ? [] : item.tokens.filter((t) => t.type !== 'checkbox');
      const nestedTasks = content.filter((t): t is Tokens.List => t.type === 'list' && (t as Tokens.List).items.every(isTask));
      const body = content
        .filter((t) => !nestedTasks.includes(t as Tokens.List))
        .map((t) => (t.type === 'text' || t.type === 'paragraph' ? this.inline((t as Tokens.Text).tokens ?? [t]) : this.blocks([t])))
        .filter((s) => s !== '')
        .join('<br />');
      this.taskId++;
      out += `<ac:task><ac:task-id>${this.taskId}</ac:task-id><ac:task-status>${checked ? 'complete' : 'incomplete'}</ac:task-status><ac:task-body>${body}</ac:task-body></ac:task>`;
      for (const nested of nestedTasks) out += this.taskList(nested.items);
    }
    return `${out}</ac:task-list>`;
  }

  private table(token: Tokens.Table): string {
    const cell = (tag: 'th' | 'td', c: Tokens.TableCell): string => {
      const before = this.blockLeaf;
      this.blockLeaf = false;
      const content = this.inline(c.tokens).trim();
      const bare = this.blockLeaf || /<(ul|ol)>/.test(content);
      this.blockLeaf = before;
      return `<${tag}>${content === '' || bare ? content : `<p>${content}</p>`}</${tag}>`;
    };
    const rows: string[] = [];
    if (token.header.some((c) => c.text.trim() !== '')) rows.push(`<tr>${token.header.map((c) => cell('th', c)).join('')}</tr>`);
    for (const row of token.rows) rows.push(`<tr>${row.map((c) => cell('td', c)).join('')}</tr>`);
    return `<table><tbody>${rows.join('')}</tbody></table>`;
  }

  private code(token: Tokens.Code): string {
    const { language, params } = parseInfo(token.lang ?? '');
    const name = language === 'noformat' ? 'noformat' : 'code';
    const all = name === 'code' && language ? [['language', language] as [string, string], ...params] : params;
    const text = token.codeBlockStyle === 'indented' ? token.text.replace(/\n+$/, '') : token.text;
    return `<ac:structured-macro ac:name="${name}" ac:schema-version="1">${all.map(([k, v]) => parameter(k, v)).join('')}<ac:plain-text-body>${cdata(text)}</ac:plain-text-body></ac:structured-macro>`;
  }

  // ── inline ────────────────────────────────────────────────────────────────────────────────

  private inline(tokens: Token[]): string {
    return this.inlineItems(this.items(tokens));
  }

  private inlineItems(items: Item[]): string {
    const open: string[] = [];
    let out = this.run(
      items,
      (token) => this.inlineToken(token, open),
      (html) => this.inlineHtml(html, open),
      (body) => this.inlineItems(body),
    );
    while (open.length > 0) out += `</${open.pop()}>`;
    return out;
  }

  private inlineToken(token: Token, open: string[]): string {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        return t.tokens && t.tokens.length > 0 ? this.inline(t.tokens) : this.text(decodeEntities(t.text));
      }
      case 'escape':
        return this.text((token as Tokens.Escape).text);
      case 'strong':
        return `<strong>${this.inline((token as Tokens.Strong).tokens)}</strong>`;
      case 'em':
        return `<em>${this.inline((token as Tokens.Em).tokens)}</em>`;
      case 'del':
        return `<s>${this.inline((token as Tokens.Del).tokens)}</s>`;
      case 'codespan':
        return `<code>${escapeXmlText((token as Tokens.Codespan).text)}</code>`;
      case 'br':
        return '<br />';
      case 'link':
        return this.link(token as Tokens.Link);
      case 'image':
        return this.image(token as Tokens.Image);
      case 'html':
        return this.inlineHtml((token as Tokens.Tag).text, open);
      case 'confluenceToken':
        return confluenceToken((token as ConfluenceToken).value);
      case 'checkbox':
        return '';
      default:
        return escapeXmlText(token.raw);
    }
  }

  /** Text with Confluence's named emoticons brought back. */
  private text(text: string): string {
    return splitEmoticons(text.replace(/\n/g, ' '))
      .map((piece) => (piece.emoticon ? `<ac:emoticon ac:name="${piece.emoticon}" />` : escapeXmlText(piece.text ?? '')))
      .join('');
  }

  /** A few HTML tags are honoured (balanced within their run); anything else shows as text. */
  private inlineHtml(html: string, open: string[]): string {
    if (/^<!--[\s\S]*-->$/.test(html.trim())) return '';
    const match = HTML_TAG.exec(html.trim());
    const name = match ? INLINE_HTML[match[2]!.toLowerCase()] : undefined;
    if (match && match[2]!.toLowerCase() === 'br') return '<br />';
    if (!match || !name) return escapeXmlText(html);
    if (match[1] === '/') {
      const at = open.lastIndexOf(name);
      if (at < 0) return '';
      let out = '';
      while (open.length > at) out += `</${open.pop()}>`;
      return out;
    }
    if (match[3] === '/') return '';
    open.push(name);
    return `<${name}>`;
  }

  /** The plain text of inline tokens (for titles and link labels). */
  private inlinePlain(tokens: Token[]): string {
    return tokens
      .map((t) => {
        if (t.type === 'text' || t.type === 'escape') return t.type === 'text' ? decodeEntities((t as Tokens.Text).text) : (t as Tokens.Escape).text;
        if ('tokens' in t && Array.isArray(t.tokens)) return this.inlinePlain(t.tokens as Token[]);
        if (t.type === 'codespan') return (t as Tokens.Codespan).text;
        return 'text' in t && typeof t.text === 'string' ? t.text : '';
      })
      .join('');
  }

  private link(token: Tokens.Link): string {
    const target = parseHref(decodeEntities(token.href));
    const plain = token.tokens.every((t) => t.type === 'text' || t.type === 'escape');
    const label = this.inlinePlain(token.tokens);
    const body = (fallback: string): string => {
      if (label.trim() === '' || (plain && label === fallback)) return '';
      return plain ? `<ac:plain-text-link-body>${cdata(label)}</ac:plain-text-link-body>` : `<ac:link-body>${this.inline(token.tokens)}</ac:link-body>`;
    };
    switch (target.type) {
      case 'mention':
        return `<ac:link>${userElement(target.user)}</ac:link>`;
      case 'page':
        return `<ac:link${target.anchor ? ` ac:anchor="${escapeXmlAttr(target.anchor)}"` : ''}>${xmlElement('ri:page', { 'ri:space-key': target.spaceKey, 'ri:content-title': target.title })}${body(target.title)}</ac:link>`;
      case 'attachment':
        return `<ac:link>${xmlElement('ri:attachment', { 'ri:filename': target.filename })}${body(target.filename)}</ac:link>`;
      case 'anchor':
        return `<ac:link ac:anchor="${escapeXmlAttr(target.anchor)}">${body(target.anchor)}</ac:link>`;
      case 'url': {
        const content = label.trim() === '' ? escapeXmlText(target.url) : this.inline(token.tokens);
        return `<a href="${escapeXmlAttr(target.url)}">${content}</a>`;
      }
    }
  }

  private image(token: Tokens.Image): string {
    const target = parseHref(decodeEntities(token.href));
    const alt = decodeEntities(token.text.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
    const attrs: Record<string, string | undefined> = { 'ac:alt': alt === '' ? undefined : alt, 'ac:title': token.title ? decodeEntities(token.title) : undefined };
    if (target.type === 'attachment') {
      for (const [k, v] of target.params) if (/^[a-z][a-z-]*$/.test(k)) attrs[`ac:${k}`] = v;
      return xmlElement('ac:image', attrs, xmlElement('ri:attachment', { 'ri:filename': target.filename }));
    }
    return xmlElement('ac:image', attrs, xmlElement('ri:url', { 'ri:value': target.type === 'url' ? target.url : decodeEntities(token.href) }));
  }
}

/** A task item, including an empty one (`- [ ]` alone, which GFM reads as plain text). */
function isTask(item: Tokens.ListItem): boolean {
  return item.task || /^\[[ xX]\]$/.test(item.text.trim());
}

function parameter(name: string, value: string): string {
  return `<ac:parameter ac:name="${escapeXmlAttr(name)}">${escapeXmlText(value)}</ac:parameter>`;
}

function userElement(user: UserRef): string {
  if (user.accountId) return xmlElement('ri:user', { 'ri:account-id': user.accountId });
  if (user.userKey) return xmlElement('ri:user', { 'ri:userkey': user.userKey });
  return xmlElement('ri:user', { 'ri:username': user.username ?? '' });
}

function confluenceToken(value: StatusToken | DateToken): string {
  if (value.kind === 'date') return xmlElement('time', { datetime: value.datetime });
  const colour = value.colour === 'grey' ? '' : parameter('colour', COLOURS[value.colour] ?? 'Grey');
  const subtle = value.subtle ? parameter('subtle', 'true') : '';
  return `<ac:structured-macro ac:name="status" ac:schema-version="1">${colour}${parameter('title', value.title)}${subtle}</ac:structured-macro>`;
}

