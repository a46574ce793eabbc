import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chunkMarkdown, replaceSection, type MarkdownChunk } from '../../../../src-main/core/content/chunk-markdown.ts';
import { SectionNotFoundError } from '../../../../src-main/core/content/headings.ts';
import { lexMarkdown } from '../../../../src-main/core/content/markdown-lexer.ts';
import { storageToMarkdown } from '../../../../src-main/core/content/storage-to-markdown.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/content');
const markdownOf = (name: string): string => storageToMarkdown(readFileSync(path.join(fixtures, name), 'utf8')).markdown;

/** Every piece, following nextOffset from the start. */
function allChunks(markdown: string, maxChars: number, section?: string): MarkdownChunk[] {
  const chunks: MarkdownChunk[] = [];
  let offset: number | undefined;
  for (;;) {
    const chunk = chunkMarkdown(markdown, { maxChars, offset, section });
    chunks.push(chunk);
    if (chunk.nextOffset === undefined) return chunks;
    expect(chunk.nextOffset).toBeGreaterThan(chunk.offset);
    offset = chunk.nextOffset;
    if (chunks.length > 10_000) throw new Error('no progress');
  }
}

/** Ranges [start, end) of the blocks that must never be cut: fenced code and table rows. */
function uncuttable(markdown: string): [number, number][] {
  const ranges: [number, number][] = [];
  let at = 0;
  for (const token of lexMarkdown(markdown)) {
    if (token.type === 'code') ranges.push([at, at + token.raw.trimEnd().length]);
    at += token.raw.length;
  }
  return ranges;
}

describe('chunkMarkdown on the large page', () => {
  const markdown = markdownOf('large-page.storage.html');

  it.each([1500, 4000, 20_000])('covers the whole page in pieces of at most %i characters', (maxChars) => {
    const chunks = allChunks(markdown, maxChars);
    expect(chunks.length).toBeGreaterThan(1);
    let rebuilt = '';
    for (const chunk of chunks) {
      expect(chunk.totalChars).toBe(markdown.length);
      const own = markdown.slice(chunk.offset, chunk.nextOffset ?? markdown.length);
      // a piece is its own slice of the page, plus a repeated table header when it continues a table
      expect(chunk.text.endsWith(own)).toBe(true);
      if (!chunk.oversized) expect(chunk.text.length).toBeLessThanOrEqual(maxChars);
      rebuilt += own;
    }
    expect(rebuilt).toBe(markdown);
  });

  it('never cuts inside a fenced code block or a table row', () => {
    const ranges = uncuttable(markdown);
    for (const chunk of allChunks(markdown, 1500)) {
      if (chunk.nextOffset === undefined) continue;
      const cut = chunk.nextOffset;
      expect(markdown[cut - 1]).toBe('\n');
      for (const [start, end] of ranges) expect(cut > start && cut < end, `cut ${cut} inside code ${start}-${end}`).toBe(false);
    }
  });

  it('repeats the header row when a piece starts inside a table', () => {
    const continued = allChunks(markdown, 1500).filter((c) => !c.text.startsWith(markdown.slice(c.offset, c.offset + 20)));
    expect(continued.length).toBeGreaterThan(0);
    for (const chunk of continued) expect(chunk.text).toMatch(/^\| .* \|\n\|(---\|)+\n\| /);
  });

  it('lists every heading with its offset', () => {
    const { sections } = chunkMarkdown(markdown, { maxChars: 1000 });
    expect(sections.length).toBeGreaterThan(50);
    for (const s of sections) expect(markdown.slice(s.offset, s.offset + s.level + 1)).toBe(`${'#'.repeat(s.level)} `);
    expect(sections[0]).toEqual({ heading: 'Orbit platform – service operations handbook', level: 1, offset: markdown.indexOf('# Orbit') });
  });
});

describe('chunkMarkdown: cutting', () => {
  const section = (n: number): string => `## Part ${n}\n\n${'Lorem ipsum dolor sit amet. '.repeat(30).trim()}\n`;
  const doc = Array.from({ length: 8 }, (_, i) => section(i + 1)).join('\n');

  it('prefers to stop before a heading', () => {
    const chunks = allChunks(doc, 2500);
    for (const chunk of chunks) expect(chunk.text.startsWith('## Part')).toBe(true);
  });

  it('returns a block larger than the limit whole, and says so', () => {
    const code = `\`\`\`js\n${'console.log("x");\n'.repeat(200)}\`\`\`\n`;
    const md = `Intro.\n\n${code}\nAfter.\n`;
    const chunks = allChunks(md, 500);
    const big = chunks.find((c) => c.oversized);
    expect(big?.text).toBe(`${code}\n`);
    expect(chunks.filter((c) => c.oversized)).toHaveLength(1);
    expect(chunks.map((c) => c.text).join('')).toBe(md);
  });

  it('cuts long lists between items', () => {
    const list = Array.from({ length: 100 }, (_, i) => `- item ${i} ${'x'.repeat(30)}`).join('\n');
    for (const chunk of allChunks(`${list}\n`, 400)) {
      expect(chunk.text.length).toBeLessThanOrEqual(400);
      expect(chunk.text.startsWith('- item')).toBe(true);
    }
  });

  it('snaps an offset that falls inside a block back to its start', () => {
    const md = 'First paragraph here.\n\nSecond paragraph here.\n';
    expect(chunkMarkdown(md, { maxChars: 1000, offset: 30 })).toMatchObject({ offset: 23, text: 'Second paragraph here.\n' });
  });

  it('returns an empty piece past the end, with no next offset', () => {
    const chunk = chunkMarkdown('abc\n', { maxChars: 10, offset: 99 });
    expect(chunk).toMatchObject({ text: '', offset: 4, totalChars: 4 });
    expect(chunk.nextOffset).toBeUndefined();
  });
});

describe('chunkMarkdown: sections', () => {
  const markdown = markdownOf('mixed-page.storage.html');

  it('selects a heading and everything up to the next heading of the same or a higher level', () => {
    const chunk = chunkMarkdown(markdown, { maxChars: 100_000, section: 'Architecture' });
    expect(chunk.text.startsWith('## Architecture\n')).toBe(true);
    expect(chunk.text).toContain('### Open questions');
    expect(chunk.text).not.toContain('## Risks');
    expect(chunk.nextOffset).toBeUndefined();
    expect(chunk.section).toMatchObject({ heading: 'Architecture', level: 2 });
  });

  it('finds a section regardless of case, punctuation or leading #', () => {
    expect(chunkMarkdown(markdown, { maxChars: 100, section: '## rollout' }).section?.heading).toBe('Rollout');
    expect(chunkMarkdown(markdown, { maxChars: 100, section: 'checkout service release 4.2 plan' }).section?.heading).toBe('Checkout service – release 4.2 plan');
  });

  it('pages through a long section and stops at its end', () => {
    const chunks = allChunks(markdown, 400, 'Rollout');
    expect(chunks.length).toBeGreaterThan(1);
    const { start, end } = chunks[0]!.section!;
    expect(chunks.map((c) => markdown.slice(c.offset, c.nextOffset ?? end)).join('')).toBe(markdown.slice(start, end));
  });

  it('names the headings there are when the section does not exist', () => {
    expect(() => chunkMarkdown(markdown, { maxChars: 100, section: 'Budget' })).toThrow(SectionNotFoundError);
    expect(() => chunkMarkdown(markdown, { maxChars: 100, section: 'Budget' })).toThrow(/Headings: "Checkout service – release 4.2 plan", "Scope"/);
  });

  it('replaces one section and nothing else', () => {
    const updated = replaceSection(markdown, 'Risks', '## Risks\n\nNone left.\n');
    const risks = markdown.indexOf('## Risks');
    const after = markdown.indexOf('## Related pages'); // the expand after the table belongs to Risks
    expect(updated).toBe(`${markdown.slice(0, risks)}## Risks\n\nNone left.\n\n${markdown.slice(after)}`);
  });
});
