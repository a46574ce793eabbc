// Confluence storage format (XHTML with ac:/ri: elements): a tolerant parser, a serializer, and the
// conversions the sandbox needs — plain text (search, excerpts, inline-comment selections), a simple
// `view` rendering, ADF both ways, and a small wiki-markup reader. Independent of src-main/core.

export interface XElement {
  type: 'el';
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}

export interface XText {
  type: 'text';
  /** Decoded text. */
  value: string;
  cdata?: boolean;
}

export type XNode = XElement | XText;

/** Confluence answers malformed storage with "Error parsing xhtml: …"; this carries the tail. */
export class StorageParseError extends Error {}

const VOID = new Set(['br', 'hr', 'img', 'col', 'input', 'meta', 'link', 'area', 'base', 'wbr', 'source']);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  middot: '\u00b7',
  bull: '\u2022',
  rarr: '\u2192',
  larr: '\u2190',
  times: '\u00d7',
  deg: '\u00b0',
  euro: '\u20ac',
};

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ent.toLowerCase()] ?? whole;
  });
}

function position(src: string, index: number): string {
  const before = src.slice(0, index);
  const row = before.split('\n').length;
  const col = index - before.lastIndexOf('\n');
  return `[${row},${col}]`;
}

/** Parses storage format. Throws StorageParseError on markup Confluence would refuse. */
export function parseStorage(src: string): XNode[] {
  const root: XElement = { type: 'el', name: '#root', attrs: {}, children: [] };
  const stack: XElement[] = [root];
  let i = 0;
  const top = (): XElement => stack[stack.length - 1]!;
  const pushText = (value: string, cdata = false): void => {
    if (value === '') return;
    const kids = top().children;
    const last = kids[kids.length - 1];
    if (!cdata && last?.type === 'text' && !last.cdata) last.value += value;
    else kids.push(cdata ? { type: 'text', value, cdata: true } : { type: 'text', value });
  };
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      pushText(decodeEntities(src.slice(i)));
      break;
    }
    if (lt > i) pushText(decodeEntities(src.slice(i, lt)));
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end < 0) throw new StorageParseError(`Unexpected EOF in comment at ${position(src, lt)}`);
      i = end + 3;
      continue;
    }
    if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      if (end < 0) throw new StorageParseError(`Unexpected EOF in CDATA section at ${position(src, lt)}`);
      pushText(src.slice(lt + 9, end), true);
      i = end + 3;
      continue;
    }
    if (src.startsWith('<!', lt) || src.startsWith('<?', lt)) {
      const end = src.indexOf('>', lt);
      if (end < 0) throw new StorageParseError(`Unexpected EOF at ${position(src, lt)}`);
      i = end + 1;
      continue;
    }
    if (src[lt + 1] === '/') {
      const m = /^<\/([A-Za-z][\w:.-]*)\s*>/.exec(src.slice(lt, lt + 200));
      if (!m) throw new StorageParseError(`Unexpected character '${src[lt + 2] ?? ''}' in close tag at ${position(src, lt)}`);
      const name = m[1]!;
      if (VOID.has(name.toLowerCase()) && top().name !== name) {
        i = lt + m[0].length; // `</br>` after a void `<br>`: ignore, like an HTML cleaner
        continue;
      }
      if (stack.length === 1) throw new StorageParseError(`Unexpected close tag </${name}> at ${position(src, lt)}`);
      if (top().name !== name) {
        throw new StorageParseError(`Unexpected close tag </${name}>; expected </${top().name}>.\n at ${position(src, lt)}`);
      }
      stack.pop();
      i = lt + m[0].length;
      continue;
    }
    const nameMatch = /^<([A-Za-z][\w:.-]*)/.exec(src.slice(lt, lt + 200));
    if (!nameMatch) throw new StorageParseError(`Unexpected character '${src[lt + 1] ?? ''}' after '<' at ${position(src, lt)}`);
    const name = nameMatch[1]!;
    let j = lt + nameMatch[0].length;
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (j < src.length && /\s/.test(src[j]!)) j++;
      if (j >= src.length) throw new StorageParseError(`Unexpected EOF in start tag <${name}> at ${position(src, lt)}`);
      if (src[j] === '>') {
        j++;
        break;
      }
      if (src.startsWith('/>', j)) {
        selfClosing = true;
        j += 2;
        break;
      }
      const am = /^([A-Za-z_:][\w:.-]*)\s*(=\s*("([^"]*)"|'([^']*)'))?/.exec(src.slice(j, j + 4000));
      if (!am) throw new StorageParseError(`Unexpected character '${src[j]}' in start tag <${name}> at ${position(src, j)}`);
      if (am[2] === undefined) throw new StorageParseError(`Attribute '${am[1]}' without value in <${name}> at ${position(src, j)}`);
      attrs[am[1]!] = decodeEntities(am[4] ?? am[5] ?? '');
      j += am[0].length;
    }
    const el: XElement = { type: 'el', name, attrs, children: [] };
    top().children.push(el);
    if (!selfClosing && !VOID.has(name.toLowerCase())) stack.push(el);
    i = j;
  }
  if (stack.length > 1) {
    throw new StorageParseError(`Unexpected EOF; was expecting a close tag for element <${top().name}>`);
  }
  return root.children;
}

/** Validates storage; returns the parser's message on failure. */
export function storageError(src: string): string | undefined {
  try {
    parseStorage(src);
    return undefined;
  } catch (err) {
    if (err instanceof StorageParseError) return err.message;
    throw err;
  }
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

export function serialize(nodes: XNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') {
      out += n.cdata ? `<![CDATA[${n.value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>` : escapeText(n.value);
      continue;
    }
    const attrs = Object.entries(n.attrs)
      .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
      .join('');
    if (n.children.length === 0 && (VOID.has(n.name.toLowerCase()) || n.name.includes(':'))) out += `<${n.name}${attrs} />`;
    else out += `<${n.name}${attrs}>${serialize(n.children)}</${n.name}>`;
  }
  return out;
}

// ------------------------------------------------------------------------------------ helpers

export function el(name: string, attrs: Record<string, string> = {}, children: XNode[] = []): XElement {
  return { type: 'el', name, attrs, children };
}

export function text(value: string): XText {
  return { type: 'text', value };
}

function childEls(e: XElement, name?: string): XElement[] {
  return e.children.filter((c): c is XElement => c.type === 'el' && (name === undefined || c.name === name));
}

/** `ac:parameter` values of a macro, by name (the unnamed default parameter is ''). */
export function macroParams(macro: XElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of childEls(macro, 'ac:parameter')) out[p.attrs['ac:name'] ?? ''] = textOf(p.children);
  return out;
}

function textOf(nodes: XNode[]): string {
  let s = '';
  for (const n of nodes) s += n.type === 'text' ? n.value : textOf(n.children);
  return s;
}

function macroBody(macro: XElement, name: 'ac:rich-text-body' | 'ac:plain-text-body'): XElement | undefined {
  return childEls(macro, name)[0];
}

const BLOCK = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'td', 'th', 'div', 'pre', 'table', 'blockquote', 'ul', 'ol',
  'ac:task', 'ac:layout-cell', 'ac:layout-section', 'ac:structured-macro', 'ac:rich-text-body', 'ac:plain-text-body', 'hr',
]);

/** What a reader sees: text of the body, blocks on their own lines, macro parameters left out. */
export function plainText(nodes: XNode[]): string {
  const parts: string[] = [];
  const walk = (list: XNode[]): void => {
    for (const n of list) {
      if (n.type === 'text') {
        parts.push(n.value);
        continue;
      }
      if (n.name === 'ac:parameter' || n.name === 'ac:task-id' || n.name === 'ac:task-uuid' || n.name === 'ac:task-status') continue;
      if (n.name === 'br') {
        parts.push('\n');
        continue;
      }
      const block = BLOCK.has(n.name);
      if (block) parts.push('\n');
      if (n.name === 'ac:structured-macro' && n.attrs['ac:name'] === 'status') parts.push(macroParams(n).title ?? '');
      if (n.name === 'ac:structured-macro' && n.attrs['ac:name'] === 'jira') parts.push(macroParams(n).key ?? '');
      walk(n.children);
      if (n.name === 'td' || n.name === 'th') parts.push(' ');
      if (block) parts.push('\n');
    }
  };
  walk(nodes);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** Plain text of storage that may be malformed (falls back to stripping tags). */
export function storageToPlainText(storage: string): string {
  try {
    return plainText(parseStorage(storage));
  } catch {
    return decodeEntities(storage.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  }
}

/** Every (text-node, offset) where `needle` occurs inside one body text node, in document order. */
export function textOccurrences(nodes: XNode[], needle: string): Array<{ node: XText; parent: XElement; offset: number }> {
  const out: Array<{ node: XText; parent: XElement; offset: number }> = [];
  if (needle === '') return out;
  const walk = (parent: XElement): void => {
    for (const n of parent.children) {
      if (n.type === 'text') {
        if (n.cdata) continue;
        for (let at = n.value.indexOf(needle); at >= 0; at = n.value.indexOf(needle, at + needle.length)) {
          out.push({ node: n, parent, offset: at });
        }
      } else if (n.name !== 'ac:parameter' && n.name !== 'ac:plain-text-body' && !n.name.startsWith('ri:')) walk(n);
    }
  };
  walk({ type: 'el', name: '#root', attrs: {}, children: nodes });
  return out;
}

/** Wraps one occurrence (from textOccurrences) in `<ac:inline-comment-marker ac:ref="…">`. */
export function wrapOccurrence(occ: { node: XText; parent: XElement; offset: number }, length: number, ref: string): void {
  const { node, parent, offset } = occ;
  const idx = parent.children.indexOf(node);
  const before = node.value.slice(0, offset);
  const middle = node.value.slice(offset, offset + length);
  const after = node.value.slice(offset + length);
  const replacement: XNode[] = [];
  if (before) replacement.push(text(before));
  replacement.push(el('ac:inline-comment-marker', { 'ac:ref': ref }, [text(middle)]));
  if (after) replacement.push(text(after));
  parent.children.splice(idx, 1, ...replacement);
}

// ------------------------------------------------------------------------------------ view

/** What the renderer needs to know about the rest of the site. */
export interface RenderContext {
  /** Display name of an account id (undefined: unknown user). */
  userName(accountId: string): string | undefined;
  /** Link target of a page link (`ri:page`), relative to the site (starts with /wiki/). */
  pageHref(title: string, spaceKey: string | undefined): string | undefined;
  /** Download URL of an attachment of the rendered page, relative to the site. */
  attachmentHref(filename: string): string | undefined;
  /** The rendered page's id (media collections). */
  pageId: string;
  /** File id (uuid) of an attachment of the rendered page, for ADF media nodes. */
  attachmentFileId?(filename: string): string | undefined;
}

function attrsHtml(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
}

function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9]+/g, '');
}

function headings(nodes: XNode[], maxLevel: number): Array<{ level: number; text: string }> {
  const out: Array<{ level: number; text: string }> = [];
  const walk = (list: XNode[]): void => {
    for (const n of list) {
      if (n.type !== 'el') continue;
      const m = /^h([1-6])$/.exec(n.name);
      if (m && Number(m[1]) <= maxLevel) out.push({ level: Number(m[1]), text: textOf(n.children).trim() });
      else walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

const PANEL_CLASS: Record<string, string> = {
  info: 'information',
  note: 'note',
  warning: 'warning',
  tip: 'tip',
};

/** A simple `view` rendering: plain HTML the way Confluence's renderer roughly shapes it. */
export function renderView(storage: string, ctx: RenderContext, titlePrefix = 'Page'): string {
  let nodes: XNode[];
  try {
    nodes = parseStorage(storage);
  } catch {
    return `<p>${escapeText(storageToPlainText(storage))}</p>`;
  }
  const all = nodes;
  const render = (list: XNode[]): string => list.map(one).join('');
  function one(n: XNode): string {
    if (n.type === 'text') return escapeText(n.value);
    switch (n.name) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return `<${n.name} id="${escapeAttr(`${slug(titlePrefix)}-${slug(textOf(n.children))}`)}">${render(n.children)}</${n.name}>`;
      case 'ac:structured-macro':
        return macro(n);
      case 'ac:link':
        return link(n);
      case 'ac:image': {
        const att = childEls(n, 'ri:attachment')[0];
        const url = childEls(n, 'ri:url')[0];
        const src = att ? ctx.attachmentHref(att.attrs['ri:filename'] ?? '') : url?.attrs['ri:value'];
        const alt = n.attrs['ac:alt'] ?? att?.attrs['ri:filename'] ?? '';
        return `<span class="confluence-embedded-file-wrapper"><img class="confluence-embedded-image" src="${escapeAttr(src ?? '')}" alt="${escapeAttr(alt)}" /></span>`;
      }
      case 'ac:emoticon':
        return `<img class="emoticon emoticon-${escapeAttr(n.attrs['ac:name'] ?? '')}" alt="(${escapeAttr(n.attrs['ac:name'] ?? '')})" />`;
      case 'ac:task-list':
        return `<ul class="inline-task-list">${childEls(n, 'ac:task')
          .map((t) => {
            const done = textOf(childEls(t, 'ac:task-status')[0]?.children ?? []).trim() === 'complete';
            const body = childEls(t, 'ac:task-body')[0];
            return `<li${done ? ' class="checked"' : ''}>${render(body?.children ?? [])}</li>`;
          })
          .join('')}</ul>`;
      case 'ac:layout':
        return `<div class="contentLayout2">${render(childEls(n, 'ac:layout-section'))}</div>`;
      case 'ac:layout-section':
        return `<div class="columnLayout ${escapeAttr(n.attrs['ac:type'] ?? 'single')}" data-layout="${escapeAttr(n.attrs['ac:type'] ?? 'single')}">${render(childEls(n, 'ac:layout-cell'))}</div>`;
      case 'ac:layout-cell':
        return `<div class="cell normal" data-type="normal"><div class="innerCell">${render(n.children)}</div></div>`;
      case 'ac:inline-comment-marker':
        return `<span class="inline-comment-marker" data-ref="${escapeAttr(n.attrs['ac:ref'] ?? '')}">${render(n.children)}</span>`;
      case 'ac:placeholder':
        return '';
      case 'time':
        return `<time datetime="${escapeAttr(n.attrs.datetime ?? '')}" class="date-past">${escapeText(n.attrs.datetime ?? '')}</time>`;
      default:
        if (n.name.includes(':')) return render(n.children);
        if (VOID.has(n.name.toLowerCase())) return `<${n.name}${attrsHtml(n.attrs)} />`;
        return `<${n.name}${attrsHtml(n.attrs)}>${render(n.children)}</${n.name}>`;
    }
  }
  function link(n: XElement): string {
    const user = childEls(n, 'ri:user')[0];
    const body = childEls(n, 'ac:link-body')[0] ?? childEls(n, 'ac:plain-text-link-body')[0];
    if (user) {
      const id = user.attrs['ri:account-id'] ?? '';
      const name = ctx.userName(id) ?? 'Unknown user';
      return `<a class="confluence-userlink user-mention" data-account-id="${escapeAttr(id)}" href="/wiki/people/${escapeAttr(id)}" data-linked-resource-type="userinfo">${escapeText(name)}</a>`;
    }
    const page = childEls(n, 'ri:page')[0];
    if (page) {
      const title = page.attrs['ri:content-title'] ?? '';
      const href = ctx.pageHref(title, page.attrs['ri:space-key']);
      const label = body ? render(body.children) : escapeText(title);
      return href ? `<a href="${escapeAttr(href)}" data-linked-resource-type="page">${label}</a>` : `<a href="#" class="unresolved">${label}</a>`;
    }
    const att = childEls(n, 'ri:attachment')[0];
    if (att) {
      const name = att.attrs['ri:filename'] ?? '';
      return `<a href="${escapeAttr(ctx.attachmentHref(name) ?? '#')}" data-linked-resource-type="attachment">${body ? render(body.children) : escapeText(name)}</a>`;
    }
    return body ? render(body.children) : '';
  }
  function macro(n: XElement): string {
    const name = n.attrs['ac:name'] ?? '';
    const params = macroParams(n);
    const rich = macroBody(n, 'ac:rich-text-body');
    const plain = macroBody(n, 'ac:plain-text-body');
    switch (name) {
      case 'code':
      case 'noformat': {
        const lang = params.language ?? 'none';
        const title = params.title ? `<div class="codeHeader panelHeader pdl"><b>${escapeText(params.title)}</b></div>` : '';
        return `<div class="code panel pdl conf-macro output-block" data-macro-name="${name}">${title}<div class="codeContent panelContent pdl"><pre class="syntaxhighlighter-pre" data-syntaxhighlighter-params="brush: ${escapeAttr(lang)}; gutter: false; theme: Confluence" data-theme="Confluence">${escapeText(textOf(plain?.children ?? []))}</pre></div></div>`;
      }
      case 'info':
      case 'note':
      case 'warning':
      case 'tip': {
        const cls = PANEL_CLASS[name]!;
        const title = params.title ? `<p class="title conf-macro-render">${escapeText(params.title)}</p>` : '';
        return `<div class="confluence-information-macro confluence-information-macro-${cls} conf-macro output-block" data-macro-name="${name}"><span class="aui-icon aui-icon-small aui-iconfont-${cls} confluence-information-macro-icon"></span>${title}<div class="confluence-information-macro-body">${render(rich?.children ?? [])}</div></div>`;
      }
      case 'panel':
        return `<div class="panel conf-macro output-block" data-macro-name="panel"><div class="panelContent">${render(rich?.children ?? [])}</div></div>`;
      case 'status': {
        const colour = (params.colour ?? 'Grey').toLowerCase();
        const cls = { green: 'success', red: 'error', yellow: 'current', blue: 'complete', purple: 'progress' }[colour] ?? 'default';
        return `<span class="status-macro aui-lozenge aui-lozenge-${cls} conf-macro output-inline" data-macro-name="status">${escapeText(params.title ?? '')}</span>`;
      }
      case 'expand':
        return `<div class="expand-container conf-macro output-block" data-macro-name="expand"><div class="expand-control"><span class="expand-control-text conf-macro-render">${escapeText(params.title ?? 'Click here to expand...')}</span></div><div class="expand-content expand-hidden">${render(rich?.children ?? [])}</div></div>`;
      case 'toc': {
        const max = Number(params.maxLevel ?? '7') || 7;
        const min = Number(params.minLevel ?? '1') || 1;
        const items = headings(all, max)
          .filter((h) => h.level >= min)
          .map((h) => `<li class="toc-level-${h.level}"><a href="#${escapeAttr(`${slug(titlePrefix)}-${slug(h.text)}`)}">${escapeText(h.text)}</a></li>`)
          .join('');
        return `<div class="toc-macro client-side-toc-macro conf-macro output-block" data-macro-name="toc"><ul>${items}</ul></div>`;
      }
      case 'jira': {
        const key = params.key ?? '';
        return `<span class="confluence-jim-macro jira-issue conf-macro output-block" data-jira-key="${escapeAttr(key)}" data-macro-name="jira"><a href="#" class="jira-issue-key">${escapeText(key)}</a></span>`;
      }
      default:
        return `<div class="conf-macro output-block" data-macro-name="${escapeAttr(name)}">${render(rich?.children ?? [])}${plain ? `<pre>${escapeText(textOf(plain.children))}</pre>` : ''}</div>`;
    }
  }
  return render(nodes);
}

// ------------------------------------------------------------------------------------ ADF

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  version?: number;
}

type Mark = NonNullable<AdfNode['marks']>[number];

const PANEL_TYPE: Record<string, string> = { info: 'info', note: 'note', warning: 'warning', tip: 'success' };
const STATUS_COLOR: Record<string, string> = { grey: 'neutral', red: 'red', yellow: 'yellow', green: 'green', blue: 'blue', purple: 'purple' };
const INLINE_NAMES = new Set(['strong', 'b', 'em', 'i', 'u', 's', 'del', 'code', 'sub', 'sup', 'a', 'span', 'br', 'ac:link', 'ac:emoticon', 'time', 'ac:inline-comment-marker', 'ac:image', 'ac:placeholder']);
const INLINE_MACROS = new Set(['status', 'jira', 'anchor']);

function isInline(n: XNode): boolean {
  if (n.type === 'text') return true;
  if (n.name === 'ac:structured-macro') return INLINE_MACROS.has(n.attrs['ac:name'] ?? '');
  return INLINE_NAMES.has(n.name);
}

/** Storage → ADF document (the object; v2 sends it as a JSON string). */
export function storageToAdf(storage: string, ctx: RenderContext): AdfNode {
  let nodes: XNode[];
  try {
    nodes = parseStorage(storage);
  } catch {
    nodes = [el('p', {}, [text(storageToPlainText(storage))])];
  }
  let counter = 0;
  const localId = (): string => {
    counter += 1;
    const hex = counter.toString(16).padStart(12, '0');
    return `${ctx.pageId.padStart(8, '0').slice(-8)}-0000-4000-8000-${hex}`;
  };

  function blocks(list: XNode[]): AdfNode[] {
    const out: AdfNode[] = [];
    let run: XNode[] = [];
    const flush = (): void => {
      const content = inline(run, []);
      run = [];
      if (content.some((c) => c.type !== 'text' || (c.text ?? '').trim() !== '')) out.push({ type: 'paragraph', content });
    };
    for (const n of list) {
      if (isInline(n) && !(n.type === 'el' && n.name === 'ac:image')) run.push(n);
      else {
        flush();
        out.push(...block(n as XElement));
      }
    }
    flush();
    return out;
  }

  function block(n: XElement): AdfNode[] {
    const h = /^h([1-6])$/.exec(n.name);
    if (h) return [{ type: 'heading', attrs: { level: Number(h[1]) }, content: inline(n.children, []) }];
    switch (n.name) {
      case 'p':
        return [{ type: 'paragraph', content: inline(n.children, []) }];
      case 'ul':
        return [{ type: 'bulletList', content: childEls(n, 'li').map((li) => ({ type: 'listItem', content: nonEmpty(blocks(li.children)) })) }];
      case 'ol':
        return [{ type: 'orderedList', attrs: { order: 1 }, content: childEls(n, 'li').map((li) => ({ type: 'listItem', content: nonEmpty(blocks(li.children)) })) }];
      case 'blockquote':
        return [{ type: 'blockquote', content: nonEmpty(blocks(n.children)) }];
      case 'hr':
        return [{ type: 'rule' }];
      case 'pre':
        return [{ type: 'codeBlock', attrs: {}, content: codeText(textOf(n.children)) }];
      case 'table': {
        const rows = [...childEls(n, 'tr'), ...childEls(n, 'thead').flatMap((t) => childEls(t, 'tr')), ...childEls(n, 'tbody').flatMap((t) => childEls(t, 'tr'))];
        return [
          {
            type: 'table',
            attrs: { isNumberColumnEnabled: false, layout: 'default', localId: localId() },
            content: rows.map((tr) => ({
              type: 'tableRow',
              content: childEls(tr)
                .filter((c) => c.name === 'td' || c.name === 'th')
                .map((c) => ({ type: c.name === 'th' ? 'tableHeader' : 'tableCell', attrs: {}, content: nonEmpty(blocks(c.children)) })),
            })),
          },
        ];
      }
      case 'ac:structured-macro':
        return macro(n);
      case 'ac:task-list':
        return [
          {
            type: 'taskList',
            attrs: { localId: localId() },
            content: childEls(n, 'ac:task').map((t) => ({
              type: 'taskItem',
              attrs: { localId: textOf(childEls(t, 'ac:task-uuid')[0]?.children ?? []) || localId(), state: textOf(childEls(t, 'ac:task-status')[0]?.children ?? []).trim() === 'complete' ? 'DONE' : 'TODO' },
              content: inline(childEls(t, 'ac:task-body')[0]?.children ?? [], []),
            })),
          },
        ];
      case 'ac:layout':
        return childEls(n, 'ac:layout-section').flatMap((s) => {
          const cells = childEls(s, 'ac:layout-cell');
          if (cells.length < 2) return cells.flatMap((c) => blocks(c.children));
          const width = Math.round((100 / cells.length) * 100) / 100;
          return [{ type: 'layoutSection', content: cells.map((c) => ({ type: 'layoutColumn', attrs: { width }, content: nonEmpty(blocks(c.children)) })) }];
        });
      case 'ac:image': {
        const att = childEls(n, 'ri:attachment')[0];
        const filename = att?.attrs['ri:filename'] ?? '';
        return [
          {
            type: 'mediaSingle',
            attrs: { layout: 'center' },
            content: [{ type: 'media', attrs: { type: 'file', id: ctx.attachmentFileId?.(filename) ?? filename, collection: `contentId-${ctx.pageId}`, alt: filename } }],
          },
        ];
      }
      default:
        return blocks(n.children);
    }
  }

  function macro(n: XElement): AdfNode[] {
    const name = n.attrs['ac:name'] ?? '';
    const params = macroParams(n);
    const rich = macroBody(n, 'ac:rich-text-body');
    if (name === 'code' || name === 'noformat') {
      const attrs: Record<string, unknown> = {};
      if (params.language) attrs.language = params.language;
      return [{ type: 'codeBlock', attrs, content: codeText(textOf(macroBody(n, 'ac:plain-text-body')?.children ?? [])) }];
    }
    if (name in PANEL_TYPE) return [{ type: 'panel', attrs: { panelType: PANEL_TYPE[name] }, content: nonEmpty(blocks(rich?.children ?? [])) }];
    if (name === 'expand') return [{ type: 'expand', attrs: { title: params.title ?? '' }, content: nonEmpty(blocks(rich?.children ?? [])) }];
    if (INLINE_MACROS.has(name)) return [{ type: 'paragraph', content: inline([n], []) }];
    return [extension(n, 'extension')];
  }

  function extension(n: XElement, type: 'extension' | 'inlineExtension'): AdfNode {
    const name = n.attrs['ac:name'] ?? '';
    const macroParamsAdf: Record<string, { value: string }> = {};
    for (const [k, v] of Object.entries(macroParams(n))) macroParamsAdf[k] = { value: v };
    const attrs: Record<string, unknown> = {
      extensionType: 'com.atlassian.confluence.macro.core',
      extensionKey: name,
      parameters: {
        macroParams: macroParamsAdf,
        macroMetadata: {
          macroId: { value: n.attrs['ac:macro-id'] ?? localId() },
          schemaVersion: { value: n.attrs['ac:schema-version'] ?? '1' },
          title: name,
        },
      },
      localId: localId(),
    };
    if (type === 'extension') attrs.layout = 'default';
    return { type, attrs };
  }

  function inline(list: XNode[], marks: Mark[]): AdfNode[] {
    const out: AdfNode[] = [];
    for (const n of list) {
      if (n.type === 'text') {
        const value = n.value.replace(/\s+/g, ' ');
        if (value === '') continue;
        out.push(marks.length > 0 ? { type: 'text', text: value, marks: [...marks] } : { type: 'text', text: value });
        continue;
      }
      const add = (m: Mark): AdfNode[] => inline(n.children, [...marks, m]);
      switch (n.name) {
        case 'strong':
        case 'b':
          out.push(...add({ type: 'strong' }));
          break;
        case 'em':
        case 'i':
          out.push(...add({ type: 'em' }));
          break;
        case 'u':
          out.push(...add({ type: 'underline' }));
          break;
        case 's':
        case 'del':
          out.push(...add({ type: 'strike' }));
          break;
        case 'code':
          out.push(...add({ type: 'code' }));
          break;
        case 'sub':
        case 'sup':
          out.push(...add({ type: 'subsup', attrs: { type: n.name } }));
          break;
        case 'a':
          out.push(...add({ type: 'link', attrs: { href: n.attrs.href ?? '' } }));
          break;
        case 'ac:inline-comment-marker':
          out.push(...add({ type: 'annotation', attrs: { id: n.attrs['ac:ref'] ?? '', annotationType: 'inlineComment' } }));
          break;
        case 'br':
          out.push({ type: 'hardBreak' });
          break;
        case 'ac:emoticon':
          out.push({ type: 'emoji', attrs: { shortName: `:${n.attrs['ac:name'] ?? 'smile'}:`, id: n.attrs['ac:emoji-id'] ?? '', text: n.attrs['ac:emoji-fallback'] ?? '' } });
          break;
        case 'time': {
          const t = Date.parse(n.attrs.datetime ?? '');
          out.push({ type: 'date', attrs: { timestamp: String(Number.isFinite(t) ? t : 0) } });
          break;
        }
        case 'ac:link': {
          const user = childEls(n, 'ri:user')[0];
          if (user) {
            const id = user.attrs['ri:account-id'] ?? '';
            out.push({ type: 'mention', attrs: { id, text: `@${ctx.userName(id) ?? 'Unknown user'}`, accessLevel: '' } });
            break;
          }
          const page = childEls(n, 'ri:page')[0];
          const body = childEls(n, 'ac:link-body')[0] ?? childEls(n, 'ac:plain-text-link-body')[0];
          const title = page?.attrs['ri:content-title'] ?? childEls(n, 'ri:attachment')[0]?.attrs['ri:filename'] ?? '';
          const href = page ? ctx.pageHref(title, page.attrs['ri:space-key']) : ctx.attachmentHref(title);
          const linkMarks: Mark[] = href ? [...marks, { type: 'link', attrs: { href } }] : marks;
          const inner = body ? inline(body.children, linkMarks) : [{ type: 'text', text: title, ...(linkMarks.length ? { marks: linkMarks } : {}) }];
          out.push(...inner);
          break;
        }
        case 'ac:structured-macro': {
          const name = n.attrs['ac:name'] ?? '';
          const params = macroParams(n);
          if (name === 'status') {
            out.push({ type: 'status', attrs: { text: params.title ?? '', color: STATUS_COLOR[(params.colour ?? 'grey').toLowerCase()] ?? 'neutral', localId: localId(), style: '' } });
          } else out.push(extension(n, 'inlineExtension'));
          break;
        }
        case 'ac:placeholder':
          break;
        default:
          out.push(...inline(n.children, marks));
      }
    }
    return out;
  }

  return { type: 'doc', version: 1, content: blocks(nodes) };
}

function codeText(s: string): AdfNode[] {
  return s === '' ? [] : [{ type: 'text', text: s }];
}

function nonEmpty(list: AdfNode[]): AdfNode[] {
  return list.length > 0 ? list : [{ type: 'paragraph', content: [] }];
}

/** ADF (object or JSON string) → storage. Throws StorageParseError when it is not an ADF document. */
export function adfToStorage(value: unknown): string {
  let doc: unknown = value;
  if (typeof value === 'string') {
    try {
      doc = JSON.parse(value);
    } catch {
      throw new StorageParseError('atlas_doc_format value is not JSON');
    }
  }
  if (typeof doc !== 'object' || doc === null || (doc as AdfNode).type !== 'doc') {
    throw new StorageParseError('atlas_doc_format value is not an ADF document (type "doc")');
  }
  const nodes = (list: AdfNode[] | undefined): XNode[] => (list ?? []).flatMap(conv);
  function macro(name: string, params: Record<string, string>, body?: XElement): XElement {
    const kids: XNode[] = Object.entries(params).map(([k, v]) => el('ac:parameter', { 'ac:name': k }, [text(v)]));
    if (body) kids.push(body);
    return el('ac:structured-macro', { 'ac:name': name, 'ac:schema-version': '1' }, kids);
  }
  function conv(n: AdfNode): XNode[] {
    switch (n.type) {
      case 'paragraph':
        return [el('p', {}, nodes(n.content))];
      case 'heading':
        return [el(`h${Math.min(6, Math.max(1, Number(n.attrs?.level ?? 1)))}`, {}, nodes(n.content))];
      case 'text': {
        let out: XNode = text(n.text ?? '');
        for (const m of [...(n.marks ?? [])].reverse()) {
          const tag = { strong: 'strong', em: 'em', underline: 'u', strike: 's', code: 'code' }[m.type];
          if (tag) out = el(tag, {}, [out]);
          else if (m.type === 'link') out = el('a', { href: String(m.attrs?.href ?? '') }, [out]);
          else if (m.type === 'subsup') out = el(String(m.attrs?.type ?? 'sub'), {}, [out]);
          else if (m.type === 'annotation') out = el('ac:inline-comment-marker', { 'ac:ref': String(m.attrs?.id ?? '') }, [out]);
        }
        return [out];
      }
      case 'hardBreak':
        return [el('br')];
      case 'rule':
        return [el('hr')];
      case 'bulletList':
        return [el('ul', {}, nodes(n.content))];
      case 'orderedList':
        return [el('ol', {}, nodes(n.content))];
      case 'listItem':
        return [el('li', {}, nodes(n.content))];
      case 'blockquote':
        return [el('blockquote', {}, nodes(n.content))];
      case 'codeBlock': {
        const code = (n.content ?? []).map((c) => c.text ?? '').join('');
        const params: Record<string, string> = {};
        if (typeof n.attrs?.language === 'string') params.language = n.attrs.language;
        return [macro('code', params, el('ac:plain-text-body', {}, [{ type: 'text', value: code, cdata: true }]))];
      }
      case 'panel': {
        const type = String(n.attrs?.panelType ?? 'info');
        const name = Object.entries(PANEL_TYPE).find(([, v]) => v === type)?.[0] ?? 'info';
        return [macro(name, {}, el('ac:rich-text-body', {}, nodes(n.content)))];
      }
      case 'expand':
      case 'nestedExpand':
        return [macro('expand', { title: String(n.attrs?.title ?? '') }, el('ac:rich-text-body', {}, nodes(n.content)))];
      case 'status': {
        const color = Object.entries(STATUS_COLOR).find(([, v]) => v === n.attrs?.color)?.[0] ?? 'grey';
        return [macro('status', { title: String(n.attrs?.text ?? ''), colour: color[0]!.toUpperCase() + color.slice(1) })];
      }
      case 'mention':
        return [el('ac:link', {}, [el('ri:user', { 'ri:account-id': String(n.attrs?.id ?? '') })])];
      case 'emoji':
        return [el('ac:emoticon', { 'ac:name': String(n.attrs?.shortName ?? ':smile:').replace(/:/g, '') })];
      case 'date':
        return [el('time', { datetime: new Date(Number(n.attrs?.timestamp ?? 0)).toISOString().slice(0, 10) })];
      case 'table':
        return [el('table', {}, [el('tbody', {}, nodes(n.content))])];
      case 'tableRow':
        return [el('tr', {}, nodes(n.content))];
      case 'tableHeader':
        return [el('th', {}, nodes(n.content))];
      case 'tableCell':
        return [el('td', {}, nodes(n.content))];
      case 'taskList':
        return [
          el(
            'ac:task-list',
            {},
            (n.content ?? []).map((t, i) =>
              el('ac:task', {}, [
                el('ac:task-id', {}, [text(String(i + 1))]),
                el('ac:task-status', {}, [text(t.attrs?.state === 'DONE' ? 'complete' : 'incomplete')]),
                el('ac:task-body', {}, nodes(t.content)),
              ]),
            ),
          ),
        ];
      case 'layoutSection': {
        const cols = n.content ?? [];
        const type = cols.length === 3 ? 'three_equal' : 'two_equal';
        return [el('ac:layout', {}, [el('ac:layout-section', { 'ac:type': type }, cols.map((c) => el('ac:layout-cell', {}, nodes(c.content))))])];
      }
      case 'mediaSingle':
      case 'mediaGroup':
        return nodes(n.content);
      case 'media':
        return [el('ac:image', {}, [el('ri:attachment', { 'ri:filename': String(n.attrs?.alt ?? n.attrs?.id ?? '') })])];
      case 'extension':
      case 'inlineExtension':
      case 'bodiedExtension': {
        const p = (n.attrs?.parameters as { macroParams?: Record<string, { value?: unknown }> } | undefined)?.macroParams ?? {};
        const params: Record<string, string> = {};
        for (const [k, v] of Object.entries(p)) params[k] = String(v?.value ?? '');
        const body = n.type === 'bodiedExtension' ? el('ac:rich-text-body', {}, nodes(n.content)) : undefined;
        return [macro(String(n.attrs?.extensionKey ?? 'unknown'), params, body)];
      }
      case 'inlineCard':
      case 'blockCard': {
        const url = String(n.attrs?.url ?? '');
        return [el('a', { href: url }, [text(url)])];
      }
      default:
        return nodes(n.content);
    }
  }
  return serialize(nodes((doc as AdfNode).content));
}

// ------------------------------------------------------------------------------------ wiki markup

function wikiInline(s: string): string {
  let out = escapeText(s);
  out = out.replace(/\{\{(.+?)\}\}/g, '<code>$1</code>');
  out = out.replace(/\[([^|\]]+)\|([^\]]+)\]/g, (_m, label: string, href: string) => `<a href="${href.replace(/"/g, '&quot;')}">${label}</a>`);
  out = out.replace(/(^|[\s(])\*(\S(?:.*?\S)?)\*(?=$|[\s).,;:!?])/g, '$1<strong>$2</strong>');
  out = out.replace(/(^|[\s(])_(\S(?:.*?\S)?)_(?=$|[\s).,;:!?])/g, '$1<em>$2</em>');
  out = out.replace(/(^|[\s(])-(\S(?:.*?\S)?)-(?=$|[\s).,;:!?])/g, '$1<del>$2</del>');
  return out;
}

/** A small reader for Confluence wiki markup (headings, lists, tables, code/panels, emphasis). */
export function wikiToStorage(wiki: string): string {
  const lines = wiki.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  const flushPara = (): void => {
    if (para.length > 0) out.push(`<p>${para.map(wikiInline).join('<br />')}</p>`);
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const block = /^\{(code|noformat|info|note|warning|tip|panel|expand)(?::([^}]*))?\}\s*$/.exec(line.trim());
    if (block) {
      flushPara();
      const name = block[1]!;
      const body: string[] = [];
      for (i++; i < lines.length && !new RegExp(`^\\{${name}\\}\\s*$`).test(lines[i]!.trim()); i++) body.push(lines[i]!);
      const arg = block[2] ?? '';
      if (name === 'code' || name === 'noformat') {
        const lang = arg && !arg.includes('=') ? `<ac:parameter ac:name="language">${escapeText(arg)}</ac:parameter>` : '';
        out.push(`<ac:structured-macro ac:name="${name}" ac:schema-version="1">${lang}<ac:plain-text-body><![CDATA[${body.join('\n').replace(/]]>/g, ']]]]><![CDATA[>')}]]></ac:plain-text-body></ac:structured-macro>`);
      } else {
        const title = /title=([^|]*)/.exec(arg)?.[1] ?? (name === 'expand' ? arg : '');
        const p = title ? `<ac:parameter ac:name="title">${escapeText(title)}</ac:parameter>` : '';
        out.push(`<ac:structured-macro ac:name="${name}" ac:schema-version="1">${p}<ac:rich-text-body>${wikiToStorage(body.join('\n'))}</ac:rich-text-body></ac:structured-macro>`);
      }
      continue;
    }
    const h = /^h([1-6])\.\s+(.*)$/.exec(line);
    if (h) {
      flushPara();
      out.push(`<h${h[1]}>${wikiInline(h[2]!)}</h${h[1]}>`);
      continue;
    }
    if (/^----\s*$/.test(line)) {
      flushPara();
      out.push('<hr />');
      continue;
    }
    const list = /^([*#-])\s+(.*)$/.exec(line);
    if (list) {
      flushPara();
      const tag = list[1] === '#' ? 'ol' : 'ul';
      const items: string[] = [];
      for (; i < lines.length; i++) {
        const m = /^([*#-])\s+(.*)$/.exec(lines[i]!);
        if (!m || (m[1] === '#') !== (tag === 'ol')) break;
        items.push(`<li>${wikiInline(m[2]!)}</li>`);
      }
      i--;
      out.push(`<${tag}>${items.join('')}</${tag}>`);
      continue;
    }
    if (/^\|/.test(line)) {
      flushPara();
      const rows: string[] = [];
      for (; i < lines.length && /^\|/.test(lines[i]!); i++) {
        const row = lines[i]!.trim();
        const header = row.startsWith('||');
        const cells = row
          .replace(/^\|\|?/, '')
          .replace(/\|\|?$/, '')
          .split(header ? '||' : '|');
        rows.push(`<tr>${cells.map((c) => (header ? `<th>${wikiInline(c.trim())}</th>` : `<td>${wikiInline(c.trim())}</td>`)).join('')}</tr>`);
      }
      i--;
      out.push(`<table><tbody>${rows.join('')}</tbody></table>`);
      continue;
    }
    if (line.trim() === '') flushPara();
    else para.push(line);
  }
  flushPara();
  return out.join('');
}
