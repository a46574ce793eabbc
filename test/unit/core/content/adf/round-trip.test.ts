// The round-trip property: ADF → Markdown → ADF gives back the document (less the attributes
// Markdown deliberately does not carry, listed in LOST), every preserved node byte for byte, and
// only valid ADF; Markdown → ADF → Markdown is stable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AdfMark, AdfNode } from '../../../../../src-main/core/content/adf/adf-nodes.ts';
import { adfToMarkdown } from '../../../../../src-main/core/content/adf/adf-to-markdown.ts';
import { markdownToAdf } from '../../../../../src-main/core/content/adf/markdown-to-adf.ts';
import { expectValidAdf } from './adf-schema.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/content');
const issue = JSON.parse(readFileSync(path.join(fixtures, 'jira-issue.adf.json'), 'utf8')) as AdfNode;

/** What Markdown does not carry: ids the editor makes, table layout, cell widths and colours, user and emoji details it looks up. */
const LOST: Record<string, string[]> = {
  '*': ['localId'],
  table: ['isNumberColumnEnabled', 'layout', 'width', 'displayMode'],
  tableCell: ['colwidth', 'background'],
  tableHeader: ['colwidth', 'background'],
  mention: ['accessLevel', 'userType'],
  emoji: ['id', 'text'],
};

function withoutLosses<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutLosses) as T;
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) {
    if (key === 'attrs' && child && typeof child === 'object' && typeof node.type === 'string') {
      const lost = [...LOST['*']!, ...(LOST[node.type] ?? [])];
      const kept = Object.fromEntries(Object.entries(child).filter(([k]) => !lost.includes(k)));
      if (Object.keys(kept).length > 0) out.attrs = kept;
    } else out[key] = withoutLosses(child);
  }
  return out as T;
}

describe('round trip of the rich issue description', () => {
  const { markdown, preserved } = adfToMarkdown(issue);
  const back = markdownToAdf(markdown, { preserved });

  it('gives back the document, less only the attributes Markdown does not carry', () => {
    expect(back.missingPreserved).toEqual([]);
    expect(back.unknownPlaceholders).toEqual([]);
    expect(withoutLosses(back.doc)).toEqual(withoutLosses(issue));
  });

  it('brings back every preserved node byte for byte', () => {
    const json = JSON.stringify(back.doc);
    for (const element of preserved) expect(json, `${element.id} ${element.kind}`).toContain(JSON.stringify(element.node));
  });

  it('produces valid ADF, and the fixture itself is valid', () => {
    expectValidAdf(issue);
    expectValidAdf(back.doc);
  });

  it('is stable: the ADF it writes reads back as the same Markdown', () => {
    const again = adfToMarkdown(back.doc);
    expect(again.markdown).toBe(markdown);
    expect(withoutLosses(markdownToAdf(again.markdown, { preserved: again.preserved }).doc)).toEqual(withoutLosses(back.doc));
  });
});

describe('round trip with edits', () => {
  const { markdown, preserved } = adfToMarkdown(issue);

  it('keeps preserved nodes when the text around them changes, and fills containers with the edits', () => {
    const edited = markdown.replace('Custom panel body, still *editable*', 'Custom panel body, **edited**').replace('### Steps to reproduce', '### How to reproduce');
    const back = markdownToAdf(edited, { preserved });
    expect(back.missingPreserved).toEqual([]);
    expectValidAdf(back.doc);
    const panel = back.doc.content.find((n) => n.type === 'panel' && n.attrs?.panelType === 'custom')!;
    expect(panel.attrs).toEqual(preserved.find((p) => p.kind === 'panel')!.node.attrs);
    expect(panel.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Custom panel body, ' }, { type: 'text', text: 'edited', marks: [{ type: 'strong' }] }] }]);
    expect(back.doc.content).toContainEqual({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'How to reproduce' }] });
  });

  it('reports a preserved node whose placeholder was deleted, and leaves it out', () => {
    const extension = preserved.find((p) => p.kind === 'extension')!;
    const back = markdownToAdf(markdown.replace(/<!-- tether:keep 2 [^>]*-->/, ''), { preserved });
    expect(back.missingPreserved).toEqual([extension]);
    expect(JSON.stringify(back.doc)).not.toContain('jira-issues');
  });

  it('takes a task ticked in Markdown', () => {
    const back = markdownToAdf(markdown.replace('- [ ] Check the **3DS**', '- [x] Check the **3DS**'), { preserved });
    const tasks = back.doc.content.find((n) => n.type === 'taskList')!;
    expect(tasks.content![1]!.attrs?.state).toBe('DONE');
  });
});

// ── generated documents ─────────────────────────────────────────────────────────────────────

/** mulberry32: a small seeded generator, so a failure names its seed and can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['foo', 'bar', '(x)', 'a.b', ' ', ' baz ', '*', '_', '~', 'x_y', '`', '[', ']', '!', '<', '>', '&', '&amp;', ':', ':smile:', 'http://x.io', '#', '1.', '-', '|', '\\', '"', "'", '2', 'é', '**', ')', '.', ',', 'a-b', 'www.x.io', 'a@b.co', '<br>', '$', '\n'];
const MARKS: AdfMark[] = [
  { type: 'strong' },
  { type: 'em' },
  { type: 'strike' },
  { type: 'underline' },
  { type: 'code' },
  { type: 'link', attrs: { href: 'https://e.com/a' } },
  { type: 'subsup', attrs: { type: 'sup' } },
  { type: 'textColor', attrs: { color: '#ff0000' } },
];
const RANK = ['link', 'em', 'strong', 'textColor', 'strike', 'subsup', 'underline', 'code'];
const ATOMS: AdfNode[] = [
  { type: 'hardBreak' },
  { type: 'mention', attrs: { id: 'u-1', text: '@Ann' } },
  { type: 'emoji', attrs: { shortName: ':tada:' } },
  { type: 'status', attrs: { text: 'DONE', color: 'green' } },
  { type: 'date', attrs: { timestamp: '1741910400000' } },
  { type: 'inlineCard', attrs: { url: 'https://x.io/browse/A-1' } },
];

function paragraph(next: () => number): AdfNode {
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const content: AdfNode[] = [];
  for (let i = 0, n = 1 + Math.floor(next() * 6); i < n; i++) {
    if (next() < 0.15) {
      content.push(pick(ATOMS));
      continue;
    }
    let text = '';
    for (let j = 0, k = 1 + Math.floor(next() * 3); j < k; j++) text += pick(WORDS);
    let marks = MARKS.filter(() => next() < 0.25);
    if (marks.some((m) => m.type === 'code')) marks = marks.filter((m) => m.type === 'code' || m.type === 'link');
    marks.sort((a, b) => RANK.indexOf(a.type) - RANK.indexOf(b.type));
    const last = content.at(-1);
    if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += text;
    else content.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
  }
  return { type: 'paragraph', content };
}

/** Text as characters with their marks, and other nodes; white space is left out (it moves out of marks, off the ends of lines). */
function letters(content: AdfNode[]): string {
  return content
    .flatMap((node) => (node.type === 'text' ? [...(node.text ?? '')].filter((c) => !/\s/.test(c)).map((c) => `${c}${JSON.stringify(node.marks ?? [])}`) : [JSON.stringify(node)]))
    .join('|');
}

/** The same inline content as a paragraph, a heading, a table cell and a list item. */
const CONTEXTS: Record<string, (p: AdfNode) => AdfNode> = {
  paragraph: (p) => p,
  heading: (p) => ({ type: 'heading', attrs: { level: 2 }, content: p.content }),
  cell: (p) => ({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p] }] }] }),
  item: (p) => ({ type: 'bulletList', content: [{ type: 'listItem', content: [p] }] }),
};

function inlineOf(nodes: AdfNode[]): AdfNode[] {
  return nodes.flatMap((n) => (n.content ? inlineOf(n.content) : n.type === 'paragraph' || n.type === 'heading' ? [] : [n]));
}

describe('round trip of generated inline content', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('keeps every character and its marks (seed %i)', (seed) => {
    const next = random(seed);
    for (let i = 0; i < 150; i++) {
      const generated = paragraph(next);
      for (const [name, wrap] of Object.entries(CONTEXTS)) {
        const doc: AdfNode = { version: 1, type: 'doc', content: [wrap(generated)] };
        const { markdown, preserved } = adfToMarkdown(doc);
        const back = markdownToAdf(markdown, { preserved });
        // in a cell, breaks side by side read as a new paragraph (`<br><br>`)
        const breaks = (n: AdfNode): boolean => name === 'paragraph' || name === 'item' || n.type !== 'hardBreak';
        const expected = letters(generated.content!.filter(breaks));
        const actual = letters(inlineOf(back.doc.content).filter(breaks));
        expect(actual, `${name}: ${JSON.stringify(generated.content)}\n→ ${JSON.stringify(markdown)}`).toBe(expected);
        expectValidAdf(back.doc);
      }
    }
  });
});
