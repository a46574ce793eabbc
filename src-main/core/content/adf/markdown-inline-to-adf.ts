// Markdown inline tokens → ADF inline nodes with flat marks. What cannot stand inside a paragraph in
// ADF (an image, a file card, a block card, a preserved block) comes out as a `block` for the caller
// to set between paragraphs.
import { decodeHTMLStrict } from 'entities';
import type { DateToken, StatusToken } from '../inline-tokens.ts';
import { ATTACHMENT_SCHEME, MENTION_SCHEME } from '../link-targets.ts';
import type { ConfluenceToken, Token, Tokens } from '../markdown-lexer.ts';
import { splitPlaceholders, type Placeholder } from '../placeholders.ts';
import { BLOCK_CARD_TITLE, FILE_LABEL, sameMarks, sortMarks, type AdfMark, type AdfNode } from './adf-nodes.ts';
import { parseMediaHref } from './adf-media.ts';
import { EMOJI_SHORTCODE } from './adf-text.ts';

/** An inline node (`alone`: what it becomes when it is all its paragraph holds), or a block. */
export type InlineOut = { inline: AdfNode; alone?: AdfNode } | { block: AdfNode };

/** Restores a placeholder: an inline node, a block node, or nothing (unknown or not a `keep`). */
export type RestoreInline = (placeholder: Placeholder) => InlineOut | undefined;

const COLOURS: Record<string, string> = { grey: 'neutral', red: 'red', yellow: 'yellow', green: 'green', blue: 'blue', purple: 'purple' };
/** Inline HTML a writer may use for marks Markdown has no syntax for. */
const HTML_MARKS: Record<string, (attrs: string) => AdfMark | undefined> = {
  u: () => ({ type: 'underline' }),
  ins: () => ({ type: 'underline' }),
  sub: () => ({ type: 'subsup', attrs: { type: 'sub' } }),
  sup: () => ({ type: 'subsup', attrs: { type: 'sup' } }),
  s: () => ({ type: 'strike' }),
  del: () => ({ type: 'strike' }),
  strike: () => ({ type: 'strike' }),
  strong: () => ({ type: 'strong' }),
  b: () => ({ type: 'strong' }),
  em: () => ({ type: 'em' }),
  i: () => ({ type: 'em' }),
  span: spanMark,
};
const HTML_TAG = /^<(\/?)([A-Za-z][A-Za-z0-9]*)\b([^>]*?)(\/?)>$/;

export const decodeEntities = (text: string): string => (text.includes('&') ? decodeHTMLStrict(text) : text);

/** `inlineImages`: an image beside text stays in the text (as inline media) instead of standing apart. */
export function inlineToAdf(tokens: Token[], restore: RestoreInline, inlineImages = false): InlineOut[] {
  const reader = new InlineReader(restore, inlineImages);
  reader.tokens(tokens, []);
  return mergeText(reader.out);
}

class InlineReader {
  readonly out: InlineOut[] = [];
  /** Marks opened by inline HTML tags, innermost last. */
  private readonly html: { name: string; mark?: AdfMark }[] = [];
  private readonly restore: RestoreInline;
  private readonly inlineImages: boolean;

  constructor(restore: RestoreInline, inlineImages: boolean) {
    this.restore = restore;
    this.inlineImages = inlineImages;
  }

  tokens(tokens: Token[], marks: AdfMark[]): void {
    for (const token of tokens) this.token(token, marks);
  }

  private token(token: Token, marks: AdfMark[]): void {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens && t.tokens.length > 0) this.tokens(t.tokens, marks);
        else this.text(decodeEntities(t.text), marks, true);
        return;
      }
      case 'escape':
        return this.text((token as Tokens.Escape).text, marks, false);
      case 'strong':
        return this.tokens((token as Tokens.Strong).tokens, [...marks, { type: 'strong' }]);
      case 'em':
        return this.tokens((token as Tokens.Em).tokens, [...marks, { type: 'em' }]);
      case 'del':
        return this.tokens((token as Tokens.Del).tokens, [...marks, { type: 'strike' }]);
      case 'codespan':
        return this.text((token as Tokens.Codespan).text, [...marks, { type: 'code' }], false);
      case 'br':
        return this.inline({ type: 'hardBreak' });
      case 'link':
        return this.link(token as Tokens.Link, marks);
      case 'image':
        return this.image(token as Tokens.Image);
      case 'html':
        return this.htmlTag((token as Tokens.HTML).text, marks);
      case 'confluenceToken':
        return this.inline(tokenNode((token as ConfluenceToken).value));
      case 'checkbox':
        return;
      default:
        return this.text(token.raw, marks, false);
    }
  }

  private inline(node: AdfNode | undefined): void {
    if (node) this.out.push({ inline: node });
  }

  private text(text: string, marks: AdfMark[], emoji: boolean): void {
    const flat = text.replace(/\r?\n/g, ' ');
    if (flat === '') return;
    let all = [...marks, ...this.html.flatMap((h) => (h.mark ? [h.mark] : []))];
    // code shares a text node with links only (ADF's rule)
    if (all.some((m) => m.type === 'code')) all = all.filter((m) => m.type === 'code' || m.type === 'link');
    const unique = all.filter((m, i) => all.findIndex((o) => o.type === m.type) === i);
    const node = (piece: string): AdfNode => (unique.length > 0 ? { type: 'text', text: piece, marks: sortMarks(unique) } : { type: 'text', text: piece });
    if (!emoji || !flat.includes(':') || unique.some((m) => m.type === 'code')) return this.inline(node(flat));
    let last = 0;
    for (const match of flat.matchAll(EMOJI_SHORTCODE)) {
      if (match.index > last) this.inline(node(flat.slice(last, match.index)));
      this.inline({ type: 'emoji', attrs: { shortName: match[0] } });
      last = match.index + match[0].length;
    }
    if (last < flat.length) this.inline(node(flat.slice(last)));
  }

  private link(token: Tokens.Link, marks: AdfMark[]): void {
    const href = decodeEntities(token.href);
    const label = plainText(token.tokens);
    if (href.startsWith(MENTION_SCHEME)) {
      const name = label.replace(/^@/, '').trim();
      const text = name === '' || name === 'user' ? {} : { text: `@${name}` };
      return this.inline({ type: 'mention', attrs: { id: href.slice(MENTION_SCHEME.length), ...text } });
    }
    if (href.startsWith(ATTACHMENT_SCHEME)) {
      // a file inline; a paragraph of nothing but files becomes a row of file cards (see textBlocks)
      const { media } = parseMediaHref(href, label === FILE_LABEL ? '' : label);
      return this.inline({ ...media, type: 'mediaInline' });
    }
    if (token.raw.startsWith('<') && !/^mailto:/i.test(href)) return this.inline({ type: 'inlineCard', attrs: { url: href } });
    if (token.title === BLOCK_CARD_TITLE) return void this.out.push({ block: { type: 'blockCard', attrs: { url: href } } });
    const title = token.title ? { title: decodeEntities(token.title) } : {};
    const before = this.out.length;
    this.tokens(token.tokens, [...marks, { type: 'link', attrs: { href, ...title } }]);
    // an empty label still keeps the link
    if (this.out.length === before) this.text(href, [...marks, { type: 'link', attrs: { href, ...title } }], false);
  }

  private image(token: Tokens.Image): void {
    const alt = decodeEntities(token.text.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
    const { media, single } = parseMediaHref(decodeEntities(token.href), alt);
    const caption = token.title ? [{ type: 'caption', content: [{ type: 'text', text: decodeEntities(token.title) }] }] : [];
    const block: AdfNode = { type: 'mediaSingle', attrs: single, content: [media, ...caption] };
    if (this.inlineImages && media.attrs?.type === 'file') this.out.push({ inline: { ...media, type: 'mediaInline', attrs: { ...media.attrs, type: 'image' } }, alone: block });
    else this.out.push({ block });
  }

  private htmlTag(html: string, marks: AdfMark[]): void {
    const trimmed = html.trim();
    if (trimmed.startsWith('<!--')) {
      for (const piece of splitPlaceholders(trimmed)) {
        const restored = piece.placeholder ? this.restore(piece.placeholder) : undefined;
        if (restored) this.out.push(restored);
      }
      return;
    }
    const match = HTML_TAG.exec(trimmed);
    const name = match?.[2]!.toLowerCase() ?? '';
    if (name === 'br') return this.inline({ type: 'hardBreak' });
    const factory = HTML_MARKS[name];
    if (!match || !factory) return this.text(html, marks, false);
    if (match[1] === '/') {
      const at = this.html.map((h) => h.name).lastIndexOf(name);
      if (at >= 0) this.html.length = at;
      return;
    }
    if (match[4] !== '/') this.html.push({ name, mark: factory(match[3] ?? '') });
  }
}

/** `<span style="color: #ff5630">` and `background-color`; the last one wins when both are given. */
function spanMark(attrs: string): AdfMark | undefined {
  const style = /style\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
  const css = decodeEntities(style?.[1] ?? style?.[2] ?? '');
  let mark: AdfMark | undefined;
  for (const rule of css.split(';')) {
    const [prop = '', ...rest] = rule.split(':');
    const value = rest.join(':').trim();
    if (value === '') continue;
    if (prop.trim().toLowerCase() === 'color') mark = { type: 'textColor', attrs: { color: value } };
    if (/^background(-color)?$/.test(prop.trim().toLowerCase())) mark = { type: 'backgroundColor', attrs: { color: value } };
  }
  return mark;
}

function tokenNode(value: StatusToken | DateToken): AdfNode | undefined {
  if (value.kind === 'date') {
    const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value.datetime) ? `${value.datetime}T00:00:00Z` : value.datetime);
    return Number.isNaN(time) ? { type: 'text', text: `[DATE: ${value.datetime}]` } : { type: 'date', attrs: { timestamp: String(time) } };
  }
  if (value.title === '') return undefined;
  return { type: 'status', attrs: { text: value.title, color: COLOURS[value.colour] ?? 'neutral', ...(value.subtle ? { style: 'subtle' } : {}) } };
}

/** The text of inline tokens, for labels. */
function plainText(tokens: Token[]): string {
  return tokens
    .map((t): string => {
      if (t.type === 'escape') return (t as Tokens.Escape).text;
      if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) return plainText(t.tokens as Token[]);
      if (t.type === 'text' || t.type === 'codespan') return decodeEntities((t as Tokens.Text).text);
      return '';
    })
    .join('');
}

/** Joins neighbouring text nodes with the same marks, as the editor keeps them. */
function mergeText(items: InlineOut[]): InlineOut[] {
  const out: InlineOut[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if ('inline' in item && item.inline.type === 'text' && last && 'inline' in last && last.inline.type === 'text' && sameMarks(last.inline.marks, item.inline.marks)) {
      out[out.length - 1] = { inline: { ...last.inline, text: `${last.inline.text ?? ''}${item.inline.text ?? ''}` } };
    } else out.push(item);
  }
  return out;
}
