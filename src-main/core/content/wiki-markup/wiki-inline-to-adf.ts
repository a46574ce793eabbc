// Jira wiki markup inline text → ADF inline nodes. The rules follow Jira's renderer (and
// Atlassian's own wiki parser): `*strong*` opens only after a non-letter and before a non-space,
// closes only before a non-letter; `{*}` works anywhere; `\` escapes Jira's special characters;
// `\\` and a new line break the line.
import { sortMarks, type AdfMark, type AdfNode } from '../adf/adf-nodes.ts';
import type { InlineOut } from '../adf/markdown-inline-to-adf.ts';
import { emoticonAt } from './wiki-emoticons.ts';
import { isWordChar as isWord, mentionNode, statusFromColour, wikiMacroNode, WIKI_ESCAPABLE } from './wiki-nodes.ts';

const FORMATS: Record<string, AdfMark> = {
  '*': { type: 'strong' },
  _: { type: 'em' },
  '-': { type: 'strike' },
  '+': { type: 'underline' },
  '^': { type: 'subsup', attrs: { type: 'sup' } },
  '~': { type: 'subsup', attrs: { type: 'sub' } },
  '??': { type: 'em' },
};
const URL = /^(?:https?|ftp|irc):\/\/[^\s<>"|\]]+|^mailto:[^\s<>"|\]]+/i;
const IMAGE = /^!([^\s!|][^!\n]*?)(?:\|([^!\n]*))?!/;
const SHORTCODE = /^:([a-z][a-z0-9_+-]*|[+-]1):/;

const isSpace = (c: string | undefined): boolean => c === undefined || c === '' || /\s/.test(c);

export function wikiInlineToAdf(text: string): InlineOut[] {
  const parser = new InlineParser();
  parser.parse(text, []);
  return parser.out;
}

class InlineParser {
  readonly out: InlineOut[] = [];

  parse(text: string, marks: AdfMark[]): void {
    let buffer = '';
    const flush = (): void => {
      if (buffer !== '') this.out.push({ inline: marks.length > 0 ? { type: 'text', text: buffer, marks: sortMarks(unique(marks)) } : { type: 'text', text: buffer } });
      buffer = '';
    };
    const node = (n: AdfNode): void => {
      flush();
      this.out.push({ inline: n });
    };
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      const rest = text.slice(i);
      if (c === '\\') {
        if (text[i + 1] === '\\') {
          node({ type: 'hardBreak' });
          i += 2;
        } else if (WIKI_ESCAPABLE.includes(text[i + 1] ?? '')) {
          buffer += text[i + 1];
          i += 2;
        } else {
          buffer += c;
          i++;
        }
        continue;
      }
      if (c === '\n') {
        node({ type: 'hardBreak' });
        i++;
        continue;
      }
      const consumed = this.construct(text, i, marks, flush, node);
      if (consumed > 0) {
        i += consumed;
        continue;
      }
      // a word's own characters never start anything
      if (isWord(c)) {
        const word = /^[A-Za-z0-9\u0080-\uffff]+/.exec(rest)?.[0] ?? c;
        const url = i === 0 || !isWord(text[i - 1]) ? URL.exec(rest) : null;
        if (url) {
          const href = url[0].replace(/[.,;:!?)]+$/, '');
          node({ type: 'inlineCard', attrs: { url: href } });
          i += href.length;
          continue;
        }
        buffer += word;
        i += word.length;
        continue;
      }
      buffer += c;
      i++;
    }
    flush();
  }

  /** A construct starting at `i`: returns how many characters it took (0: none). */
  private construct(text: string, i: number, marks: AdfMark[], flush: () => void, node: (n: AdfNode) => void): number {
    const c = text[i]!;
    const rest = text.slice(i);
    const prev = text[i - 1];
    if (rest.startsWith('{{')) {
      const end = findUnescaped(text, '}}', i + 2);
      if (end < 0 || end === i + 2) return 0;
      const code = unescapeWiki(text.slice(i + 2, end));
      if (/^\d{4}-\d{2}-\d{2}$/.test(code)) node({ type: 'date', attrs: { timestamp: String(Date.parse(`${code}T00:00:00Z`)) } });
      else node({ type: 'text', text: code, marks: sortMarks([...marks.filter((m) => m.type === 'link'), { type: 'code' }]) });
      return end + 2 - i;
    }
    if (c === '{') return this.macro(text, i, marks, flush, node);
    if (c === '[') {
      const end = findUnescaped(text, ']', i + 1, true);
      if (end < 0) return 0;
      if (!this.link(text.slice(i + 1, end), marks, flush, node)) return 0;
      return end + 1 - i;
    }
    if (c === '!' && !isWord(prev)) {
      const image = IMAGE.exec(rest);
      if (!image) return 0;
      flush();
      // an image beside text stays in the text; alone in its paragraph it is a media single
      const single = imageNode(image[1]!, image[2] ?? '');
      const media = single.content![0]!;
      this.out.push(media.attrs?.type === 'file' ? { inline: { type: 'mediaInline', attrs: { ...media.attrs, type: 'image' } }, alone: single } : { block: single });
      return image[0].length;
    }
    if (c === ':' || c === ';' || c === '(') {
      const emoticon = emoticonAt(text, i);
      // `:tada:` between words' edges (Jira shows it as text; we read it as the emoji it names)
      const shortcode = c === ':' && !isWord(prev) ? SHORTCODE.exec(rest) : null;
      if (shortcode && isWord(text[i + shortcode[0].length])) return 0;
      if (emoticon) node({ type: 'emoji', attrs: { shortName: emoticon[1] } });
      else if (shortcode) node({ type: 'emoji', attrs: { shortName: shortcode[0] } });
      return emoticon?.[0].length ?? shortcode?.[0].length ?? 0;
    }
    const delim = rest.startsWith('??') ? '??' : FORMATS[c] ? c : undefined;
    // `--` and `---` are dashes, not strike-through
    if (!delim || isWord(prev) || isSpace(text[i + delim.length]) || (delim === '-' && inDash(text, i))) return 0;
    const end = findCloser(text, i + delim.length, delim);
    if (end < 0) return 0;
    flush();
    this.parse(text.slice(i + delim.length, end), [...marks, FORMATS[delim]!]);
    return end + delim.length - i;
  }

  /** `{color:…}…{color}`, `{*}…{*}` and friends, or a macro we do not know (kept as it is). */
  private macro(text: string, i: number, marks: AdfMark[], flush: () => void, node: (n: AdfNode) => void): number {
    const rest = text.slice(i);
    const brace = /^\{(\*|_|-|\+|\^|~|\?\?)\}/.exec(rest);
    if (brace) {
      const open = brace[0];
      const end = text.indexOf(open, i + open.length);
      if (end < 0 || end === i + open.length || text.slice(i, end).includes('\n')) return 0;
      flush();
      this.parse(text.slice(i + open.length, end), [...marks, FORMATS[brace[1]!]!]);
      return end + open.length - i;
    }
    const tag = /^\{([A-Za-z][\w-]*)(?::([^}\n]*))?\}/.exec(rest);
    if (!tag) return 0;
    const name = tag[1]!;
    const close = `{${name}}`;
    const end = text.indexOf(close, i + tag[0].length);
    if (name === 'color' && tag[2] !== undefined && end > 0) {
      const inner = text.slice(i + tag[0].length, end);
      const status = statusFromColour(tag[2], inner);
      if (status) node(status);
      else {
        flush();
        this.parse(inner, [...marks, { type: 'textColor', attrs: { color: tag[2].trim() } }]);
      }
      return end + close.length - i;
    }
    if (name === 'color') return 0;
    // a macro with a body keeps its body; one without stands alone
    const length = end > 0 && tag[2] === undefined && !/^(anchor|toc)$/i.test(name) ? end + close.length - i : tag[0].length;
    node(wikiMacroNode(name, text.slice(i, i + length), false));
    return length;
  }

  /** `[~user]`, `[^file]`, `[text|url]`, `[url]`, `[#anchor]`; false when it is none of them. */
  private link(inner: string, marks: AdfMark[], flush: () => void, node: (n: AdfNode) => void): boolean {
    if (inner.trim() === '' || inner.includes('\n')) return false;
    const bar = findUnescaped(inner, '|', 0);
    const label = bar >= 0 ? inner.slice(0, bar) : '';
    const [target = '', title] = (bar >= 0 ? inner.slice(bar + 1) : inner).split('|');
    if (target.startsWith('~')) {
      node(mentionNode(target.slice(1)));
      return true;
    }
    if (target.startsWith('^')) {
      const file = unescapeWiki(target.slice(1));
      node({ type: 'mediaInline', attrs: { type: 'file', id: file, collection: '', alt: label !== '' ? unescapeWiki(label) : file } });
      return true;
    }
    const href = unescapeWiki(target.trim());
    if (href === '') return false;
    const link: AdfMark = { type: 'link', attrs: { href, ...(title ? { title: unescapeWiki(title) } : {}) } };
    flush();
    if (label === '') this.out.push({ inline: { type: 'text', text: href, marks: sortMarks(unique([...marks, link])) } });
    else this.parse(label, [...marks, link]);
    return true;
  }
}

/** `!file.png|thumbnail!`, `!file.png|width=300,alt="A cat"!`, `!https://…/logo.png!` */
function imageNode(target: string, options: string): AdfNode {
  const attrs: Record<string, unknown> = {};
  for (const option of options.split(',')) {
    const [key = '', ...value] = option.split('=');
    const name = key.trim();
    if (name === '') continue;
    const raw = value.join('=').trim().replace(/^"(.*)"$/, '$1');
    attrs[name] = value.length === 0 ? 'true' : /^(width|height)$/.test(name) && /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  const { alt, ...rest } = attrs;
  const altAttr = typeof alt === 'string' ? { alt } : {};
  const media: AdfNode = /^[a-z][a-z0-9+.-]*:\/\//i.test(target)
    ? { type: 'media', attrs: { type: 'external', url: target, ...altAttr } }
    : { type: 'media', attrs: { type: 'file', id: target, collection: '', ...rest, ...altAttr } };
  return { type: 'mediaSingle', attrs: { layout: 'center' }, content: [media] };
}

function unique(marks: AdfMark[]): AdfMark[] {
  return marks.filter((m, i) => marks.findIndex((o) => o.type === m.type) === i);
}

/** Index of `needle` from `from`, skipping `\`-escaped characters (and, `sameLine`, stopping at a new line). */
function findUnescaped(text: string, needle: string, from: number, sameLine = false): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (sameLine && text[j] === '\n') return -1;
    else if (text.startsWith(needle, j)) return j;
  }
  return -1;
}

/** Where a `*strong*`-style run closes: after a non-space, before a non-letter, on the same line. */
function findCloser(text: string, from: number, delim: string): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return -1;
    if (c === '\\') {
      j++;
      continue;
    }
    if (text.startsWith('{{', j)) {
      const end = text.indexOf('}}', j + 2);
      if (end > 0) j = end + 1;
      continue;
    }
    if (c === '[') {
      const end = findUnescaped(text, ']', j + 1, true);
      if (end > 0) j = end;
      continue;
    }
    if (j > from && text.startsWith(delim, j) && !(delim === '-' && inDash(text, j))) {
      if (isSpace(text[j - 1])) return -1;
      if (!isWord(text[j + delim.length])) return j;
    }
  }
  return -1;
}

/** A `-` that is part of `--` (its neighbour not escaped). */
function inDash(text: string, i: number): boolean {
  return text[i + 1] === '-' || (text[i - 1] === '-' && !escaped(text, i - 1));
}

/** The character at `i` follows an odd run of backslashes (`\\` is a line break, not an escape). */
function escaped(text: string, i: number): boolean {
  let count = 0;
  while (text[i - 1 - count] === '\\') count++;
  return count % 2 === 1;
}

function unescapeWiki(text: string): string {
  return text.replace(/\\(.)/g, (m, c: string) => (WIKI_ESCAPABLE.includes(c) ? c : m));
}
