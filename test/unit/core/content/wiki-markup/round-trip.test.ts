// The round trip: wiki markup → Markdown → wiki markup gives back the text (in its canonical
// spelling: CANONICAL lists the few rewrites), Markdown read from wiki markup is stable, and
// generated inline content keeps every character and its formatting through wiki markup.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AdfMark, AdfNode } from '../../../../../src-main/core/content/adf/adf-nodes.ts';
import { adfToWiki } from '../../../../../src-main/core/content/wiki-markup/adf-to-wiki.ts';
import { markdownToWiki, wikiToMarkdown } from '../../../../../src-main/core/content/wiki-markup/wiki-markdown.ts';
import { wikiToAdf } from '../../../../../src-main/core/content/wiki-markup/wiki-to-adf.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/content');
const issue = readFileSync(path.join(fixtures, 'jira-issue.wiki'), 'utf8');

/** Spellings that come back in their canonical form: citations as emphasis, `-` bullets as `*`, only the opening `\*` escaped. */
const CANONICAL: [string, string][] = [
  ['??cited??', '_cited_'],
  ['- dash bullet', '* dash bullet'],
  ['\\*not bold\\*', '\\*not bold*'],
];

describe('round trip of the rich wiki description', () => {
  const markdown = wikiToMarkdown(issue);
  const back = markdownToWiki(markdown);

  it('gives back the text, in its canonical spelling', () => {
    expect(back).toBe(CANONICAL.reduce((text, [from, to]) => text.replace(from, to), issue));
  });

  it('is stable: the wiki markup it writes reads back as the same Markdown', () => {
    expect(wikiToMarkdown(back)).toBe(markdown);
  });

  it('takes edits made in Markdown, around and inside the macros it carries', () => {
    const edited = markdown.replace('2. Replay the failed charges.', '2. Replay the **failed** charges.\n3. Tell finance.').replace('### Steps to reproduce', '### How to reproduce');
    const wiki = markdownToWiki(edited);
    expect(wiki).toContain('{panel:title=Rollback plan|borderStyle=dashed|borderColor=#ccc|titleBGColor=#F7D6C1|bgColor=#FFFFCE}\n# Disable the token cache flag.\n# Replay the *failed* charges.\n# Tell finance.\n{panel}');
    expect(wiki).toContain('h3. How to reproduce');
    expect(wiki).toContain('{toc}\n\n{anchor:rollback}Back to top\n\n{jira-issues:project=PAY}');
  });
});

// ── generated inline content ────────────────────────────────────────────────────────────────

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// no backslashes (`\\` is a line break, `\*` an escape: wiki markup cannot write them as text), no
// `:name:`, `:P`, `:D` (Jira reads them as emoticons, and they cannot be escaped), no URLs (Jira links them)
const WORDS = ['\n', 'foo', 'bar', '(x)', 'a.b', ' ', ' baz ', '*', '_', '~', 'x_y', '[', ']', '!', '{', '}', '&', '#', '-', '--', '+', '^', '?', '??', '|', '"', '2', 'é', '**', ')', '.', ',', 'a-b', 'x:y', ';', '(y)', ':)'];
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
  { type: 'mention', attrs: { id: 'username=jsmith' } },
  { type: 'emoji', attrs: { shortName: ':check_mark:' } },
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
    if (marks.some((m) => m.type === 'code')) marks = [{ type: 'code' }];
    if (marks.some((m) => m.type === 'code') && /}}|^}|}$|{{/.test(text)) marks = [];
    marks.sort((a, b) => RANK.indexOf(a.type) - RANK.indexOf(b.type));
    const last = content.at(-1);
    if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += text;
    else content.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
  }
  return { type: 'paragraph', content };
}

/** Cards come back as links where text touches them, emoji as their short names where a letter does. */
function plain(node: AdfNode): AdfNode {
  if (node.type === 'emoji') return { type: 'text', text: String(node.attrs?.shortName) };
  const url = String(node.attrs?.url);
  return node.type === 'inlineCard' ? { type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] } : node;
}

function letters(content: AdfNode[]): string {
  return content
    .map(plain)
    .flatMap((node) => (node.type === 'text' ? [...(node.text ?? '')].filter((c) => !/\s/.test(c)).map((c) => `${c}${JSON.stringify(node.marks ?? [])}`) : [JSON.stringify(node)]))
    .join('|');
}

describe('round trip of generated inline content through wiki markup', () => {
  it.each([1, 2, 3, 4, 5, 6])('keeps every character and its formatting (seed %i)', (seed) => {
    const next = random(seed);
    for (let i = 0; i < 150; i++) {
      const generated = paragraph(next);
      const wiki = adfToWiki({ type: 'doc', content: [generated] });
      const back = wikiToAdf(wiki).content.flatMap((b) => b.content ?? []);
      expect(letters(back), `${JSON.stringify(generated.content)}\n→ ${JSON.stringify(wiki)}`).toBe(letters(generated.content!));
    }
  });
});
