// Status lozenges and dates as bracketed tokens a person reads at a glance and we parse back:
//
//   [STATUS: IN PROGRESS | blue]     [STATUS: DONE | green, subtle]     [STATUS: TO DO]  (grey)
//   [DATE: 2025-03-14]
//
// Literal brackets in ordinary text are always escaped (`\[`), so prose never turns into a token.

export const STATUS_COLOURS = ['grey', 'red', 'yellow', 'green', 'blue', 'purple'] as const;
export type StatusColour = (typeof STATUS_COLOURS)[number];

export interface StatusToken {
  kind: 'status';
  title: string;
  colour: StatusColour;
  subtle: boolean;
}

export interface DateToken {
  kind: 'date';
  datetime: string;
}

function escapeTokenText(text: string): string {
  return text.replace(/[\\\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

export function statusColour(value: string | undefined): StatusColour {
  const lower = (value ?? '').trim().toLowerCase();
  if (lower === 'gray') return 'grey';
  return (STATUS_COLOURS as readonly string[]).includes(lower) ? (lower as StatusColour) : 'grey';
}

export function formatStatus(title: string, colour: StatusColour, subtle: boolean): string {
  const options = [colour === 'grey' && !subtle ? '' : colour, subtle ? 'subtle' : ''].filter(Boolean).join(', ');
  return `[STATUS: ${escapeTokenText(title.trim())}${options ? ` | ${options}` : ''}]`;
}

export function formatDate(datetime: string): string {
  return `[DATE: ${escapeTokenText(datetime.trim())}]`;
}

export const TOKEN_START = /\[(?:STATUS|DATE): /i;
export const TOKEN = /^\[(STATUS|DATE): ((?:\\.|[^\\\]\n])*)\]/i;

/** Reads `STATUS`/`DATE` and the text inside the brackets (as matched by TOKEN). */
export function parseToken(word: string, inner: string): StatusToken | DateToken {
  const text = inner.replace(/\\(.)/g, '$1').trim();
  if (word.toUpperCase() === 'DATE') return { kind: 'date', datetime: text };
  const bar = text.lastIndexOf('|');
  if (bar >= 0) {
    const options = text.slice(bar + 1).split(',').map((o) => o.trim().toLowerCase()).filter(Boolean);
    const known = options.every((o) => o === 'subtle' || o === 'gray' || (STATUS_COLOURS as readonly string[]).includes(o));
    if (known && options.length > 0) {
      const colour = options.find((o) => o !== 'subtle');
      return { kind: 'status', title: text.slice(0, bar).trim(), colour: statusColour(colour), subtle: options.includes('subtle') };
    }
  }
  return { kind: 'status', title: text, colour: 'grey', subtle: false };
}
