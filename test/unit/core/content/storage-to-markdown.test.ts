import { describe, expect, it } from 'vitest';
import { storageToMarkdown } from '../../../../src-main/core/content/storage-to-markdown.ts';

const md = (storage: string, names: Record<string, string> = {}): string => storageToMarkdown(storage, { mentionName: (id) => names[id] }).markdown.trim();

const macro = (name: string, params: Record<string, string>, body = ''): string =>
  `<ac:structured-macro ac:name="${name}" ac:schema-version="1">${Object.entries(params)
    .map(([k, v]) => `<ac:parameter ac:name="${k}">${v}</ac:parameter>`)
    .join('')}${body}</ac:structured-macro>`;

describe('storageToMarkdown: text', () => {
  it('writes headings, paragraphs and emphasis', () => {
    expect(md('<h1>Plan</h1><h3>Scope &amp; goals</h3><p>Some <strong>bold</strong>, <em>italic</em>, <s>gone</s>, <u>under</u> and <code>a &lt; b</code>.</p>')).toBe(
      '# Plan\n\n### Scope & goals\n\nSome **bold**, *italic*, ~~gone~~, <u>under</u> and `a < b`.',
    );
  });

  it('moves spaces out of emphasis and drops empty formatting', () => {
    expect(md('<p>a<strong> b </strong>c<em></em></p>')).toBe('a **b** c');
  });

  it('decodes HTML entities and collapses white space', () => {
    expect(md('<p>caf&eacute;&nbsp;&ndash;\n   &#x41;&#66; &lt;tag&gt;</p>')).toBe('café – AB \\<tag>');
  });

  it('escapes what Markdown would otherwise interpret, and nothing more', () => {
    expect(md('<p>2 * 3 = [x] and snake_case but _this_ and `tick` \\ back &amp;amp; ~~ ~/home</p>')).toBe(
      '2 \\* 3 = \\[x\\] and snake_case but \\_this\\_ and \\`tick\\` \\\\ back \\&amp; \\~\\~ ~/home',
    );
    expect(md('<p># not a heading</p><p>1. not a list</p><p>- nor this</p><p>&gt; nor a quote</p>')).toBe('\\# not a heading\n\n1\\. not a list\n\n\\- nor this\n\n\\> nor a quote');
  });

  it('writes line breaks as hard breaks and a horizontal rule as ---', () => {
    expect(md('<p>one<br />two<br /></p><hr /><p>three</p>')).toBe('one\\\ntwo\n\n---\n\nthree');
  });

  it('escapes a trailing # that would close a heading', () => {
    expect(md('<h2>Issue #</h2><h2>C#</h2>')).toBe('## Issue \\#\n\n## C#');
  });

  it('writes a code block with its language and options', () => {
    const storage = macro('code', { language: 'python', title: 'Say hi', linenumbers: 'true' }, '<ac:plain-text-body><![CDATA[print("<hi> & bye")\n```inner```]]></ac:plain-text-body>');
    expect(md(storage)).toBe('````python title="Say hi" linenumbers=true\nprint("<hi> & bye")\n```inner```\n````');
  });

  it('joins a CDATA section split around ]]>', () => {
    expect(md(macro('code', { language: 'xml' }, '<ac:plain-text-body><![CDATA[a]]]]><![CDATA[>b]]></ac:plain-text-body>'))).toBe('```xml\na]]>b\n```');
  });

  it('writes noformat as a fence marked noformat', () => {
    expect(md(macro('noformat', {}, '<ac:plain-text-body><![CDATA[raw text]]></ac:plain-text-body>'))).toBe('```noformat\nraw text\n```');
  });
});

describe('storageToMarkdown: lists and tasks', () => {
  it('writes nested and ordered lists', () => {
    expect(md('<ul><li><p>a</p><ol start="3"><li>x</li><li>y</li></ol></li><li>b</li></ul>')).toBe('- a\n\n  3. x\n  4. y\n\n- b');
  });

  it('keeps a list written directly inside a list with the item before it', () => {
    expect(md('<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>')).toBe('- a\n  - b\n- c');
  });

  it('writes items with several paragraphs as a loose list', () => {
    expect(md('<ol><li><p>one</p><p>more</p></li><li><p>two</p></li></ol>')).toBe('1. one\n\n   more\n\n2. two');
  });

  it('writes task lists with their state, mentions and dates', () => {
    const storage =
      '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Ship it <ac:link><ri:user ri:account-id="abc-123" /></ac:link> <time datetime="2025-05-01" /></ac:task-body></ac:task>' +
      '<ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body><span class="placeholder-inline-tasks">Write notes</span></ac:task-body></ac:task></ac:task-list>';
    expect(md(storage, { 'abc-123': 'Dana Reyes' })).toBe('- [x] Ship it [@Dana Reyes](mention:abc-123) [DATE: 2025-05-01]\n- [ ] Write notes');
  });

  it('writes an empty task and nested task lists', () => {
    const task = (id: number, body: string): string => `<ac:task><ac:task-id>${id}</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>${body}</ac:task-body></ac:task>`;
    expect(md(`<ac:task-list>${task(1, '')}${task(2, 'parent')}<ac:task-list>${task(3, 'child')}</ac:task-list></ac:task-list>`)).toBe('- [ ]\n- [ ] parent\n  - [ ] child');
  });
});

describe('storageToMarkdown: tables', () => {
  it('writes a GFM table with a header row', () => {
    expect(md('<table><tbody><tr><th><p>Name</p></th><th><p>Role</p></th></tr><tr><td><p>Ann</p></td><td><p>Dev | Ops</p></td></tr></tbody></table>')).toBe(
      '| Name | Role |\n|---|---|\n| Ann | Dev \\| Ops |',
    );
  });

  it('gives a table without header cells an empty header row', () => {
    expect(md('<table><tr><td>a</td><td>b</td></tr></table>')).toBe('| | |\n|---|---|\n| a | b |');
  });

  it('keeps every cell text when cells span rows and columns or hold blocks', () => {
    const storage =
      '<table><tbody><tr><th>A</th><th>B</th><th>C</th></tr><tr><td rowspan="2">tall</td><td colspan="2">wide</td></tr><tr><td><p>one</p><p>two</p></td><td><ul><li>x</li><li>y</li></ul></td></tr></tbody></table>';
    expect(md(storage)).toBe('| A | B | C |\n|---|---|---|\n| tall | wide | |\n| | one<br>two | <ul><li>x</li><li>y</li></ul> |');
  });

  it('keeps a code block inside a cell behind a placeholder', () => {
    const result = storageToMarkdown(`<table><tr><td>${macro('code', { language: 'sql' }, '<ac:plain-text-body><![CDATA[select 1]]></ac:plain-text-body>')}</td></tr></table>`);
    expect(result.markdown).toContain('| <!-- tether:keep 1 code-macro: language=sql --> |');
    expect(result.preserved[0]).toMatchObject({ id: 1, kind: 'code-macro', block: true });
  });
});

describe('storageToMarkdown: links, images, mentions', () => {
  it('writes page links readably, with the space key and anchor when there are', () => {
    expect(md('<p><ac:link><ri:page ri:space-key="ENG" ri:content-title="Deploy guide" /></ac:link></p>')).toBe('[Deploy guide](<confluence-page:ENG/Deploy guide>)');
    expect(md('<p><ac:link ac:anchor="Rollback"><ri:page ri:content-title="Ops" /><ac:plain-text-link-body><![CDATA[how to roll back]]></ac:plain-text-link-body></ac:link></p>')).toBe(
      '[how to roll back](confluence-page:Ops#Rollback)',
    );
    expect(md('<p><ac:link><ri:page ri:content-title="CI/CD" /><ac:link-body><strong>pipeline</strong></ac:link-body></ac:link></p>')).toBe('[**pipeline**](confluence-page:/CI/CD)');
  });

  it('writes URL links, autolinks and anchor links', () => {
    expect(md('<p><a href="https://example.com/a?b=1&amp;c=2">docs</a> <a href="https://example.com">https://example.com</a> <ac:link ac:anchor="top" /></p>')).toBe(
      '[docs](https://example.com/a?b=1&c=2) <https://example.com> [top](#top)',
    );
  });

  it('writes attachments and images with their display options', () => {
    expect(md('<p><ac:link><ri:attachment ri:filename="spec v2.pdf" /></ac:link></p>')).toBe('[spec v2.pdf](<attachment:spec v2.pdf>)');
    expect(md('<p><ac:image ac:alt="Flow" ac:width="600" ac:original-width="1200"><ri:attachment ri:filename="flow.png" /></ac:image></p>')).toBe('![Flow](attachment:flow.png?width=600)');
    expect(md('<p><ac:image ac:title="Logo"><ri:url ri:value="https://example.com/logo.png" /></ac:image></p>')).toBe('![](https://example.com/logo.png "Logo")');
  });

  it('writes mentions with the name when known and the id always', () => {
    expect(md('<p><ac:link><ri:user ri:account-id="557058:f00" /></ac:link> and <ac:link><ri:user ri:account-id="x9" /></ac:link></p>', { '557058:f00': 'Li *Wei*' })).toBe(
      '[@Li \\*Wei\\*](mention:557058:f00) and [@user](mention:x9)',
    );
    expect(md('<p><ac:link><ri:user ri:userkey="8a7f808a" /></ac:link></p>')).toBe('[@8a7f808a](mention:userkey=8a7f808a)');
  });

  it('keeps links to other kinds of content behind a placeholder', () => {
    const result = storageToMarkdown('<p>See <ac:link><ri:blog-post ri:content-title="News" ri:posting-day="2025/01/02" /></ac:link>.</p>');
    expect(result.markdown.trim()).toBe('See <!-- tether:keep 1 link to ri:blog-post: News 2025/01/02 -->.');
  });
});

describe('storageToMarkdown: macros and Confluence elements', () => {
  it('writes info/note/tip/warning panels as GitHub alerts with their title', () => {
    expect(md(macro('info', {}, '<ac:rich-text-body><p>Read me.</p></ac:rich-text-body>'))).toBe('> [!NOTE]\n> Read me.');
    expect(md(macro('warning', { title: 'Careful' }, '<ac:rich-text-body><p>One.</p><ul><li>Two</li></ul></ac:rich-text-body>'))).toBe('> [!WARNING] Careful\n> One.\n>\n> - Two');
    expect(md(macro('note', {}, '<ac:rich-text-body><p>x</p></ac:rich-text-body>'))).toBe('> [!IMPORTANT]\n> x');
    expect(md(macro('tip', {}, '<ac:rich-text-body><p>y</p></ac:rich-text-body>'))).toBe('> [!TIP]\n> y');
  });

  it('writes status lozenges as readable tokens', () => {
    expect(md(`<p>${macro('status', { colour: 'Green', title: 'DONE' })} ${macro('status', { title: 'TO DO' })} ${macro('status', { colour: 'Blue', title: 'WIP', subtle: 'true' })}</p>`)).toBe(
      '[STATUS: DONE | green] [STATUS: TO DO] [STATUS: WIP | blue, subtle]',
    );
  });

  it('writes emoticons as emoji, dates as date tokens', () => {
    expect(md('<p><ac:emoticon ac:name="tick" /> <ac:emoticon ac:name="blue-star" ac:emoji-fallback="🚀" /> <ac:emoticon ac:name="red-star" /> <time datetime="2025-03-14" /></p>')).toBe(
      '✅ 🚀 :red-star: [DATE: 2025-03-14]',
    );
  });

  it('keeps macros Markdown cannot express, whole and numbered in document order', () => {
    const jira = macro('jira', { server: 'System Jira', key: 'PROJ-12' });
    const toc = macro('toc', { maxLevel: '2' });
    const result = storageToMarkdown(`${toc}<p>Blocked by ${jira}.</p>`);
    expect(result.markdown).toBe('<!-- tether:keep 1 toc-macro: maxLevel=2 -->\n\nBlocked by <!-- tether:keep 2 jira-macro: PROJ-12 -->.\n');
    expect(result.preserved).toEqual([
      { id: 1, kind: 'toc-macro', xml: toc, block: true },
      { id: 2, kind: 'jira-macro', xml: jira },
    ]);
  });

  it('keeps an expand as a container whose body stays Markdown', () => {
    const storage = macro('expand', { title: 'Details' }, '<ac:rich-text-body><p>Hidden <strong>text</strong></p></ac:rich-text-body>');
    const result = storageToMarkdown(storage);
    expect(result.markdown).toBe('<!-- tether:begin 1 expand-macro: Details -->\n\nHidden **text**\n\n<!-- tether:end 1 -->\n');
    expect(result.preserved[0]?.parts).toEqual([
      '<ac:structured-macro ac:name="expand" ac:schema-version="1"><ac:parameter ac:name="title">Details</ac:parameter><ac:rich-text-body>',
      '</ac:rich-text-body></ac:structured-macro>',
    ]);
  });

  it('keeps a panel with options as a container rather than losing its colours', () => {
    const result = storageToMarkdown(macro('info', { icon: 'false' }, '<ac:rich-text-body><p>x</p></ac:rich-text-body>'));
    expect(result.markdown).toContain('<!-- tether:begin 1 info-macro: icon=false -->');
  });

  it('keeps a layout as a container with one body per cell', () => {
    const storage =
      '<ac:layout><ac:layout-section ac:type="two_equal"><ac:layout-cell><h2>Left</h2></ac:layout-cell><ac:layout-cell><p>Right</p></ac:layout-cell></ac:layout-section><ac:layout-section ac:type="single"><ac:layout-cell><p>Below</p></ac:layout-cell></ac:layout-section></ac:layout>';
    const result = storageToMarkdown(storage);
    expect(result.markdown).toBe(
      '<!-- tether:begin 1 layout: two_equal, single -->\n\n## Left\n\n<!-- tether:next 1 cell -->\n\nRight\n\n<!-- tether:next 1 section single -->\n\nBelow\n\n<!-- tether:end 1 -->\n',
    );
    expect(result.preserved[0]?.parts).toHaveLength(4);
  });

  it('keeps inline comment markers around their text', () => {
    expect(md('<p>a <ac:inline-comment-marker ac:ref="r1">marked</ac:inline-comment-marker> b</p>')).toBe('a <!-- tether:begin 1 inline-comment -->marked<!-- tether:end 1 --> b');
  });

  it('keeps unknown Confluence elements whole', () => {
    const result = storageToMarkdown('<p><ac:placeholder>Type here</ac:placeholder></p><ac:adf-extension><ac:adf-node type="panel"><ac:adf-content><p>x</p></ac:adf-content></ac:adf-node></ac:adf-extension>');
    expect(result.preserved.map((p) => p.kind)).toEqual(['ac:placeholder', 'ac:adf-extension']);
    expect(result.markdown).toContain('<!-- tether:keep 1 ac:placeholder: Type here -->');
  });

  it('writes descriptions that cannot end the comment early', () => {
    const result = storageToMarkdown(macro('widget', { url: 'https://x.example/a-->b' }));
    expect(result.markdown).toBe('<!-- tether:keep 1 widget-macro: url=https://x.example/a– b -->\n');
  });
});

describe('storageToMarkdown: robustness', () => {
  it('is deterministic: the same storage gives the same Markdown and ids', () => {
    const storage = `${macro('toc', {})}<p>${macro('jira', { key: 'A-1' })}</p>${macro('expand', {}, '<ac:rich-text-body><p>body</p></ac:rich-text-body>')}`;
    expect(storageToMarkdown(storage)).toEqual(storageToMarkdown(storage));
  });

  it('does not throw on malformed storage and keeps its text', () => {
    const broken = [
      '<p>unclosed <strong>bold<p>next',
      '</div></p>stray closers<h2>Title',
      '<p>a<br>b</p><p>after the break</p>',
      '<ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">X-1</ac:parameter>',
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[never closed',
      '<table><tr><td>cell one<td>cell two</table>',
      '<p attr=unquoted>text &unknown; &amp</p>',
      '<ac:layout><ac:layout-section><ac:layout-cell><p>half a layout',
    ];
    for (const storage of broken) {
      const result = storageToMarkdown(storage);
      expect(typeof result.markdown).toBe('string');
    }
    expect(storageToMarkdown(broken[0]!).markdown).toContain('unclosed **bold');
    expect(storageToMarkdown(broken[0]!).markdown).toContain('next');
    expect(storageToMarkdown(broken[2]!).markdown).toBe('a\n\nb\n\nafter the break\n');
    expect(storageToMarkdown(broken[5]!).markdown).toContain('cell two');
    expect(storageToMarkdown(broken[7]!).markdown).toContain('half a layout');
  });

  it('returns nothing for an empty page', () => {
    expect(storageToMarkdown('')).toEqual({ markdown: '', preserved: [] });
    expect(storageToMarkdown('<p></p><p>&nbsp;</p>')).toEqual({ markdown: '', preserved: [] });
  });
});
