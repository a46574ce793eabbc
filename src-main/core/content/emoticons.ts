// Confluence's named emoticons as the emoji a reader expects, and back. Names without an emoji of
// their own are written as `:name:` shortcodes, which are read back too.

const EMOJI: Record<string, string> = {
  smile: '🙂',
  sad: '🙁',
  cheeky: '😛',
  laugh: '😃',
  wink: '😉',
  'thumbs-up': '👍',
  'thumbs-down': '👎',
  information: 'ℹ️',
  tick: '✅',
  cross: '❌',
  warning: '⚠️',
  plus: '➕',
  minus: '➖',
  question: '❓',
  'light-on': '💡',
  'yellow-star': '⭐',
  heart: '❤️',
  'broken-heart': '💔',
};

const SHORTCODE_ONLY = ['light-off', 'red-star', 'green-star', 'blue-star'];

/** How an `ac:emoticon` reads in Markdown. */
export function emoticonText(name: string, fallback?: string): string {
  const known = EMOJI[name];
  if (known) return known;
  // Cloud's fallback is the emoji itself, or a `:shortname:` for Atlassian's own icons
  if (fallback && !fallback.startsWith(':')) return fallback;
  return `:${name}:`;
}

const BY_EMOJI = new Map(Object.entries(EMOJI).map(([name, emoji]) => [emoji.replace(/\uFE0F/g, ''), name]));
const NAMES = [...Object.keys(EMOJI), ...SHORTCODE_ONLY];
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EMOTICON = new RegExp(
  `(${[...BY_EMOJI.keys()].map(escapeRe).join('|')})\\uFE0F?|:(${NAMES.map(escapeRe).join('|')}):`,
  'gu',
);

export interface EmoticonPiece {
  text?: string;
  emoticon?: string;
}

/** Splits text into plain runs and the named emoticons it contains. */
export function splitEmoticons(text: string): EmoticonPiece[] {
  const pieces: EmoticonPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(EMOTICON)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    pieces.push({ emoticon: match[2] ?? BY_EMOJI.get(match[1] ?? '') ?? 'smile' });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}
