// ADF inline content → Markdown. Marks are flat in ADF (each text node lists its own) and nested
// in Markdown, so the runs are first built into a tree (a mark that lasts longer sits outside);
// emphasis falls back to HTML tags where `*`/`~~` would not parse back as written (CommonMark's
// flanking rules: `foo**(bar)**baz` is not bold, `foo<strong>(bar)</strong>baz` is).
import { formatDate, formatStatus, type StatusColour } from '../inline-tokens.ts';
import { markdownDestination, MENTION_SCHEME, ATTACHMENT_SCHEME } from '../link-targets.ts';
import { BLOCK_CARD_TITLE, extraAttrs, FILE_LABEL, type AdfMark, type AdfNode } from './adf-nodes.ts';
import { buildMarkTree, isSpan, type Span as MarkSpan, type Tree as MarkTree } from './mark-tree.ts';
import { mediaHref } from './adf-media.ts';
import { adfCodeSpan, escapeAdfText, isEmojiName } from './adf-text.ts';

/** How hard breaks are written: `\`+newline in paragraphs, `<br>` where a line cannot break. */
export type InlineMode = 'text' | 'line' | 'cell';

export interface InlineWriter {
  mode: InlineMode;
  mentionName?: (id: string) => string | undefined;
  /** Preserves a node Markdown cannot express and returns its placeholder. */
  keep: (node: AdfNode) => string;
}

interface Leaf {
  md: string;
  marks: AdfMark[];
  hardBreak?: boolean;
  emoji?: boolean;
}
type Tree = MarkTree<Leaf>;
type Span = MarkSpan<Leaf>;

const KNOWN_MARKS: Record<string, readonly string[]> = {
  strong: [],
  em: [],
  strike: [],
  underline: [],
  code: [],
  link: ['href', 'title'],
  subsup: ['type'],
  textColor: ['color'],
  backgroundColor: ['color'],
};
const EMPHASIS: Record<string, { delim: string; tag: string }> = { em: { delim: '*', tag: 'em' }, strong: { delim: '**', tag: 'strong' }, strike: { delim: '~~', tag: 's' } };
/** Links whose destination would read back as something else (a mention, an attachment, a card). */
const RESERVED_HREF = [MENTION_SCHEME, ATTACHMENT_SCHEME];
const ADF_STATUS_COLOURS: Record<string, StatusColour> = { neutral: 'grey', purple: 'purple', blue: 'blue', red: 'red', yellow: 'yellow', green: 'green' };

export function inlineToMarkdown(nodes: AdfNode[], writer: InlineWriter): string {
  const leaves = edgeSpaces(nodes)
    .map((node) => leaf(node, writer))
    .filter((l) => l.md !== '');
  // `a:b` right before `:tada:` would read as the shortcode `:b:`
  leaves.forEach((l, i) => {
    const prev = leaves[i - 1];
    if (l.emoji && prev && !prev.emoji) prev.md = prev.md.replace(/(^|[^\\])((?:\\\\)*):([a-z0-9_+-]*)$/, '$1$2\\:$3');
  });
  if (writer.mode === 'text') placeBreaks(leaves);
  const out = render(buildMarkTree(leaves), '', '');
  // `[STATUS: X]:` at the start of a paragraph would read as a link definition
  return writer.mode === 'text' ? out.replace(/^(\s*\[(?:STATUS|DATE): (?:\\.|[^\\\]\n])*\])(?=:)/, '$1<!---->') : out;
}

/** Emphasis does not hold the white space at its edges (`**foo **` would not close): it moves out first. */
function edgeSpaces(nodes: AdfNode[]): AdfNode[] {
  const movable = (m: AdfMark): boolean => m.type in EMPHASIS;
  const pieces = nodes.flatMap((node) => {
    if (node.type !== 'text' || !(node.marks ?? []).some(movable) || node.marks!.some((m) => m.type === 'code')) return [node];
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text ?? '')!;
    return [lead, core, trail].filter((text) => text !== '').map((text) => ({ ...node, text }));
  });
  const blank = (n: AdfNode | undefined): boolean => n?.type === 'text' && (n.text ?? '').trim() === '';
  for (const type of Object.keys(EMPHASIS)) {
    const has = (n: AdfNode | undefined): boolean => (n?.marks ?? []).some((m) => m.type === type);
    const drop = (i: number): void => {
      pieces[i] = { ...pieces[i]!, marks: pieces[i]!.marks!.filter((m) => m.type !== type) };
    };
    for (let i = 0; i < pieces.length; i++) {
      if (!has(pieces[i]) || has(pieces[i - 1])) continue;
      let end = i;
      while (has(pieces[end + 1])) end++;
      for (let j = i; j <= end && blank(pieces[j]); j++) drop(j);
      for (let j = end; j >= i && has(pieces[j]) && blank(pieces[j]); j--) drop(j);
      i = end;
    }
  }
  return pieces;
}

/**
 * Hard breaks are `\`+newline, except where Markdown would not read one: at either end of a
 * paragraph (a trailing `\` is a backslash), before a placeholder (a line starting with a comment
 * starts an HTML block), and in a paragraph that starts with a placeholder (read as one HTML line).
 */
function placeBreaks(leaves: Leaf[]): void {
  const blank = (l: Leaf): boolean => l.hardBreak === true || /^\s*$/.test(l.md);
  const first = leaves.findIndex((l) => !blank(l));
  const last = leaves.findLastIndex((l) => !blank(l));
  const oneLine = first >= 0 && leaves[first]!.md.startsWith('<!--');
  leaves.forEach((l, i) => {
    if (!l.hardBreak) return;
    const next = leaves.slice(i + 1).find((n) => !/^\s*$/.test(n.md));
    const html = oneLine || first < 0 || i < first || i > last || next?.md.startsWith('<!--');
    l.md = html ? '<br>' : '\\\n';
  });
}

function leaf(node: AdfNode, writer: InlineWriter): Leaf {
  const marks = node.marks ?? [];
  const kept = (): Leaf => ({ md: writer.keep(node), marks: [] });
  if (node.type === 'text') {
    // a line break inside text is only white space to Markdown (and would end a heading or a row)
    const text = (node.text ?? '').replace(/\r?\n/g, ' ');
    const supported = marks.every((m) => KNOWN_MARKS[m.type] && extraAttrs(m, KNOWN_MARKS[m.type]!).length === 0 && markSupported(m));
    if (!supported || extraAttrs(node, []).length > 0) return kept();
    const link = marks.some((m) => m.type === 'link');
    // marked misreads a link label whose code holds backticks, brackets or backslashes
    if (link && /[`[\]\\]/.test(text) && marks.some((m) => m.type === 'code')) return kept();
    // nor, in a table cell, code holding `\|` (the pipe cannot be escaped there)
    if (writer.mode === 'cell' && text.includes('\\|') && marks.some((m) => m.type === 'code')) return kept();
    const md = marks.some((m) => m.type === 'code') ? adfCodeSpan(text) : escapeAdfText(text, link);
    return { md, marks: marks.filter((m) => m.type !== 'code') };
  }
  if (marks.length > 0) return kept();
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'hardBreak':
      return { md: writer.mode === 'text' ? '\\\n' : '<br>', marks: [], hardBreak: true };
    case 'mention': {
      const id = attrs.id;
      if (typeof id !== 'string' || id === '' || extraAttrs(node, ['id', 'text', 'accessLevel', 'userType']).length > 0) return kept();
      const text = typeof attrs.text === 'string' ? attrs.text.replace(/^@/, '') : '';
      const name = writer.mentionName?.(id) || text || 'user';
      return { md: `[@${escapeAdfText(name, true)}](${markdownDestination(`${MENTION_SCHEME}${id}`)})`, marks: [] };
    }
    case 'emoji': {
      const name = typeof attrs.shortName === 'string' ? attrs.shortName.replace(/^:|:$/g, '') : '';
      return isEmojiName(name) && extraAttrs(node, ['shortName', 'id', 'text']).length === 0 ? { md: `:${name}:`, marks: [], emoji: true } : kept();
    }
    case 'date': {
      const iso = timestampToIso(attrs.timestamp);
      return iso === undefined || extraAttrs(node, ['timestamp']).length > 0 ? kept() : { md: formatDate(iso), marks: [] };
    }
    case 'status': {
      const colour = ADF_STATUS_COLOURS[String(attrs.color)];
      const text = typeof attrs.text === 'string' ? attrs.text : '';
      if (!colour || text.trim() === '' || text !== text.trim() || /\s{2,}|\n/.test(text) || extraAttrs(node, ['text', 'color', 'style']).length > 0) return kept();
      const subtle = attrs.style === 'subtle';
      const md = formatStatus(text, colour, subtle);
      // a bar in a grey title would read as the start of the options: name the colour after it
      return { md: colour === 'grey' && !subtle && text.includes('|') ? `${md.slice(0, -1)} | grey]` : md, marks: [] };
    }
    case 'mediaInline': {
      // an inline image reads as an image, an inline file as a link to it
      const image = attrs.type === 'image';
      const href = mediaHref(image ? { ...node, attrs: { ...attrs, type: 'file' } } : node);
      const alt = attrs.alt;
      if (href === undefined || (alt !== undefined && (typeof alt !== 'string' || (alt === '' && !image)))) return kept();
      if (image) return { md: `![${escapeAdfText(alt ?? '', true)}](${markdownDestination(href)})`, marks: [] };
      return { md: `[${escapeAdfText(alt ?? FILE_LABEL, true)}](${markdownDestination(href)})`, marks: [] };
    }
    case 'inlineCard': {
      const url = attrs.url;
      return typeof url === 'string' && isAutolink(url) && extraAttrs(node, ['url']).length === 0 ? { md: `<${url}>`, marks: [] } : kept();
    }
    default:
      return kept();
  }
}

function markSupported(mark: AdfMark): boolean {
  const attrs = mark.attrs ?? {};
  if (mark.type === 'link') {
    const href = attrs.href;
    return typeof href === 'string' && !RESERVED_HREF.some((s) => href.startsWith(s)) && attrs.title !== BLOCK_CARD_TITLE && (attrs.title === undefined || typeof attrs.title === 'string');
  }
  if (mark.type === 'subsup') return attrs.type === 'sub' || attrs.type === 'sup';
  if (mark.type === 'textColor' || mark.type === 'backgroundColor') return typeof attrs.color === 'string' && /^[#\w(),.% -]+$/.test(attrs.color);
  return true;
}

/** A URL that `<…>` makes a link of, unchanged (an absolute URI without spaces or angle brackets). */
function isAutolink(url: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>\p{Cc}]*$/u.test(url) && !/^mailto:/i.test(url);
}

/** ADF dates are milliseconds since the epoch (as a string): a day when at UTC midnight, an instant otherwise. */
export function timestampToIso(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
  if (text === undefined || !/^-?\d{1,15}$/.test(text)) return undefined;
  const iso = new Date(Number(text)).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

// ── rendering the tree ──────────────────────────────────────────────────────────────────────

const isSpace = (c: string | undefined): boolean => c === undefined || c === '' || /\s/u.test(c);
/** Punctuation as marked's GFM rules see it: next to `*`, a `~` counts as a letter. */
const isPunct = (c: string | undefined, delim: string): boolean => c !== undefined && /[\p{P}\p{S}]/u.test(c) && !(c === '~' && delim[0] === '*');

/** The first character a tree is written with (emphasis assumed in its Markdown form). */
function firstChar(tree: Tree): string {
  if (!isSpan(tree)) return tree.md[0] ?? '';
  const type = tree.mark.type;
  return EMPHASIS[type]?.delim[0] ?? (type === 'link' ? '[' : '<');
}

function render(trees: Tree[], before: string, after: string): string {
  let out = '';
  trees.forEach((tree, i) => {
    let piece: string;
    if (!isSpan(tree)) piece = tree.md;
    else {
      const prev = i === 0 ? before : (out.at(-1) ?? before);
      const next = i === trees.length - 1 ? after : firstChar(trees[i + 1]!);
      piece = renderSpan(tree, prev, next, i > 0, i < trees.length - 1);
    }
    // `!` right before a link would make an image of it
    if (piece.startsWith('[') && /(^|[^\\])(\\\\)*!$/.test(out)) out = `${out.slice(0, -1)}\\!`;
    out += piece;
  });
  return out;
}

function renderSpan(span: Span, prev: string, next: string, prevSibling: boolean, nextSibling: boolean): string {
  const attrs = span.mark.attrs ?? {};
  switch (span.mark.type) {
    case 'link': {
      const title = typeof attrs.title === 'string' ? ` "${attrs.title.replace(/["\\]/g, '\\$&')}"` : '';
      return `[${render(span.children, '[', ']')}](${markdownDestination(String(attrs.href))}${title})`;
    }
    case 'underline':
      return `<u>${render(span.children, '>', '<')}</u>`;
    case 'subsup':
      return `<${attrs.type}>${render(span.children, '>', '<')}</${attrs.type}>`;
    case 'textColor':
      return `<span style="color: ${attrs.color}">${render(span.children, '>', '<')}</span>`;
    case 'backgroundColor':
      return `<span style="background-color: ${attrs.color}">${render(span.children, '>', '<')}</span>`;
  }
  const { delim, tag } = EMPHASIS[span.mark.type]!;
  const inner = render(span.children, delim[0]!, delim[0]!);
  // white space at the edges moves outside: `**foo **` would not close
  const match = /^((?:\s|\\\n|<br>)*)([\s\S]*?)((?:\s|\\\n|<br>)*)$/.exec(inner)!;
  const [, lead = '', edgeless = '', edge = ''] = match;
  let core = edgeless;
  let trail = edge;
  // `\<br>` is the text "<br>", not a break
  if (trail.startsWith('<br>') && /(^|[^\\])(\\\\)*\\$/.test(core)) {
    const literal = /^(<br>)+/.exec(trail)![0];
    core += literal;
    trail = trail.slice(literal.length);
  }
  if (core === '') return inner;
  const before = lead === '' ? prev : ' ';
  const after = trail === '' ? next : ' ';
  const c = delim[0];
  // only runs that can do nothing but open (close): where a run could do both (inside a word,
  // between punctuation), CommonMark's pairing rules, and marked's reading of them, get subtle;
  // HTML is certain
  // a nested run of the same character merges with ours (`***a***`): what counts is the text inside it
  const run = c === '*' ? /^\*+|\*+$/g : /^~+|~+$/g;
  const inside = core.replace(run, '');
  const first = inside[0] ?? core[0];
  const last = inside.at(-1) ?? core.at(-1);
  const opens = !isSpace(core[0]) && (isSpace(before) || (isPunct(before, delim) && !isPunct(first, delim))) && !(prevSibling && lead === '' && before === c);
  const closes = !isSpace(core.at(-1)) && (isSpace(after) || (isPunct(after, delim) && !isPunct(last, delim))) && !(nextSibling && trail === '' && after === c);
  return opens && closes ? `${lead}${delim}${core}${delim}${trail}` : `${lead}<${tag}>${core}</${tag}>${trail}`;
}
