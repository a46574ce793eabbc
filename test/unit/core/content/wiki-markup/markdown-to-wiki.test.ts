import { describe, expect, it } from 'vitest';
import { markdownToWiki } from '../../../../../src-main/core/content/wiki-markup/wiki-markdown.ts';

const wiki = (markdown: string): string => markdownToWiki(markdown).trimEnd();

describe('markdownToWiki: the conventions back', () => {
  it('turns empty Markdown into an empty text', () => {
    expect(markdownToWiki('')).toBe('');
  });

  it('writes headings, paragraphs, breaks and emphasis', () => {
    expect(wiki('# Title\n\nSome **bold**, *em*, ~~gone~~, `code`, <u>ins</u>, H<sub>2</sub>O, x<sup>2</sup>.\\\nNext line')).toBe(
      'h1. Title\n\nSome *bold*, _em_, -gone-, {{code}}, +ins+, H{~}2{~}O, x{^}2{^}.\nNext line',
    );
  });

  it('nests emphasis, and braces it where a letter touches it', () => {
    expect(wiki('**bold *and italic***, un**believ**able, <span style="color: #ff5630">red **text**</span>')).toBe('*bold _and italic_*, un{*}believ{*}able, {color:#ff5630}red *text*{color}');
  });

  it('writes links, mentions, emoji, cards, statuses and dates', () => {
    expect(wiki('[docs](https://x.io/a), <https://x.io/b>, [https://x.io/c](https://x.io/c), [@John](mention:username=jsmith), [@Ann](mention:5b10ac8d82e05b22cc7d4ef5), :check_mark: :tada: [STATUS: Done | green] [DATE: 2025-03-14]')).toBe(
      '[docs|https://x.io/a], https://x.io/b, [https://x.io/c], [~jsmith], [~accountid:5b10ac8d82e05b22cc7d4ef5], (/) :tada: {color:#36B37E}*[ DONE ]*{color} {{2025-03-14}}',
    );
    // a bare id is a user name unless it looks like an account id
    expect(wiki('[@x](mention:jsmith) [@y](mention:557058:f1e2d3c4-b5a6-4789-8abc-def012345678)')).toBe('[~jsmith] [~accountid:557058:f1e2d3c4-b5a6-4789-8abc-def012345678]');
  });

  it('writes lists, nested and mixed, and task lists as Jira Cloud does', () => {
    expect(wiki('1. one\n   - two\n     1. three\n2. four\n\n- [x] done\n- [ ] to do')).toBe('# one\n#* two\n#*# three\n# four\n\n* -done-\n* to do');
  });

  it('writes code, quotes, rules and panels', () => {
    expect(wiki('```java title="A.java"\nint x = 1; // *x*\n```\n\n```noformat\nraw\n```\n\n```\nplain\n```')).toBe('{code:java|title=A.java}\nint x = 1; // *x*\n{code}\n\n{noformat}\nraw\n{noformat}\n\n{code}\nplain\n{code}');
    expect(wiki('> one line\n\n> first\n>\n> second\n\n---\n\n> [!WARNING]\n> Careful')).toBe('bq. one line\n\n{quote}\nfirst\n\nsecond\n{quote}\n\n----\n\n{panel:bgColor=#fffae6}\nCareful\n{panel}');
  });

  it('writes tables, with header cells, escaped pipes, breaks and merged cells left empty', () => {
    expect(wiki('| A | B \\| C | < |\n|---|---|---|\n| one<br>two | `x\\|y` | < |\n| ^ | c | d |')).toBe('||A||B \\| C|| ||\n|one\\\\two|{{x|y}}| |\n| |c|d|');
    expect(wiki('| | |\n|---|---|\n| a | b |')).toBe('|a|b|');
  });

  it('writes images and files', () => {
    expect(wiki('![](attachment:a.png?thumbnail=true)\n\n![The cat](attachment:cat.jpg?width=300)\n\nIcon ![](attachment:ok.png) inline\n\n[a.pdf](attachment:a.pdf) [b.pdf](attachment:b.pdf)\n\nsee [the log](attachment:c.log)\n\n![](https://x.io/logo.png)')).toBe(
      '!a.png|thumbnail!\n\n!cat.jpg|width=300,alt="The cat"!\n\nIcon !ok.png! inline\n\n[^a.pdf] [^b.pdf]\n\nsee [the log|^c.log]\n\n!https://x.io/logo.png!',
    );
  });

  it('writes an expand as its bold title and its content', () => {
    expect(wiki('<details>\n<summary>More</summary>\n\nHidden\n\n</details>')).toBe('*More*\n\nHidden');
  });

  it('nests as Markdown nests, where wiki markup can', () => {
    expect(wiki('> [!NOTE]\n> | a |\n> |---|\n> | b |')).toBe('{panel:bgColor=#deebff}\n||a||\n|b|\n{panel}');
  });
});

describe('markdownToWiki: text that must stay text', () => {
  it('escapes what would start formatting, and only that', () => {
    expect(wiki('2 \\* 3 \\* 4, a - b, x-y, -1, snake_case, \\*not bold\\*, \\_not em\\_ and a -- b')).toBe('2 * 3 * 4, a - b, x-y, -1, snake_case, \\*not bold*, \\_not em_ and a -- b');
  });

  it('escapes links, macros, images and emoticons', () => {
    expect(wiki('\\[not a link\\] {not a macro} !not-an-image! (y) (x)')).toBe('\\[not a link] \\{not a macro} \\!not-an-image! \\(y) \\(x)');
  });

  it('escapes what would start a block at the start of a line', () => {
    expect(wiki('\\* not a list\\\n\\# not a list\\\n\\- not a list\\\n\\|not a table')).toBe('\\* not a list\n\\# not a list\n\\- not a list\n\\|not a table');
  });

  it('escapes pipes in table cells and link labels', () => {
    expect(wiki('[a \\| b](https://x.io)\n\n| a \\| b |\n|---|\n| c |')).toBe('[a \\| b|https://x.io]\n\n||a \\| b||\n|c|');
  });
});

describe('markdownToWiki: macros carried in comments', () => {
  it('writes kept macros back as their source, inline and alone', () => {
    expect(wiki('<!-- wiki {toc} -->\n\nText <!-- wiki {anchor:top} --> here')).toBe('{toc}\n\nText {anchor:top} here');
  });

  it('writes a macro around content edited between its markers', () => {
    expect(wiki('<!-- wiki:begin {panel:title=Plan} -->\n\n1. **edited**\n\n<!-- wiki:end {panel} -->')).toBe('{panel:title=Plan}\n# *edited*\n{panel}');
  });

  it('decodes what the comment could not hold', () => {
    expect(wiki('<!-- wiki {unknown}%0Abody %2D- x%3E y%25%0A{unknown} -->')).toBe('{unknown}\nbody -- x> y%\n{unknown}');
  });

  it('leaves comments in code alone, and drops comments that are not ours', () => {
    expect(wiki('```\n<!-- wiki {toc} -->\n```\n\n<!-- a note -->\n\ntext')).toBe('{code}\n<!-- wiki {toc} -->\n{code}\n\ntext');
  });
});
