// Text in the Markdown made from ADF: escaped so it reads back as the same text (never as an
// emoji shortcode, an autolink or a link), and the emoji shortcodes we write, read back.
import { escapeMarkdownText } from '../markdown-text.ts';

/** `:smile:`, `:check_mark:`, `:+1:`: a shortcode we write for an emoji node and read back as one. */
export const EMOJI_SHORTCODE = /:([a-z][a-z0-9_+-]*|[+-]1):/g;
const EMOJI_COLON = /:(?=(?:[a-z][a-z0-9_+-]*|[+-]1):)/g;

export function isEmojiName(name: string): boolean {
  return /^(?:[a-z][a-z0-9_+-]*|[+-]1)$/.test(name);
}

/**
 * Escapes ADF text for Markdown. `inLink`: inside a link label, where GFM does not autolink, so
 * URLs need no protection there.
 */
export function escapeAdfText(text: string, inLink = false): string {
  let out = '';
  let last = 0;
  // split at the colons that would open a shortcode (escapeMarkdownText knows only Confluence's names)
  for (const match of text.matchAll(EMOJI_COLON)) {
    out += `${escapeMarkdownText(text.slice(last, match.index))}\\:`;
    last = match.index + 1;
  }
  out += escapeMarkdownText(text.slice(last));
  // marked takes `<x…>` for a tag when it looks for emphasis, whatever follows the `<`
  out = out.replace(/(?<!\\)((?:\\\\)*)<(?=\S)/g, '$1\\<');
  // in a label, `\](` reads to marked as the label's end
  return inLink ? out.replace(/\\\]\(/g, '\\]\\(') : protectAutolinks(out);
}

/** Breaks what GFM would turn into a link by itself: `https://…`, `www.…`, `name@host.tld`. */
function protectAutolinks(markdown: string): string {
  if (!/[:.@]/.test(markdown)) return markdown;
  return markdown
    .replace(/(https?|ftp):(?=\/\/)/gi, '$1\\:')
    .replace(/(www)\.(?=[a-z0-9-])/gi, '$1\\.')
    .replace(/(?<=[A-Za-z0-9._+-])@(?=[A-Za-z0-9_-]+\.[A-Za-z0-9])/g, '\\@');
}

/** Inline code that keeps its spaces (only line breaks, which a code span cannot hold, become spaces). */
export function adfCodeSpan(code: string): string {
  const text = code.replace(/\r\n?|\n/g, ' ');
  if (text === '') return '';
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
