import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AdfNode } from '../../../../../src-main/core/content/adf/adf-nodes.ts';
import { adfToMarkdown } from '../../../../../src-main/core/content/adf/adf-to-markdown.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/content');
const issue = JSON.parse(readFileSync(path.join(fixtures, 'jira-issue.adf.json'), 'utf8')) as AdfNode;

const doc = (...content: AdfNode[]): AdfNode => ({ version: 1, type: 'doc', content });
const p = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: AdfNode['marks'] & object): AdfNode => (marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
const md = (...content: AdfNode[]): string => adfToMarkdown(doc(...content)).markdown;
const item = (...content: AdfNode[]): AdfNode => ({ type: 'listItem', content });
const cell = (type: string, content: AdfNode[], attrs?: Record<string, unknown>): AdfNode => ({ type, ...(attrs ? { attrs } : {}), content });
const row = (...content: AdfNode[]): AdfNode => ({ type: 'tableRow', content });

describe('adfToMarkdown: the rich issue description', () => {
  const { markdown, preserved } = adfToMarkdown(issue, { mentionName: (id) => (id === '5b10ac8d82e05b22cc7d4ef5' ? 'Jonas Lindqvist' : undefined) });

  it('writes every construct in the Confluence layer conventions', () => {
    const expected = [
      '## Checkout fails for saved cards (EU)',
      'Since [DATE: 2025-03-14] customers paying with a **saved card** get `PAYMENT_DECLINED` although the bank *approved* the charge. Status: [STATUS: IN PROGRESS | blue] [STATUS: BLOCKED | red, subtle] [STATUS: TRIAGE]',
      'Reported by [@Jonas Lindqvist](mention:5b10ac8d82e05b22cc7d4ef5), triaged with [@user](mention:557058:f1e2d3c4-b5a6-4789-8abc-def012345678) :thumbsup: :check_mark:\\\nRunbook: [payments on-call guide](<https://wiki.example.com/display/PAY/On-call+(EU)>), dashboard <https://example.atlassian.net/browse/PAY-1432>.',
      '~~gone~~, <u>underlined</u>, H<sub>2</sub>O, x<sup>2</sup>, <span style="color: #bf2600">red alert</span>, **bold *and italic*** and [`linked code`](https://example.com/api "API docs"), foo<strong>(bar)</strong>baz, 3 \\* 4 = 12, snake_case_name, <span style="background-color: #fedec8">highlighted</span>.',
      '1. Log in as a customer with a saved Visa card.\n\n2. Add any item and open checkout:\n\n   - shipping: **Express**\n   - payment: saved card\n     - 3-D Secure challenge passes',
      '4) A second list that starts at four.',
      '- [x] Reproduce on staging\n- [ ] Check the **3DS** callback logs\n  - [ ] EU acquirer only\n- [ ]',
      '```python\ndef retry(charge):\n    # `charge` is idempotent\n    return gateway.capture(charge.id)\n```',
      '> We only see this for cards issued in the EU.\n>\n> - quoted list item',
      '> [!NOTE]\n> Affects about 3% of EU checkouts.',
      '> [!IMPORTANT]\n> Finance has been told.',
      '> [!SUCCESS]\n> Hotfix verified on staging.',
      '> [!CAUTION]\n> #### Root cause\n>\n> Stale token cache.',
      '> [!TIP]\n> Use the replay tool.',
      '<details>\n<summary>Logs &amp; traces &lt;raw&gt;</summary>\n\nTrace id `a1b2c3`\n\n| Span | ms |\n|---|---|\n| authorize | 812 |\n\n<details>\n<summary>Raw gateway response</summary>',
      '![checkout-error.png](attachment:6e7c1f3a-9b1d-4c55-8d0e-2a3b4c5d6e7f?width=1264&height=600 "The error customers see")',
      '![](attachment:7f8e9d0c-1b2a-4394-8576-a1b2c3d4e5f6?collection=contentId-123&layout=wrap-left&displayWidth=50)',
      '![Status graph](<https://status.example.com/graph (eu).png>)',
      '[har-export.har](attachment:0b5d9e8f-1111-4222-8333-444455556666) [attachment](attachment:0b5d9e8f-1111-4222-8333-444455557777)',
      '[https://example.atlassian.net/browse/PAY-1400](https://example.atlassian.net/browse/PAY-1400 "block-card")',
      '- first list\n\n* second list, kept apart',
      'Ship it \\:tada: at 10:30:45, see https\\://example.com and mail ops\\@example.com; \\[not a link\\](x) and \\* not a bullet.',
    ];
    for (const piece of expected) expect(markdown).toContain(piece);
  });

  it('lays out tables with merged cells, several paragraphs, lists, pipes and images in cells', () => {
    expect(markdown).toContain(
      [
        '| Region | Cards \\| wallets | < |',
        '|---|---|---|',
        '| EU | Visa [STATUS: FAILING \\| red] | Apple Pay<br>Google Pay<br><br>both fine, see `a\\|b` |',
        '| ^ | Owners:<ul><li>[@Jonas Lindqvist](mention:5b10ac8d82e05b22cc7d4ef5)</li><li>payments team<ol><li>primary</li></ol></li></ul> | <!-- tether:keep 1 codeBlock: SELECT * FROM charges --> |',
        '| \\< | | ![thumb.png](attachment:1a2b3c4d-0000-4000-8000-00000000aaaa?width=320&height=200) |',
      ].join('\n'),
    );
  });

  it('preserves what Markdown cannot express, numbered in document order', () => {
    expect(preserved.map((p) => [p.id, p.kind, p.holes ?? null])).toEqual([
      [1, 'codeBlock', null],
      [2, 'extension', null],
      [3, 'inlineExtension', null],
      [4, 'text with annotation', null],
      [5, 'placeholder', null],
      [6, 'decisionList', null],
      [7, 'panel', [[]]],
      [8, 'paragraph', [[]]],
      [9, 'layoutSection', [[0], [1]]],
      [10, 'bodiedExtension', [[]]],
      [11, 'embedCard', null],
    ]);
    expect(markdown).toContain('<!-- tether:keep 2 extension: jira-issues -->');
    expect(markdown).toContain('Inline macro <!-- tether:keep 3 inlineExtension: anchor --> and a <!-- tether:keep 4 text with annotation: commented phrase --> and <!-- tether:keep 5 placeholder: Type something -->, with the trace [trace.json](attachment:c1d2e3f4-0000-4000-8000-00000000bbbb).');
    expect(markdown).toContain('<!-- tether:begin 7 panel: custom 🚀 -->\n\nCustom panel body, still *editable*\n\n<!-- tether:end 7 -->');
    expect(markdown).toContain('<!-- tether:begin 9 layoutSection: Left column right column item -->\n\nLeft column\n\n<!-- tether:next 9 -->\n\n- right column item\n\n<!-- tether:end 9 -->');
    // the nodes themselves, untouched
    expect(preserved[1]!.node).toBe(issue.content![issue.content!.findIndex((n) => n.type === 'extension')]);
  });

  it('is deterministic', () => {
    expect(adfToMarkdown(issue, { mentionName: (id) => (id === '5b10ac8d82e05b22cc7d4ef5' ? 'Jonas Lindqvist' : undefined) })).toEqual({ markdown, preserved });
  });
});

describe('adfToMarkdown: edge cases', () => {
  it('turns an empty or malformed document into empty Markdown', () => {
    expect(adfToMarkdown(doc())).toEqual({ markdown: '', preserved: [] });
    expect(adfToMarkdown(null).markdown).toBe('');
    expect(adfToMarkdown('not adf').markdown).toBe('');
    expect(adfToMarkdown({ type: 'doc', content: [null, 3, p(t('ok'))] }).markdown).toBe('ok\n');
  });

  it('nests lists three deep, mixing kinds, and numbers from the list start (a list from 3 cannot interrupt a line)', () => {
    const nested: AdfNode = { type: 'bulletList', content: [item(p(t('a')), { type: 'orderedList', attrs: { order: 3 }, content: [item(p(t('b')), { type: 'bulletList', content: [item(p(t('c')))] }), item(p(t('d')))] })] };
    expect(md(nested)).toBe('- a\n\n  3. b\n     - c\n  4. d\n');
  });

  it('escapes pipes in table cells, also inside code, and marks cells that only look like merge markers', () => {
    const table: AdfNode = { type: 'table', content: [row(cell('tableCell', [p(t('a|b'))]), cell('tableCell', [p(t('x|y', { type: 'code' }))])), row(cell('tableCell', [p(t('^'))]), cell('tableCell', [p(t('<'))]))] };
    expect(md(table)).toBe('| | |\n|---|---|\n| a\\|b | `x\\|y` |\n| \\^ | \\< |\n');
  });

  it('writes merged cells as < (merged left) and ^ (merged up)', () => {
    const table: AdfNode = {
      type: 'table',
      content: [
        row(cell('tableHeader', [p(t('A'))], { colspan: 2, rowspan: 2 }), cell('tableHeader', [p(t('C'))])),
        row(cell('tableCell', [p(t('c2'))])),
        row(cell('tableCell', [p(t('a3'))]), cell('tableCell', [p(t('b3'))]), cell('tableCell', [p(t('c3'))])),
      ],
    };
    expect(md(table)).toBe('| A | < | C |\n|---|---|---|\n| ^ | < | c2 |\n| a3 | b3 | c3 |\n');
  });

  it('fences code that contains backticks with a longer fence, inline and in blocks', () => {
    expect(md(p(t('a`b', { type: 'code' }), t(' and '), t('`tick`', { type: 'code' })))).toBe('``a`b`` and `` `tick` ``\n');
    expect(md({ type: 'codeBlock', attrs: { language: 'md' }, content: [t('```js\nx\n```')] })).toBe('````md\n```js\nx\n```\n````\n');
  });

  it('puts destinations with parentheses or spaces in angle brackets', () => {
    expect(md(p(t('Foo', { type: 'link', attrs: { href: 'https://en.wikipedia.org/wiki/Foo_(bar)' } }), t(' '), t('[draft]', { type: 'link', attrs: { href: 'https://x.io/a b' } })))).toBe(
      '[Foo](<https://en.wikipedia.org/wiki/Foo_(bar)>) [\\[draft\\]](<https://x.io/a b>)\n',
    );
  });

  it('names people by lookup, then by their own text, and otherwise only as a user', () => {
    const mentions = p({ type: 'mention', attrs: { id: 'a1', text: '@Ann Lee' } }, t(' '), { type: 'mention', attrs: { id: 'b2' } }, t(' '), { type: 'mention', attrs: { id: 'c3', text: '' } });
    expect(md(mentions)).toBe('[@Ann Lee](mention:a1) [@user](mention:b2) [@user](mention:c3)\n');
    expect(adfToMarkdown(doc(mentions), { mentionName: (id) => (id === 'b2' ? 'Bo [QA]' : undefined) }).markdown).toBe('[@Ann Lee](mention:a1) [@Bo \\[QA\\]](mention:b2) [@user](mention:c3)\n');
  });

  it('keeps text from reading as Markdown it is not', () => {
    expect(md(p(t('1. one')), p(t('# two')), p(t('> three')), p(t('    four')), p(t('<b>x</b> &amp; <!-- c -->')), p(t('[STATUS: x]')))).toBe(
      '1\\. one\n\n\\# two\n\n\\> three\n\nfour\n\n\\<b>x\\</b> \\&amp; \\<!-- c -->\n\n\\[STATUS: x\\]\n',
    );
  });

  it('writes hard breaks that end or start a paragraph as <br> (a trailing backslash is only a backslash)', () => {
    expect(md(p(t('a'), { type: 'hardBreak' }, t('b')))).toBe('a\\\nb\n');
    expect(md(p(t('a'), { type: 'hardBreak' }))).toBe('a<br>\n');
    expect(md(p({ type: 'hardBreak' }, t('b')))).toBe('<br>b\n');
  });

  it('falls back to HTML emphasis where * would not parse, and moves spaces out of emphasis', () => {
    expect(md(p(t('foo'), t('(bar)', { type: 'strong' }), t('baz')))).toBe('foo<strong>(bar)</strong>baz\n');
    expect(md(p(t('bold ', { type: 'strong' }), t('text')))).toBe('**bold** text\n');
    expect(md(p(t('un'), t('believ', { type: 'em' }), t('able')))).toBe('un<em>believ</em>able\n');
    expect(md(p(t('('), t('bold', { type: 'strong' }), t(') and '), t('Note:', { type: 'strong' }), t(' text')))).toBe('(**bold**) and **Note:** text\n');
  });

  it('keeps statuses, dates and emoji it cannot write exactly', () => {
    const { markdown, preserved } = adfToMarkdown(
      doc(p({ type: 'status', attrs: { text: 'A | B', color: 'neutral' } }, t(' '), { type: 'status', attrs: { text: 'X', color: '#ff0000' } }, t(' '), { type: 'date', attrs: { timestamp: 'soon' } }, t(' '), { type: 'emoji', attrs: { shortName: ':100:' } })),
    );
    expect(markdown).toBe('[STATUS: A | B | grey] <!-- tether:keep 1 status: X --> <!-- tether:keep 2 date --> <!-- tether:keep 3 emoji: :100: -->\n');
    expect(preserved.map((p) => p.kind)).toEqual(['status', 'date', 'emoji']);
  });

  it('writes code block attributes after the language, and dates with a time as instants', () => {
    expect(md({ type: 'codeBlock', attrs: { language: 'java', wrap: true, uniqueId: 'x y' }, content: [t('int x;')] })).toBe('```java wrap=true uniqueId="x y"\nint x;\n```\n');
    expect(md(p({ type: 'date', attrs: { timestamp: '1741951234567' } }))).toBe('[DATE: 2025-03-14T11:20:34.567Z]\n');
  });

  it('keeps a structure it cannot write whole, and preserves nothing twice', () => {
    const tasks: AdfNode = {
      type: 'taskList',
      attrs: { localId: 'a' },
      content: [
        { type: 'taskItem', attrs: { localId: 'b', state: 'TODO' }, content: [{ type: 'inlineExtension', attrs: { extensionType: 'x', extensionKey: 'y' } }] },
        { type: 'blockTaskItem', attrs: { localId: 'c', state: 'TODO' }, content: [{ type: 'paragraph' }] },
      ],
    };
    const { markdown, preserved } = adfToMarkdown(doc(tasks));
    expect(markdown).toBe('<!-- tether:keep 1 taskList -->\n');
    expect(preserved).toEqual([{ id: 1, kind: 'taskList', node: tasks, block: true }]);
  });

  it('keeps lists apart that Markdown would join', () => {
    const list = (type: string, text: string): AdfNode => ({ type, ...(type === 'orderedList' ? { attrs: { order: 1 } } : {}), content: [item(p(t(text)))] });
    expect(md(list('orderedList', 'a'), list('orderedList', 'b'), list('orderedList', 'c'))).toBe('1. a\n\n1) b\n\n1. c\n');
  });
});
