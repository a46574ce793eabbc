import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownToWiki, wikiToMarkdown } from '../../../../../src-main/core/content/wiki-markup/wiki-markdown.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/content');
const issue = readFileSync(path.join(fixtures, 'jira-issue.wiki'), 'utf8');
const names: Record<string, string> = { jlindqvist: 'Jonas Lindqvist' };
const md = (wiki: string): string => wikiToMarkdown(wiki);

describe('wikiToMarkdown: the rich issue description', () => {
  const markdown = wikiToMarkdown(issue, { mentionName: (user) => names[user] });

  it('writes every construct in the same conventions as Jira Cloud documents', () => {
    const expected = [
      '## Checkout fails for saved cards (EU)',
      'Since [DATE: 2025-03-14] customers paying with a **saved card** get `PAYMENT_DECLINED` although the bank *approved* the charge. Status: [STATUS: IN PROGRESS | blue]\\\nReported by [@Jonas Lindqvist](mention:username=jlindqvist), triaged with [@user](mention:557058:f1e2d3c4-b5a6-4789-8abc-def012345678) :thumbsup: :check_mark: :slight_smile:\\\nRunbook: [payments on-call guide](<https://wiki.example.com/display/PAY/On-call+(EU)>), dashboard <https://jira.example.com/browse/PAY-1432>.',
      'Marks: ~~gone~~, <u>underlined</u>, H\\~2\\~O, x^2^, <span style="color: #bf2600">red alert</span>, **bold *and italic***, *cited*, un<strong>believ</strong>able, snake_case_name, 3 \\* 4 = 12, a -- b, C:\\\\Temp and \\*not bold\\*.',
      '### Steps to reproduce',
      '1. Log in as a customer with a saved Visa card.\n2. Add any item and open checkout:\n   - shipping: **Express**\n   - payment: saved card\n     - 3-D Secure challenge passes\n3. Submit; the API answers with an error',
      '- first bullet\n- dash bullet\n- third bullet\\\n  with a line break',
      '```json\n{\n  "status": "PAYMENT_DECLINED",\n  "reason": "*not bold* [not a link]"\n}\n```',
      '```title=Retry.java borderStyle=solid\nreturn gateway.capture(charge.id); // {{literal}}\n```',
      '```noformat\n2025-03-14T09:12:44Z WARN declined card=**** 4242\n```',
      '> We only see this for cards issued in the EU.',
      '> Quoted paragraph one.\n>\n> Quoted paragraph two with **bold**.',
      '---',
      '> [!NOTE]\n> Affects about 3% of EU checkouts.',
      '<!-- wiki:begin {panel:title=Rollback plan|borderStyle=dashed|borderColor=#ccc|titleBGColor=#F7D6C1|bgColor=#FFFFCE} -->\n\n1. Disable the token cache flag.\n2. Replay the failed charges.\n\n<!-- wiki:end {panel} -->',
      '| Region | Cards \\| wallets | Owner |\n|---|---|---|\n| EU | Visa [STATUS: FAILING \\| red] | [@Jonas Lindqvist](mention:username=jlindqvist) |\n| US | Apple Pay<br>Google Pay | [payments team](https://teams.example.com/payments) |\n| | `a\\|b` | ![](attachment:status-icon.png?thumbnail=true) |',
      '![The error customers see](attachment:checkout-error.png?width=600)',
      '![](https://status.example.com/graph.png)',
      '[har-export.har](attachment:har-export.har) [server.log](attachment:server.log)',
      'See the attached [trace.json](attachment:trace.json) for details and [#rollback](#rollback) for the plan.',
      '<!-- wiki {toc} -->',
      '<!-- wiki {anchor:rollback} -->Back to top',
      '<!-- wiki {jira-issues:project=PAY} -->',
    ];
    for (const piece of expected) expect(markdown).toContain(piece);
  });

  it('shows user names as themselves until a lookup names the person', () => {
    expect(wikiToMarkdown('[~jsmith] and [~accountid:5b10]')).toBe('[@jsmith](mention:username=jsmith) and [@user](mention:5b10)\n');
    expect(wikiToMarkdown('[~jsmith] and [~accountid:5b10]', { mentionName: (u) => ({ jsmith: 'John Smith', '5b10': 'Ann Lee' })[u] })).toBe('[@John Smith](mention:username=jsmith) and [@Ann Lee](mention:5b10)\n');
  });
});

describe('wikiToMarkdown: the rules of Jira wiki markup', () => {
  it('turns an empty text into empty Markdown', () => {
    expect(md('')).toBe('');
    expect(md('\n\n  \n')).toBe('');
  });

  it('formats only at word edges, and anywhere with braces', () => {
    expect(md('*bold* but 2*3*4, snake_case_name, a - b - c, x-y-z')).toBe('**bold** but 2\\*3\\*4, snake_case_name, a - b - c, x-y-z\n');
    expect(md('un{*}believ{*}able and {_}in{_}word')).toBe('un<strong>believ</strong>able and <em>in</em>word\n');
    expect(md('*not closed and * spaced*')).toBe('\\*not closed and \\* spaced\\*\n');
  });

  it('reads escapes, and keeps a backslash that escapes nothing', () => {
    expect(md('\\*literal\\* \\[bracket\\] \\{brace} C:\\Temp')).toBe('\\*literal\\* \\[bracket\\] {brace} C:\\\\Temp\n');
  });

  it('breaks lines at a new line and at \\\\', () => {
    expect(md('one\ntwo\\\\three')).toBe('one\\\ntwo\\\nthree\n');
  });

  it('nests lists by their markers, mixing kinds', () => {
    expect(md('* a\n** b\n*** c\n*# d\n# e')).toBe('- a\n  - b\n    - c\n  1. d\n\n1. e\n');
  });

  it('reads tables with header cells, escaped pipes and pipes inside links, images and monospace', () => {
    expect(md('||Name||Link||\n|a \\| b|[x|https://x.io]|\n|{{c|d}}|!i.png|width=20!|')).toBe('| Name | Link |\n|---|---|\n| a \\| b | [x](https://x.io) |\n| `c\\|d` | ![](attachment:i.png?width=20) |\n');
  });

  it('reads code and noformat blocks verbatim, wherever their closing tag is', () => {
    expect(md('{code:python}\nprint("*x*")\n{code}')).toBe('```python\nprint("*x*")\n```\n');
    expect(md('{noformat}one\n```\ntwo{noformat}')).toBe('````noformat\none\n```\ntwo\n````\n');
  });

  it('reads images inline with text, alone as images, and file links', () => {
    expect(md('Icon !ok.png! inline')).toBe('Icon ![](attachment:ok.png) inline\n');
    expect(md('!shot.png|thumbnail!')).toBe('![](attachment:shot.png?thumbnail=true)\n');
    expect(md('[^a.pdf] [^b.pdf]\n\nsee [the log|^c.log]')).toBe('[a.pdf](attachment:a.pdf) [b.pdf](attachment:b.pdf)\n\nsee [the log](attachment:c.log)\n');
  });

  it('reads emoticons and status lozenges as Jira Cloud writes them', () => {
    expect(md('(y) (n) (i) (/) (x) (!) (+) (-) (?) (on) (off) (*) (*r) (flag) :) :( :P :D ;)')).toBe(
      ':thumbsup: :thumbsdown: :info: :check_mark: :cross_mark: :warning: :plus: :minus: :question: :light_bulb_on: :light_bulb_off: :yellow_star: :red_star: :flag_on: :slight_smile: :disappointed: :stuck_out_tongue: :smiley: :wink:\n',
    );
    expect(md('{color:#36B37E}*[ DONE ]*{color} {color:#97A0AF}*[ TO DO ]*{color}')).toBe('[STATUS: DONE | green] [STATUS: TO DO]\n');
  });

  it('reads colours, citations, inserts, sub- and superscripts', () => {
    expect(md('{color:red}red{color} ??cite?? +ins+ ^sup^ ~sub~ -del-')).toBe('<span style="color: red">red</span> *cite* <u>ins</u> <sup>sup</sup> <sub>sub</sub> ~~del~~\n');
  });

  it('reads bare URLs as links and links by their kind', () => {
    expect(md('see https://x.io/a, [https://y.io] and [label|https://z.io] or [#anchor] and [mailto:a@b.co]')).toBe(
      'see <https://x.io/a>, [https://y.io](https://y.io) and [label](https://z.io) or [#anchor](#anchor) and [mailto:a@b.co](mailto:a@b.co)\n',
    );
  });

  it('keeps macros it does not know as their source, in comments that carry it', () => {
    expect(md('{toc}\n\nText {anchor:top} here\n\n{unknown}\nbody -- with a dash\n{unknown}')).toBe('<!-- wiki {toc} -->\n\nText <!-- wiki {anchor:top} --> here\n\n<!-- wiki {unknown}%0Abody %2D- with a dash%0A{unknown} -->\n');
  });

  it('keeps a macro in a table cell without letting its pipes split the cell', () => {
    const markdown = md('|{status:colour=Green|title=OK}|b|');
    expect(markdown).toBe('| | |\n|---|---|\n| <!-- wiki {status:colour=Green%7Ctitle=OK} --> | b |\n');
    expect(markdownToWiki(markdown)).toBe('|{status:colour=Green|title=OK}|b|\n');
  });

  it('reads panels in the alert colours as alerts, and any other panel as editable content between markers', () => {
    expect(md('{panel:bgColor=#ffebe6}\nDanger\n{panel}')).toBe('> [!CAUTION]\n> Danger\n');
    expect(md('{panel}\nPlain\n{panel}')).toBe('<!-- wiki:begin {panel} -->\n\nPlain\n\n<!-- wiki:end {panel} -->\n');
  });
});
