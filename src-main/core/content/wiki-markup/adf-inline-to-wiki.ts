// ADF inline content → Jira wiki markup: marks nested as a tree (as for Markdown), delimiters
// braced (`{*}`) where a letter touches them, and text escaped only where Jira would read markup.
import { adfText, type AdfMark, type AdfNode } from '../adf/adf-nodes.ts';
import { timestampToIso } from '../adf/adf-inline-to-markdown.ts';
import { buildMarkTree, isSpan, type Span, type Tree } from '../adf/mark-tree.ts';
import { emoticonAt, emoticonFor } from './wiki-emoticons.ts';
import { isWordChar as isWord, mentionTarget, statusToWiki, WIKI_ESCAPABLE, wikiSource } from './wiki-nodes.ts';

/** Where inline text goes: a paragraph (a new line breaks), one line (`\\` breaks), a table cell or a link label. */
export type Mode = 'text' | 'line' | 'cell' | 'label';

const DELIMS: Record<string, string> = { strong: '*', em: '_', strike: '-', underline: '+' };
const isSpace = (c: string | undefined): boolean => c === undefined || c === '' || /\s/.test(c);

/** `!file.png|width=300,alt="A cat"!` or `!https://…/logo.png!` */
export function image(media: AdfNode): string {
  const attrs = media.attrs ?? {};
  if (attrs.type === 'external') return `!${String(attrs.url ?? '')}${typeof attrs.alt === 'string' ? `|alt="${attrs.alt}"` : ''}!`;
  const options = Object.entries(attrs)
    .filter(([k, v]) => !['type', 'id', 'localId', 'collection', 'occurrenceKey'].includes(k) && v !== undefined && v !== '')
    .map(([k, v]) => (v === 'true' ? k : k === 'alt' ? `alt="${String(v)}"` : `${k}=${String(v)}`));
  return `!${String(attrs.id ?? '')}${options.length > 0 ? `|${options.join(',')}` : ''}!`;
}

interface Leaf {
  wiki: string;
  marks: AdfMark[];
}

const NESTED = ['strong', 'em', 'strike', 'underline', 'subsup', 'textColor', 'link'];

export function inline(given: AdfNode[], mode: Mode): string {
  // a line break inside text would break the line (or the table row): it is a space
  const nodes = given.map((n) => (n.type === 'text' && n.text?.includes('\n') ? { ...n, text: n.text.replace(/\r?\n/g, ' ') } : n));
  // the line roughly as Jira will scan it (formatting as its delimiters): it tells what touches a
  // character and whether a `*` would pair
  const layout = nodes.map((node, i) => {
    if (node.type === 'hardBreak') return breakAt(nodes, i, mode);
    if (node.type === 'inlineCard') return `[${String(node.attrs?.url ?? '')}]`;
    if (node.type !== 'text') return inlineNode(node, mode, '', ' ');
    const marks = node.marks ?? [];
    // delimiters as their braced form (the one that pairs most easily); text inside formatting has
    // its delimiter characters escaped, so Jira passes over them
    const open = marks.map((m) => (m.type === 'subsup' ? `{${m.attrs?.type === 'sub' ? '~' : '^'}}` : DELIMS[m.type] ? `{${DELIMS[m.type]}}` : '{')).join('');
    const text = marks.length > 0 ? (node.text ?? '').replace(/[*_+^~\-?]/g, '\u0002') : (node.text ?? '');
    return `${open}${text}${[...open].reverse().join('')}`;
  });
  const line = layout.join('');
  let offset = 0;
  const leaves: Leaf[] = nodes.map((node, i) => {
    const start = offset + (layout[i]!.length - (node.text ?? '').length) / 2;
    offset += layout[i]!.length;
    if (node.type === 'hardBreak') return { wiki: breakAt(nodes, i, mode), marks: [] };
    if (node.type !== 'text') return { wiki: inlineNode(node, mode, line[offset - layout[i]!.length - 1] ?? '', line.slice(offset)), marks: [] };
    const marks = node.marks ?? [];
    const raw = node.text ?? '';
    const context = { line, start, formatted: marks.length > 0 };
    const wiki = marks.some((m) => m.type === 'code') ? `{{${raw}}}` : escapeText(raw, line[start - 1] ?? '', line[start + raw.length] ?? '', marks.some((m) => m.type === 'link') ? 'label' : mode, context);
    return { wiki, marks: marks.filter((m) => NESTED.includes(m.type)) };
  });
  return render(buildMarkTree(leaves), '', '');
}

/** A new line breaks a paragraph's line; `\\` where a new line would not (at an end, or twice: a blank line). */
function breakAt(nodes: AdfNode[], i: number, mode: Mode): string {
  const blank = (n: AdfNode): boolean => n.type === 'text' && (n.text ?? '').trim() === '';
  const text = (n: AdfNode | undefined): boolean => n !== undefined && n.type !== 'hardBreak';
  const before = nodes.slice(0, i).filter((n) => !blank(n)).at(-1);
  const after = nodes.slice(i + 1).find((n) => !blank(n));
  return mode === 'text' && text(before) && text(after) ? '\n' : '\\\\';
}

function render(trees: Tree<Leaf>[], before: string, after: string): string {
  let out = '';
  trees.forEach((tree, i) => {
    if (!isSpan(tree)) {
      out += tree.wiki;
      return;
    }
    const next = trees[i + 1];
    const nextChar = next === undefined ? after : firstChar(next);
    out += span(tree, out.at(-1) ?? before, nextChar);
  });
  return out;
}

/** What a tree starts with: its first character, or a delimiter (white space moves out of one). */
function firstChar(tree: Tree<Leaf>): string {
  if (!isSpan(tree)) return tree.wiki[0] ?? '';
  const inner = tree.children[0] ? firstChar(tree.children[0]) : '';
  return /\s/.test(inner) ? inner : '{';
}

function span(tree: Span<Leaf>, before: string, after: string): string {
  const attrs = tree.mark.attrs ?? {};
  if (tree.mark.type === 'link') {
    const href = String(attrs.href ?? '');
    const label = render(tree.children, '[', '|');
    return label === href ? `[${href}]` : `[${label}|${href}]`;
  }
  if (tree.mark.type === 'textColor') return `{color:${String(attrs.color)}}${render(tree.children, '}', '{')}{color}`;
  const delim = tree.mark.type === 'subsup' ? (attrs.type === 'sub' ? '~' : '^') : DELIMS[tree.mark.type]!;
  const inner = render(tree.children, delim, delim);
  // white space at the edges moves outside; `{*}` where a letter touches the outside
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  if (core === '') return inner;
  // a letter, the same delimiter, or (`;-)`) what would make an emoticon of it
  const touches = (c: string): boolean => isWord(c) || c === delim || (delim === '-' && /[-:;]/.test(c));
  // at the start of a line, `*# text*` or `- text-` would read as a list item
  const listLike = (before === '' || before === '\n') && /^(?:[*#]+|-)\s|^-{4}/.test(`${delim}${core}${delim}${trail}${trail === '' ? after : ''}`);
  const braces = (lead === '' && touches(before)) || (trail === '' && touches(after)) || listLike;
  return braces ? `${lead}{${delim}}${core}{${delim}}${trail}` : `${lead}${delim}${core}${delim}${trail}`;
}

/** `after`: the text that follows the node on its line (its first character is what touches it). */
export function inlineNode(node: AdfNode, mode: Mode, before: string, after: string): string {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'text':
      return inline([node], mode);
    case 'hardBreak':
      return '\\\\';
    case 'mention':
      return `[~${mentionTarget(String(attrs.id ?? ''))}]`;
    case 'emoji': {
      // an emoticon before a letter is no emoticon to Jira
      const shortName = String(attrs.shortName ?? '');
      return (isWord(after[0]) ? undefined : emoticonFor(shortName)) ?? shortName;
    }
    case 'date': {
      const iso = timestampToIso(attrs.timestamp);
      return iso ? `{{${iso.slice(0, 10)}}}` : '';
    }
    case 'status':
      return statusToWiki(String(attrs.text ?? ''), String(attrs.color ?? 'neutral'));
    case 'inlineCard': {
      // bare, as Jira links it, only where the text around cannot run into it
      const url = String(attrs.url ?? '');
      const clear = isSpace(before) && /^[.,;:]?(\s|$)/.test(after) && !/[.,;:!?)]$/.test(url);
      return clear ? url : `[${url}]`;
    }
    case 'mediaInline': {
      if (attrs.type === 'image') return image({ ...node, attrs: { ...attrs, type: 'file' } });
      const alt = typeof attrs.alt === 'string' && attrs.alt !== '' && attrs.alt !== attrs.id ? `${escapeText(attrs.alt, '[', '|', 'label')}|` : '';
      return `[${alt}^${String(attrs.id ?? '')}]`;
    }
    case 'inlineExtension':
      return wikiSource(node)?.source ?? adfText(node);
    case 'placeholder':
      return '';
    default:
      return escapeText(adfText(node), before, after, mode);
  }
}

/** Where a text sits: its line as Jira scans it, its start there, and whether it is inside formatting. */
interface TextContext {
  line: string;
  start: number;
  formatted: boolean;
}

/**
 * Escapes what Jira would read as markup, and only that: a `*` that could open bold when a `*`
 * that could close it follows on the line; inside formatting, any `*` that could open or close.
 */
export function escapeText(text: string, before: string, after: string, mode: Mode, context?: TextContext): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const prev = i === 0 ? before : text[i - 1];
    const next = i === text.length - 1 ? after : text[i + 1];
    let escape = false;
    if ('*_+^~-'.includes(c)) {
      // inside formatting, any that is not inside a word (white space at the edges moves out)
      const dash = c === '-' && (prev === '-' || next === '-');
      const opens = !isWord(prev) && !isSpace(next);
      escape = context?.formatted ? !(isWord(prev) && isWord(next)) : !dash && opens && closerFollows(context, i, c);
    } else if (c === '?') escape = next === '?' || (context?.formatted === true && prev === '?');
    else if (c === '{' || c === '[') escape = true;
    else if (c === '!') escape = !isSpace(next);
    else if (c === '|') escape = mode === 'cell' || mode === 'label';
    else if (c === ']') escape = mode === 'label';
    else if (c === '(' || c === ')') escape = inEmoticon(text, i);
    out += escape && WIKI_ESCAPABLE.includes(c) ? `\\${c}` : c;
  }
  return out;
}

/** Whether a `c` that could close one at `i` follows on the line (without a context: assume so). */
function closerFollows(context: TextContext | undefined, i: number, c: string): boolean {
  if (!context) return true;
  const { line } = context;
  for (let j = context.start + i + 2; j < line.length && line[j] !== '\n'; j++) {
    if (line[j] === c && !isSpace(line[j - 1]) && !isWord(line[j + 1]) && !(c === '-' && (line[j - 1] === '-' || line[j + 1] === '-'))) return true;
  }
  return false;
}

/** The bracket that makes `(y)`, `:)` or `;-(` an emoticon (escaping it keeps the text). */
function inEmoticon(text: string, i: number): boolean {
  if (text[i] === '(' && emoticonAt(text, i)?.[0].startsWith('(')) return true;
  return [i - 1, i - 2].some((s) => s >= 0 && ':;'.includes(text[s]!) && (emoticonAt(text, s)?.[0].length ?? 0) === i - s + 1);
}

/** A line that would start a list, a table, a heading or a rule is escaped where Jira allows. */
export function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)(?=(?:[*#]+|-)\s|\||-{4})/, '$1\\'))
    .join('\n');
}
