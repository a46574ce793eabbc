import { describe, expect, it } from 'vitest';
import { markdownToStorage } from '../../../../src-main/core/content/markdown-to-storage.ts';
import type { PreservedElement } from '../../../../src-main/core/content/preserved.ts';
import { parseStorage } from '../../../../src-main/core/content/storage-dom.ts';

const storage = (markdown: string, preserved?: PreservedElement[]): string => markdownToStorage(markdown, { preserved }).storage;

/** Storage must parse as XML: every element closed, in order. */
function expectWellFormed(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (match[3] === '/') continue;
    if (match[1] === '/') expect(stack.pop()).toBe(match[2]);
    else stack.push(match[2]!);
  }
  expect(stack).toEqual([]);
  expect(body).not.toMatch(/&(?!(amp|lt|gt|quot|#\d+);)/);
  expect(() => parseStorage(xml)).not.toThrow();
}

describe('markdownToStorage: text', () => {
  it('writes headings, paragraphs and emphasis', () => {
    expect(storage('# Plan\n\nSome **bold**, *it*, ~~gone~~, <u>under</u>, `a < b` and H<sub>2</sub>O.')).toBe(
      '<h1>Plan</h1><p>Some <strong>bold</strong>, <em>it</em>, <s>gone</s>, <u>under</u>, <code>a &lt; b</code> and H<sub>2</sub>O.</p>',
    );
  });

  it('escapes text for XML and decodes Markdown entities and escapes', () => {
    const xml = storage('Fish & chips <not a tag> \\*literal\\* &copy; &amp; R&D "quoted"');
    expect(xml).toBe('<p>Fish &amp; chips &lt;not a tag&gt; *literal* © &amp; R&amp;D "quoted"</p>');
    expectWellFormed(xml);
  });

  it('writes soft breaks as spaces and hard breaks as <br />', () => {
    expect(storage('one\ntwo\\\nthree')).toBe('<p>one two<br />three</p>');
  });

  it('shows HTML it does not know as text, and balances the tags it does', () => {
    const xml = storage('a <script>alert(1)</script> <u>open <b>bold</u> end');
    expect(xml).toBe('<p>a &lt;script&gt;alert(1)&lt;/script&gt; <u>open <strong>bold</strong></u> end</p>');
    expectWellFormed(xml);
    expect(storage('<div>block html</div>')).toBe('<p>&lt;div&gt;block html&lt;/div&gt;</p>');
  });

  it('writes fenced code as a code macro with its language and options', () => {
    expect(storage('```python title="Say hi" linenumbers=true\nprint("<hi> & bye")\n```')).toBe(
      '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">python</ac:parameter><ac:parameter ac:name="title">Say hi</ac:parameter><ac:parameter ac:name="linenumbers">true</ac:parameter><ac:plain-text-body><![CDATA[print("<hi> & bye")]]></ac:plain-text-body></ac:structured-macro>',
    );
    expect(storage('```\nplain\n```')).toBe('<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:plain-text-body><![CDATA[plain]]></ac:plain-text-body></ac:structured-macro>');
    expect(storage('```noformat\nraw\n```')).toContain('ac:name="noformat"');
  });

  it('splits ]]> inside code across two CDATA sections', () => {
    const xml = storage('```xml\n<a><![CDATA[x]]></a>\n```');
    expect(xml).toContain('<![CDATA[<a><![CDATA[x]]]]><![CDATA[></a>]]>');
    expectWellFormed(xml);
  });
});

describe('markdownToStorage: lists, tasks, tables', () => {
  it('writes nested and ordered lists', () => {
    expect(storage('- a\n\n  3. x\n  4. y\n\n- b')).toBe('<ul><li><p>a</p><ol start="3"><li><p>x</p></li><li><p>y</p></li></ol></li><li><p>b</p></li></ul>');
  });

  it('writes task lists as Confluence tasks, nested ones included', () => {
    expect(storage('- [x] Ship [@Dana](mention:abc) [DATE: 2025-05-01]\n- [ ] Notes\n  - [ ] Draft')).toBe(
      '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Ship <ac:link><ri:user ri:account-id="abc" /></ac:link> <time datetime="2025-05-01" /></ac:task-body></ac:task>' +
        '<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Notes</ac:task-body></ac:task>' +
        '<ac:task-list><ac:task><ac:task-id>3</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Draft</ac:task-body></ac:task></ac:task-list></ac:task-list>',
    );
  });

  it('writes an empty task, and splits a list that mixes tasks and plain items', () => {
    expect(storage('- [ ]\n- [x] done')).toBe(
      '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body></ac:task-body></ac:task><ac:task><ac:task-id>2</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>done</ac:task-body></ac:task></ac:task-list>',
    );
    expect(storage('1. first\n2. [ ] check\n3. third')).toBe(
      '<ol><li><p>first</p></li></ol><ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>check</ac:task-body></ac:task></ac:task-list><ol start="3"><li><p>third</p></li></ol>',
    );
  });

  it('reads a status token inside a table cell, where its bar is escaped', () => {
    expect(storage('| State |\n|---|\n| [STATUS: DONE \\| green] |')).toContain('<td><p><ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Green</ac:parameter>');
  });

  it('writes tables, drops an empty header row and honours <br> and lists in cells', () => {
    expect(storage('| Name | Role |\n|---|---|\n| Ann | Dev \\| Ops |')).toBe(
      '<table><tbody><tr><th><p>Name</p></th><th><p>Role</p></th></tr><tr><td><p>Ann</p></td><td><p>Dev | Ops</p></td></tr></tbody></table>',
    );
    expect(storage('| | |\n|---|---|\n| a<br>b | <ul><li>x</li></ul> |')).toBe('<table><tbody><tr><td><p>a<br />b</p></td><td><ul><li>x</li></ul></td></tr></tbody></table>');
  });
});

describe('markdownToStorage: links, images, Confluence tokens', () => {
  it('writes page links, keeping the title as the body only when it differs', () => {
    expect(storage('[Deploy guide](<confluence-page:ENG/Deploy guide>)')).toBe('<p><ac:link><ri:page ri:space-key="ENG" ri:content-title="Deploy guide" /></ac:link></p>');
    expect(storage('[how to roll back](confluence-page:Ops#Rollback)')).toBe(
      '<p><ac:link ac:anchor="Rollback"><ri:page ri:content-title="Ops" /><ac:plain-text-link-body><![CDATA[how to roll back]]></ac:plain-text-link-body></ac:link></p>',
    );
    expect(storage('[**pipeline**](confluence-page:/CI/CD)')).toBe('<p><ac:link><ri:page ri:content-title="CI/CD" /><ac:link-body><strong>pipeline</strong></ac:link-body></ac:link></p>');
  });

  it('writes URL, anchor and attachment links', () => {
    expect(storage('[docs](https://example.com/a?b=1&c=2) <https://example.com> [top](#top) [spec.pdf](attachment:spec.pdf)')).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2">docs</a> <a href="https://example.com">https://example.com</a> <ac:link ac:anchor="top" /> <ac:link><ri:attachment ri:filename="spec.pdf" /></ac:link></p>'.replace(
        '<ac:link ac:anchor="top" />',
        '<ac:link ac:anchor="top"></ac:link>',
      ),
    );
  });

  it('writes images from attachments (with options) and from URLs', () => {
    expect(storage('![Flow & more](<attachment:flow chart.png?width=600&align=center>)')).toBe(
      '<p><ac:image ac:alt="Flow &amp; more" ac:width="600" ac:align="center"><ri:attachment ri:filename="flow chart.png" /></ac:image></p>',
    );
    expect(storage('![](https://example.com/logo.png "Logo")')).toBe('<p><ac:image ac:title="Logo"><ri:url ri:value="https://example.com/logo.png" /></ac:image></p>');
  });

  it('writes mentions back to ri:user whatever their label says', () => {
    expect(storage('[@Someone](mention:557058:f00) [@x](mention:userkey=8a7f) [@y](mention:username=jdoe)')).toBe(
      '<p><ac:link><ri:user ri:account-id="557058:f00" /></ac:link> <ac:link><ri:user ri:userkey="8a7f" /></ac:link> <ac:link><ri:user ri:username="jdoe" /></ac:link></p>',
    );
  });

  it('writes status tokens back to status macros, colour and subtlety included', () => {
    expect(storage('[STATUS: DONE | green] [STATUS: TO DO] [status: wip | Blue, subtle]')).toBe(
      '<p><ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">DONE</ac:parameter></ac:structured-macro> ' +
        '<ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="title">TO DO</ac:parameter></ac:structured-macro> ' +
        '<ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Blue</ac:parameter><ac:parameter ac:name="title">wip</ac:parameter><ac:parameter ac:name="subtle">true</ac:parameter></ac:structured-macro></p>',
    );
  });

  it('keeps escaped brackets as text, never as a status', () => {
    expect(storage('\\[STATUS: DONE\\]')).toBe('<p>[STATUS: DONE]</p>');
  });

  it('writes known emoji and shortcodes back as emoticons', () => {
    expect(storage('✅ ⚠️ :red-star: 🚀')).toBe('<p><ac:emoticon ac:name="tick" /> <ac:emoticon ac:name="warning" /> <ac:emoticon ac:name="red-star" /> 🚀</p>');
  });

  it('writes GitHub alerts back to panels, with the title', () => {
    expect(storage('> [!WARNING] Careful\n> One.\n>\n> - Two')).toBe(
      '<ac:structured-macro ac:name="warning" ac:schema-version="1"><ac:parameter ac:name="title">Careful</ac:parameter><ac:rich-text-body><p>One.</p><ul><li><p>Two</p></li></ul></ac:rich-text-body></ac:structured-macro>',
    );
    expect(storage('> [!NOTE]\n> x')).toBe('<ac:structured-macro ac:name="info" ac:schema-version="1"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>');
    expect(storage('> [!IMPORTANT]\n> x')).toContain('ac:name="note"');
    expect(storage('> [!TIP]\n> x')).toContain('ac:name="tip"');
    expect(storage('> [!CAUTION]\n> x')).toContain('ac:name="warning"');
    expect(storage('> just a quote')).toBe('<blockquote><p>just a quote</p></blockquote>');
  });
});

describe('markdownToStorage: whatever a model writes comes out well-formed', () => {
  it.each([
    'Setext\n======\n\n* star\n+ plus\n\n1) paren\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nfoo  \nbar www.example.com <a@b.co>\n\n[ref][r]\n\n[r]: https://ref.example "T"\n\n> > nested\n\n***\n\n    indented code',
    'A <b>bold <i>and</u> broken</b> <img src=x onerror=y> <br> & < > " \' \u0001 \uFFFF',
    '- a\n  > quote in a list\n  ```js\n  code in a list\n  ```\n- [ ] task with **bold** and [link](https://x.example/?a=1&b=2)',
    '| <ul><li>open | <li>stray</ul></li> |\n|---|---|\n| x | y |',
    '![alt "quoted" & <b>](attachment:a&b.png?width=1&evil="x") [t](confluence-page:S/A "quote" & <b>)',
    '<!-- tether:begin 1 -->\n\n<!-- tether:end 7 -->\n<!-- tether:next 3 --> text <!-- tether:keep 2 -->',
  ])('%#', (markdown) => {
    expectWellFormed(storage(markdown));
  });
});

describe('markdownToStorage: placeholders', () => {
  const jira: PreservedElement = { id: 1, kind: 'jira-macro', xml: '<ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">A-1</ac:parameter></ac:structured-macro>' };
  const toc: PreservedElement = { id: 2, kind: 'toc-macro', xml: '<ac:structured-macro ac:name="toc" />', block: true };
  const expand: PreservedElement = {
    id: 3,
    kind: 'expand-macro',
    xml: '<ac:structured-macro ac:name="expand"><ac:rich-text-body><p>old</p></ac:rich-text-body></ac:structured-macro>',
    parts: ['<ac:structured-macro ac:name="expand"><ac:rich-text-body>', '</ac:rich-text-body></ac:structured-macro>'],
  };

  it('brings back the exact original storage, inline or on its own line', () => {
    const result = markdownToStorage('<!-- tether:keep 2 toc-macro -->\n\nBlocked by <!-- tether:keep 1 jira-macro: A-1 -->.', { preserved: [jira, toc] });
    expect(result.storage).toBe(`${toc.xml}<p>Blocked by ${jira.xml}.</p>`);
    expect(result.missingPreserved).toEqual([]);
    expect(result.unknownPlaceholders).toEqual([]);
  });

  it('treats a line that starts with an inline placeholder as a paragraph', () => {
    expect(storage('<!-- tether:keep 1 jira-macro --> is *blocking*', [jira])).toBe(`<p>${jira.xml} is <em>blocking</em></p>`);
  });

  it('wraps the edited body of a container in its original markup', () => {
    const result = markdownToStorage('<!-- tether:begin 3 expand-macro -->\n\nnew **text**\n\n<!-- tether:end 3 -->', { preserved: [expand] });
    expect(result.storage).toBe('<ac:structured-macro ac:name="expand"><ac:rich-text-body><p>new <strong>text</strong></p></ac:rich-text-body></ac:structured-macro>');
  });

  it('closes a container whose end marker was deleted at the end of its run', () => {
    const xml = storage('<!-- tether:begin 3 expand-macro -->\n\nbody', [expand]);
    expect(xml).toBe('<ac:structured-macro ac:name="expand"><ac:rich-text-body><p>body</p></ac:rich-text-body></ac:structured-macro>');
    expectWellFormed(xml);
  });

  it('fills missing layout cells and merges extra ones, so the markup stays balanced', () => {
    const layout: PreservedElement = { id: 1, kind: 'layout', xml: '', parts: ['<L><C>', '</C><C>', '</C></L>'] };
    expect(storage('<!-- tether:begin 1 layout -->\n\nonly one\n\n<!-- tether:end 1 -->', [layout])).toBe('<L><C><p>only one</p></C><C></C></L>');
    expect(storage('<!-- tether:begin 1 -->\n\na\n\n<!-- tether:next 1 -->\n\nb\n\n<!-- tether:next 1 -->\n\nc\n\n<!-- tether:end 1 -->', [layout])).toBe('<L><C><p>a</p></C><C><p>b</p><p>c</p></C></L>');
  });

  it('reports preserved elements whose placeholder is gone, and placeholders it does not know', () => {
    const result = markdownToStorage('Text <!-- tether:keep 9 mystery -->', { preserved: [jira, toc] });
    expect(result.storage).toBe('<p>Text</p>');
    expect(result.missingPreserved.map((p) => p.id)).toEqual([1, 2]);
    expect(result.unknownPlaceholders).toEqual([9]);
  });

  it('drops ordinary HTML comments', () => {
    expect(storage('a <!-- note to self --> b\n\n<!-- block comment -->')).toBe('<p>a  b</p>');
  });
});
