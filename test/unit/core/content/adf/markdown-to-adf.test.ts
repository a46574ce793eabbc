import { describe, expect, it } from 'vitest';
import type { AdfNode } from '../../../../../src-main/core/content/adf/adf-nodes.ts';
import { markdownToAdf } from '../../../../../src-main/core/content/adf/markdown-to-adf.ts';
import { expectValidAdf } from './adf-schema.ts';

let counter = 0;
const localId = (): string => `id-${++counter}`;

/** The blocks of the document made from `markdown`, which must be valid ADF. */
function blocks(markdown: string): AdfNode[] {
  counter = 0;
  const { doc } = markdownToAdf(markdown, { localId });
  expectValidAdf(doc);
  return doc.content;
}

const p = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: AdfNode['marks'] & object): AdfNode => (marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
const item = (...content: AdfNode[]): AdfNode => ({ type: 'listItem', content });

describe('markdownToAdf: the conventions back', () => {
  it('makes a version 1 document, empty for empty Markdown', () => {
    expect(markdownToAdf('').doc).toEqual({ version: 1, type: 'doc', content: [] });
    expect(markdownToAdf('   \n\n').doc.content).toEqual([]);
  });

  it('reads headings, paragraphs, emphasis, code, links and breaks', () => {
    expect(blocks('# Title\n\nSome **bold**, *em*, ~~gone~~, `code` and [a link](https://x.io "Tip").\\\nNext line<br>and <u>more</u> H<sub>2</sub>O x<sup>2</sup>.')).toEqual([
      { type: 'heading', attrs: { level: 1 }, content: [t('Title')] },
      p(
        t('Some '),
        t('bold', { type: 'strong' }),
        t(', '),
        t('em', { type: 'em' }),
        t(', '),
        t('gone', { type: 'strike' }),
        t(', '),
        t('code', { type: 'code' }),
        t(' and '),
        t('a link', { type: 'link', attrs: { href: 'https://x.io', title: 'Tip' } }),
        t('.'),
        { type: 'hardBreak' },
        t('Next line'),
        { type: 'hardBreak' },
        t('and '),
        t('more', { type: 'underline' }),
        t(' H'),
        t('2', { type: 'subsup', attrs: { type: 'sub' } }),
        t('O x'),
        t('2', { type: 'subsup', attrs: { type: 'sup' } }),
        t('.'),
      ),
    ]);
  });

  it('orders marks as the editor does and keeps only links beside code', () => {
    expect(blocks('***both*** **`code in bold`** [**`x`**](https://x.io)')).toEqual([
      p(t('both', { type: 'em' }, { type: 'strong' }), t(' '), t('code in bold', { type: 'code' }), t(' '), t('x', { type: 'link', attrs: { href: 'https://x.io' } }, { type: 'code' })),
    ]);
  });

  it('reads colours from <span style>', () => {
    expect(blocks('<span style="color: #ff5630">red</span> <span style="background-color:#fff0b3">marked</span>')).toEqual([
      p(t('red', { type: 'textColor', attrs: { color: '#ff5630' } }), t(' '), t('marked', { type: 'backgroundColor', attrs: { color: '#fff0b3' } })),
    ]);
  });

  it('reads mentions, emoji, statuses, dates and cards', () => {
    expect(blocks('Hi [@Ann Lee](mention:abc-123), [@user](mention:xyz) :wave: [STATUS: In review | purple, subtle] [STATUS: Done] [DATE: 2025-03-14] <https://x.atlassian.net/browse/A-1> https://plain.io')).toEqual([
      p(
        t('Hi '),
        { type: 'mention', attrs: { id: 'abc-123', text: '@Ann Lee' } },
        t(', '),
        { type: 'mention', attrs: { id: 'xyz' } },
        t(' '),
        { type: 'emoji', attrs: { shortName: ':wave:' } },
        t(' '),
        { type: 'status', attrs: { text: 'In review', color: 'purple', style: 'subtle' } },
        t(' '),
        { type: 'status', attrs: { text: 'Done', color: 'neutral' } },
        t(' '),
        { type: 'date', attrs: { timestamp: '1741910400000' } },
        t(' '),
        { type: 'inlineCard', attrs: { url: 'https://x.atlassian.net/browse/A-1' } },
        t(' '),
        t('https://plain.io', { type: 'link', attrs: { href: 'https://plain.io' } }),
      ),
    ]);
    expect(blocks('[https://x.io/A-2](https://x.io/A-2 "block-card")')).toEqual([{ type: 'blockCard', attrs: { url: 'https://x.io/A-2' } }]);
  });

  it('reads images as media singles and file links as file cards, inline files as inline media', () => {
    expect(blocks('![shot.png](attachment:m-1?width=800&height=600&layout=wide "Caption")\n\n![](https://x.io/a.png)\n\n[report.pdf](attachment:m-2) [attachment](attachment:m-3?collection=c)\n\nSee [log.txt](attachment:m-4) here.')).toEqual([
      {
        type: 'mediaSingle',
        attrs: { layout: 'wide' },
        content: [
          { type: 'media', attrs: { type: 'file', id: 'm-1', collection: '', width: 800, height: 600, alt: 'shot.png' } },
          { type: 'caption', content: [t('Caption')] },
        ],
      },
      { type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'external', url: 'https://x.io/a.png' } }] },
      {
        type: 'mediaGroup',
        content: [
          { type: 'media', attrs: { type: 'file', id: 'm-2', collection: '', alt: 'report.pdf' } },
          { type: 'media', attrs: { type: 'file', id: 'm-3', collection: 'c' } },
        ],
      },
      p(t('See '), { type: 'mediaInline', attrs: { type: 'file', id: 'm-4', collection: '', alt: 'log.txt' } }, t(' here.')),
    ]);
  });

  it('sets an image in a sentence apart from the text (ADF keeps media out of paragraphs)', () => {
    expect(blocks('Before ![x](attachment:m) after')).toEqual([
      p(t('Before')),
      { type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'file', id: 'm', collection: '', alt: 'x' } }] },
      p(t('after')),
    ]);
  });

  it('reads alerts as panels, with GitHub and Atlassian names', () => {
    const panel = (type: string): AdfNode[] => blocks(`> [!${type}]\n> Body`);
    expect(panel('NOTE')).toEqual([{ type: 'panel', attrs: { panelType: 'info' }, content: [p(t('Body'))] }]);
    expect(['IMPORTANT', 'TIP', 'WARNING', 'CAUTION', 'SUCCESS', 'info', 'Error'].map((name) => panel(name)[0]!.attrs?.panelType)).toEqual(['note', 'tip', 'warning', 'error', 'success', 'info', 'error']);
    expect(blocks('> [!NOTE]')).toEqual([{ type: 'panel', attrs: { panelType: 'info' }, content: [{ type: 'paragraph' }] }]);
    expect(blocks('> [!NOTE] not an alert title')[0]!.type).toBe('blockquote');
  });

  it('reads <details> as expands, nested ones as nested expands', () => {
    expect(blocks('<details>\n<summary>Logs &amp; more</summary>\n\nBody\n\n<details><summary>Inner</summary>\n\nDeep\n\n</details>\n\n</details>')).toEqual([
      { type: 'expand', attrs: { title: 'Logs & more' }, content: [p(t('Body')), { type: 'nestedExpand', attrs: { title: 'Inner' }, content: [p(t('Deep'))] }] },
    ]);
  });

  it('reads task lists with ids, and splits lists where tasks start and stop', () => {
    expect(blocks('- [ ] one\n- [x] two\n  - [ ] nested\n- plain\n- [ ]')).toEqual([
      {
        type: 'taskList',
        attrs: { localId: 'id-5' },
        content: [
          { type: 'taskItem', attrs: { localId: 'id-1', state: 'TODO' }, content: [t('one')] },
          { type: 'taskItem', attrs: { localId: 'id-2', state: 'DONE' }, content: [t('two')] },
          { type: 'taskList', attrs: { localId: 'id-4' }, content: [{ type: 'taskItem', attrs: { localId: 'id-3', state: 'TODO' }, content: [t('nested')] }] },
        ],
      },
      { type: 'bulletList', content: [item(p(t('plain')))] },
      { type: 'taskList', attrs: { localId: 'id-7' }, content: [{ type: 'taskItem', attrs: { localId: 'id-6', state: 'TODO' } }] },
    ]);
    const { doc } = markdownToAdf('- [ ] a');
    expect(doc.content[0]!.attrs?.localId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads nested and numbered lists', () => {
    expect(blocks('3. three\n4. four\n   - a\n     1. deep')).toEqual([
      { type: 'orderedList', attrs: { order: 3 }, content: [item(p(t('three'))), item(p(t('four')), { type: 'bulletList', content: [item(p(t('a')), { type: 'orderedList', attrs: { order: 1 }, content: [item(p(t('deep')))] })] })] },
    ]);
  });

  it('reads code fences with their language and the options ADF knows, and indented code', () => {
    expect(blocks('```java wrap=true title="A B" uniqueId="u 1"\nint x;\n```\n\n    indented\n\n```\n```')).toEqual([
      { type: 'codeBlock', attrs: { language: 'java', wrap: true, uniqueId: 'u 1' }, content: [t('int x;')] },
      { type: 'codeBlock', content: [t('indented')] },
      { type: 'codeBlock' },
    ]);
  });

  it('reads tables: header row, merged cells, paragraphs and lists in cells, escaped pipes', () => {
    const [table] = blocks('| A | < | `x\\|y` |\n|---|---|---|\n| ^ | < | one<br><br>two |\n| a\\|b | <ul><li>i<ol start="2"><li>ii</li></ol></li></ul> | \\< |');
    const cell = (type: string, content: AdfNode[], attrs?: Record<string, unknown>): AdfNode => ({ type, ...(attrs ? { attrs } : {}), content });
    expect(table).toEqual({
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', [p(t('A'))], { colspan: 2, rowspan: 2 }), cell('tableHeader', [p(t('x|y', { type: 'code' }))])] },
        { type: 'tableRow', content: [cell('tableCell', [p(t('one')), p(t('two'))])] },
        {
          type: 'tableRow',
          content: [
            cell('tableCell', [p(t('a|b'))]),
            cell('tableCell', [{ type: 'bulletList', content: [item(p(t('i')), { type: 'orderedList', attrs: { order: 2 }, content: [item(p(t('ii')))] })] }]),
            cell('tableCell', [p(t('<'))]),
          ],
        },
      ],
    });
  });

  it('reads a table with an empty header row as a table without one', () => {
    expect(blocks('| | |\n|---|---|\n| a | |')).toEqual([{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('a'))] }, { type: 'tableCell', content: [{ type: 'paragraph' }] }] }] }]);
  });

  it('reads quotes, rules and HTML it does not know as text', () => {
    expect(blocks('> quoted\n\n---\n\n<div>html</div>\n\n<!-- a comment -->\n\n<br>')).toEqual([
      { type: 'blockquote', content: [p(t('quoted'))] },
      { type: 'rule' },
      p(t('<div>html</div>')),
      p({ type: 'hardBreak' }),
    ]);
  });

  it('reads escaped text as text', () => {
    expect(blocks('\\*not bold\\* \\:smile: https\\://x.io a\\@b.co \\[STATUS: x\\] 10:30:45')).toEqual([p(t('*not bold* :smile: https://x.io a@b.co [STATUS: x] 10:30:45'))]);
  });
});

describe('markdownToAdf: Markdown that ADF does not nest the same way', () => {
  it('fits headings, quotes, tables and rules into list items, and keeps the text', () => {
    const [list] = blocks('- ## Heading in item\n  > quoted in item\n\n  | a |\n  |---|\n  | b |\n\n  ---\n- <details><summary>T</summary>\n\n  body\n\n  </details>');
    expect(list).toEqual({
      type: 'bulletList',
      content: [
        item(p(t('Heading in item', { type: 'strong' })), p(t('quoted in item')), p(t('a')), p(t('b'))),
        item(p(t('T', { type: 'strong' })), p(t('body'))),
      ],
    });
  });

  it('fits tables and expands into panels and quotes, and panels into panels', () => {
    expect(blocks('> [!NOTE]\n> | a |\n> |---|\n> | b |\n>\n> > [!TIP]\n> > inner')).toEqual([{ type: 'panel', attrs: { panelType: 'info' }, content: [p(t('a')), p(t('b')), p(t('inner'))] }]);
    expect(blocks('> # Quoted heading\n> - [ ] task')).toEqual([
      { type: 'blockquote', content: [p(t('Quoted heading', { type: 'strong' })), { type: 'bulletList', content: [item(p(t('☐ task')))] }] },
    ]);
  });

  it('starts a list item with a paragraph and never leaves a container empty', () => {
    expect(blocks('- - nested first\n-\n\n>')).toEqual([
      { type: 'bulletList', content: [item({ type: 'paragraph' }, { type: 'bulletList', content: [item(p(t('nested first')))] }), item({ type: 'paragraph' })] },
      { type: 'blockquote', content: [{ type: 'paragraph' }] },
    ]);
  });

  it('flattens blocks in a task into lines of the task', () => {
    expect(blocks('- [ ] first\n\n  second paragraph\n\n  ```\n  code\n  ```')[0]!.content![0]).toEqual({
      type: 'taskItem',
      attrs: { localId: 'id-1', state: 'TODO' },
      content: [t('first'), { type: 'hardBreak' }, t('second paragraph'), { type: 'hardBreak' }, t('code', { type: 'code' })],
    });
  });

  it('keeps nesting as written when asked (for formats that nest freely)', () => {
    const { doc } = markdownToAdf('> [!NOTE]\n> | a |\n> |---|\n> | b |', { strictNesting: false });
    expect(doc.content[0]!.content![0]!.type).toBe('table');
  });
});

describe('markdownToAdf: placeholders', () => {
  const extension: AdfNode = { type: 'extension', attrs: { extensionType: 'x', extensionKey: 'toc' } };
  const inlineExt: AdfNode = { type: 'inlineExtension', attrs: { extensionType: 'x', extensionKey: 'anchor' } };
  const preserved = [
    { id: 1, kind: 'extension', node: extension, block: true },
    { id: 2, kind: 'inlineExtension', node: inlineExt },
  ];

  it('brings back kept nodes, inline and block, and says which are missing or unknown', () => {
    const result = markdownToAdf('<!-- tether:keep 2 inlineExtension: anchor --> starts the line\n\n<!-- tether:keep 9 nothing -->', { preserved });
    expect(result.doc.content).toEqual([p(inlineExt, t(' starts the line'))]);
    expect(result.missingPreserved).toEqual([preserved[0]]);
    expect(result.unknownPlaceholders).toEqual([9]);
    expect(result.doc.content[0]!.content![0]).not.toBe(inlineExt);
  });

  it('sets a block node written inside a sentence apart, and wraps an inline node alone in a paragraph', () => {
    const result = markdownToAdf('Text <!-- tether:keep 1 --> more\n\n<!-- tether:keep 2 -->', { preserved });
    expect(result.doc.content).toEqual([p(t('Text')), extension, p(t('more')), p(inlineExt)]);
  });

  it('fills a container with the Markdown between its markers', () => {
    const panel: AdfNode = { type: 'panel', attrs: { panelType: 'custom', panelColor: '#E3FCEF' }, content: [p(t('old'))] };
    const result = markdownToAdf('<!-- tether:begin 1 panel -->\n\nnew **text**\n\n<!-- tether:end 1 -->\n\nafter', { preserved: [{ id: 1, kind: 'panel', node: panel, holes: [[]], block: true }] });
    expect(result.doc.content).toEqual([{ ...panel, content: [p(t('new '), t('text', { type: 'strong' }))] }, p(t('after'))]);
    expectValidAdf(result.doc);
  });

  it('ignores HTML comments that are not ours, and text that only looks like a placeholder', () => {
    expect(markdownToAdf('a <!-- note --> b\n\n\\<!-- tether:keep 1 -->', { preserved }).doc.content).toEqual([p(t('a  b')), p(t('<!-- tether:keep 1 -->'))]);
  });
});
