// The placeholders that stand in the Markdown for preserved storage. They are HTML comments, so
// Markdown renderers hide them, and they read as what they are:
//
//   <!-- tether:keep 3 jira-macro: PROJ-12 -->        an element kept as it is (leave the line in place)
//   <!-- tether:begin 4 expand-macro: Details -->     a container whose body between the markers is
//   …editable Markdown…                               ordinary Markdown
//   <!-- tether:next 4 -->                            (layouts: the next cell)
//   <!-- tether:end 4 -->
//
// Only the verb and the number matter when converting back; the rest is a description.

export type PlaceholderVerb = 'keep' | 'begin' | 'next' | 'end';

export interface Placeholder {
  verb: PlaceholderVerb;
  id: number;
}

/** One sentence a tool description can carry so a model knows what the markers mean. */
export const PLACEHOLDER_HELP =
  'Lines like <!-- tether:keep 3 jira-macro --> stand for Confluence content that Markdown cannot express: leave them where they are (move or delete one only on purpose). Between <!-- tether:begin N … --> and <!-- tether:end N --> (with <!-- tether:next N --> between layout cells) the Markdown is editable; keep the markers.';

const MAX_DESCRIPTION = 60;

/** A description safe inside an HTML comment: one line, no `--`, bounded. */
function describe(kind: string, summary?: string): string {
  const text = summary === undefined ? '' : summary.replace(/\s+/g, ' ').trim();
  const clipped = text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : text;
  const full = clipped === '' ? kind : `${kind}: ${clipped}`;
  return full.replace(/-{2,}/g, '–').replace(/[<>]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function formatPlaceholder(verb: PlaceholderVerb, id: number, kind?: string, summary?: string): string {
  const description = kind === undefined ? '' : ` ${describe(kind, summary)}`;
  return `<!-- tether:${verb} ${id}${description} -->`;
}

const PLACEHOLDER = /<!--\s*tether:(keep|begin|next|end)\s+(\d+)\b[\s\S]*?-->/g;

export interface HtmlPiece {
  placeholder?: Placeholder;
  /** Anything in the HTML that is not one of our placeholders. */
  other?: string;
}

/** Splits a raw HTML snippet (a Markdown html token) into our placeholders and everything else. */
export function splitPlaceholders(html: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  let last = 0;
  for (const match of html.matchAll(PLACEHOLDER)) {
    if (match.index > last) pieces.push({ other: html.slice(last, match.index) });
    pieces.push({ placeholder: { verb: match[1] as PlaceholderVerb, id: Number(match[2]) } });
    last = match.index + match[0].length;
  }
  if (last < html.length) pieces.push({ other: html.slice(last) });
  return pieces;
}

/** Removes placeholders from a line of Markdown (for heading titles and plain-text views). */
export function stripPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, '').replace(/\s+/g, ' ').trim();
}
