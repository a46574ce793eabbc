// Long pages come back in bounded pieces. A piece ends only where a block ends (never inside a
// fenced code block, a table row or a list item), prefers to end before a heading, and says where
// the next piece starts: nothing is ever cut silently.
import { findHeading, SectionNotFoundError } from './headings.ts';
import { lexMarkdown, type Token, type Tokens } from './markdown-lexer.ts';
import { stripPlaceholders } from './placeholders.ts';

export interface MarkdownSection {
  heading: string;
  level: number;
  /** Where the heading line starts in the document. */
  offset: number;
}

export interface ChunkOptions {
  /** The most characters a piece may hold (a single block larger than this comes whole, flagged `oversized`). */
  maxChars: number;
  /** Where to start (a `nextOffset` from an earlier piece); snapped back to the block it falls in. */
  offset?: number;
  /** Only this heading's section: the heading and everything up to the next heading of the same or a higher level. */
  section?: string;
}

export interface MarkdownChunk {
  text: string;
  /** Where this piece starts in the whole document. */
  offset: number;
  /** Where the next piece starts; absent when the document (or the section asked for) is complete. */
  nextOffset?: number;
  /** Length of the whole document. */
  totalChars: number;
  /** Every heading of the document, for navigation. */
  sections: MarkdownSection[];
  /** The range of the section asked for. */
  section?: { heading: string; level: number; start: number; end: number };
  /** The piece is one block that alone is larger than maxChars (it could not be cut further). */
  oversized?: boolean;
}

interface Boundary {
  at: number;
  heading: boolean;
  /** When the boundary is between table rows: the header and delimiter lines to repeat. */
  tableHeader?: string;
}

interface Outline {
  text: string;
  boundaries: Boundary[];
  sections: MarkdownSection[];
}

// Reading a long page piece by piece outlines the same document again and again: keep the last one.
let lastOutline: { markdown: string; outline: Outline } | undefined;

function outline(markdown: string): Outline {
  if (lastOutline?.markdown === markdown) return lastOutline.outline;
  const result = outlineOf(markdown);
  lastOutline = { markdown, outline: result };
  return result;
}

function outlineOf(markdown: string): Outline {
  const text = markdown.replace(/\r\n?/g, '\n');
  const tokens = lexMarkdown(text);
  const boundaries: Boundary[] = [];
  const sections: MarkdownSection[] = [];
  let at = 0;
  for (const token of tokens) {
    if (token.type !== 'space') {
      const heading = token.type === 'heading';
      boundaries.push({ at, heading });
      if (heading) sections.push({ heading: headingText(token as Tokens.Heading), level: (token as Tokens.Heading).depth, offset: at });
      boundaries.push(...innerBoundaries(token, at));
    }
    at += token.raw.length;
  }
  if (at !== text.length) {
    // the lexer did not account for every character: fall back to blank-line boundaries only
    return { text, boundaries: blankLineBoundaries(text), sections };
  }
  return { text, boundaries, sections };
}

/** Item starts of a top-level list and row starts of a table: places a long block may be cut. */
function innerBoundaries(token: Token, start: number): Boundary[] {
  const out: Boundary[] = [];
  if (token.type === 'list') {
    let at = start;
    for (const item of (token as Tokens.List).items) {
      if (at > start && at < start + token.raw.length) out.push({ at, heading: false });
      at += item.raw.length;
    }
  } else if (token.type === 'table') {
    const lines = token.raw.split('\n');
    const header = `${lines.slice(0, 2).join('\n')}\n`;
    let at = start + header.length;
    for (let i = 2; i < lines.length; i++) {
      if (lines[i] === '') break;
      if (i > 2) out.push({ at, heading: false, tableHeader: header });
      at += (lines[i] as string).length + 1;
    }
  }
  return out;
}

function blankLineBoundaries(text: string): Boundary[] {
  const out: Boundary[] = [{ at: 0, heading: false }];
  let fence = '';
  let at = 0;
  let previousBlank = false;
  for (const line of text.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === '' && previousBlank && line.trim() !== '' && at > 0) out.push({ at, heading: /^#{1,6}\s/.test(line) });
    if (marker && (fence === '' || marker.startsWith(fence))) fence = fence === '' ? marker : '';
    previousBlank = fence === '' && line.trim() === '';
    at += line.length + 1;
  }
  return out;
}

function headingText(token: Tokens.Heading): string {
  return stripPlaceholders(token.text)
    .replace(/!?\[([^\]]*)\]\((?:<[^>]*>|[^)]*)\)/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/(\*\*|__|\*|`|~~)/g, '')
    .trim();
}

function sectionRange(sections: MarkdownSection[], index: number, length: number): { start: number; end: number } {
  const section = sections[index] as MarkdownSection;
  const next = sections.slice(index + 1).find((s) => s.level <= section.level);
  return { start: section.offset, end: next ? next.offset : length };
}

/** One bounded piece of a Markdown document (or of one of its sections). */
export function chunkMarkdown(markdown: string, options: ChunkOptions): MarkdownChunk {
  const { text, boundaries, sections } = outline(markdown);
  const maxChars = Math.max(1, Math.floor(options.maxChars));
  let lo = 0;
  let hi = text.length;
  let selected: MarkdownChunk['section'];
  if (options.section !== undefined) {
    const index = findHeading(sections.map((s) => s.heading), options.section);
    if (index < 0) throw new SectionNotFoundError(options.section, sections.map((s) => s.heading));
    ({ start: lo, end: hi } = sectionRange(sections, index, text.length));
    const s = sections[index] as MarkdownSection;
    selected = { heading: s.heading, level: s.level, start: lo, end: hi };
  }
  const base = { totalChars: text.length, sections, ...(selected ? { section: selected } : {}) };
  const requested = Math.min(Math.max(options.offset ?? lo, lo), hi);
  if (requested >= hi) return { text: '', offset: hi, ...base };

  // start at the block the offset falls in
  let startBoundary: Boundary = { at: lo, heading: false };
  for (const b of boundaries) {
    if (b.at > requested) break;
    if (b.at >= lo) startBoundary = b;
  }
  const start = startBoundary.at;
  const prefix = startBoundary.tableHeader && start > lo ? startBoundary.tableHeader : '';
  const budget = Math.max(1, maxChars - prefix.length);

  let end: number;
  let oversized = false;
  if (hi - start <= budget) end = hi;
  else {
    const fits = boundaries.filter((b) => b.at > start && b.at < hi && b.at - start <= budget);
    if (fits.length === 0) {
      end = boundaries.find((b) => b.at > start && b.at < hi)?.at ?? hi;
      oversized = end - start > budget;
    } else {
      end = (fits[fits.length - 1] as Boundary).at;
      // prefer to stop before a heading when that still fills at least half of the piece
      const headings = fits.filter((b) => b.heading);
      const lastHeading = headings[headings.length - 1];
      if (lastHeading && lastHeading.at - start >= budget / 2) end = lastHeading.at;
    }
  }
  return {
    text: prefix + text.slice(start, end),
    offset: start,
    ...(end < hi ? { nextOffset: end } : {}),
    ...base,
    ...(oversized ? { oversized } : {}),
  };
}

/** Replaces one heading's section (the heading included) with new Markdown. */
export function replaceSection(markdown: string, heading: string, newSectionMarkdown: string): string {
  const { text, sections } = outline(markdown);
  const index = findHeading(sections.map((s) => s.heading), heading);
  if (index < 0) throw new SectionNotFoundError(heading, sections.map((s) => s.heading));
  const { start, end } = sectionRange(sections, index, text.length);
  let replacement = newSectionMarkdown.replace(/\r\n?/g, '\n').replace(/\n*$/, '\n');
  if (end < text.length) replacement += '\n';
  return text.slice(0, start) + replacement + text.slice(end);
}
