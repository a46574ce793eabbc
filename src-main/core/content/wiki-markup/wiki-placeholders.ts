// Wiki markup that Markdown cannot express travels inside the Markdown itself, as comments holding
// its exact source, so wikiToMarkdown and markdownToWiki need nothing kept beside the text:
//
//   <!-- wiki {toc} -->                          kept as it is (leave the line in place)
//   <!-- wiki:begin {panel:title=Notes} -->      a macro whose body between the markers is
//   …editable Markdown…                          ordinary Markdown
//   <!-- wiki:end {panel} -->
//
// `%`, `>`, line breaks, backticks and the `-` of a `--` are %-encoded (a comment cannot hold `--`,
// and marked pairs backticks even inside comments), and in a table row `|`.
import type { AdfNode, PreservedAdfNode } from '../adf/adf-nodes.ts';
import { WIKI_EXTENSION, wikiSource } from './wiki-nodes.ts';

/** One sentence a tool description can carry so a model knows what the markers mean. */
export const WIKI_PLACEHOLDER_HELP =
  'Lines like <!-- wiki {toc} --> hold wiki markup that Markdown cannot express: leave them where they are. Between <!-- wiki:begin … --> and <!-- wiki:end … --> the Markdown is editable; keep the markers.';

const TETHER = /(?<!\\)<!--\s*tether:(keep|begin|next|end)\s+(\d+)\b[\s\S]*?-->/g;
const WIKI = /<!-- wiki(:begin|:end)? ([\s\S]*?) -->/g;

/** `inRow`: the comment sits in a table row, where a `|` would split the cell. */
function encode(source: string, inRow = false): string {
  return source.replace(inRow ? /[%>`|\r\n]|-(?=-)/g : /[%>`\r\n]|-(?=-)/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function decode(payload: string): string {
  return payload.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Replaces the placeholders of adfToMarkdown with comments that carry the wiki source. */
export function embedPreserved(markdown: string, preserved: PreservedAdfNode[], write: (node: AdfNode) => string): string {
  const byId = new Map(preserved.map((p) => [p.id, p]));
  return markdown.replace(TETHER, (whole, verb: string, id: string, at: number) => {
    const element = byId.get(Number(id));
    if (!element) return whole;
    const source = wikiSource(element.node);
    const inRow = markdown[markdown.lastIndexOf('\n', at) + 1] === '|';
    if (verb === 'keep' || !element.holes) return `<!-- wiki ${encode(write(element.node), inRow)} -->`;
    if (verb === 'begin' && source?.open !== undefined) return `<!-- wiki:begin ${encode(source.open)} -->`;
    if (verb === 'end' && source?.close !== undefined) return `<!-- wiki:end ${encode(source.close)} -->`;
    return ''; // a container that is not wiki source: its content stands on its own
  });
}

/** The reverse: wiki comments become placeholders again, with the nodes they stand for. */
export function extractPreserved(markdown: string): { markdown: string; preserved: PreservedAdfNode[] } {
  const preserved: PreservedAdfNode[] = [];
  const open: number[] = [];
  const replace = (line: string): string =>
    line.replace(WIKI, (whole: string, verb: string | undefined, payload: string) => {
      const source = decode(payload);
      if (verb === ':end') {
        const id = open.pop();
        const element = id === undefined ? undefined : preserved[id - 1];
        if (!element) return '';
        (element.node.attrs!.parameters as Record<string, string>).close = source;
        return `<!-- tether:end ${id} -->`;
      }
      const id = preserved.length + 1;
      if (verb === ':begin') {
        preserved.push({ id, kind: 'wiki', node: { type: 'bodiedExtension', attrs: { extensionType: WIKI_EXTENSION, extensionKey: 'wiki', parameters: { open: source, close: '' } }, content: [] }, holes: [[]], block: true });
        open.push(id);
        return `<!-- tether:begin ${id} -->`;
      }
      // alone on its line it is a block; beside text, part of the text
      const block = line.trim() === whole;
      const node: AdfNode = { type: block ? 'extension' : 'inlineExtension', attrs: { extensionType: WIKI_EXTENSION, extensionKey: 'wiki', parameters: { wiki: source } } };
      preserved.push(block ? { id, kind: 'wiki', node, block } : { id, kind: 'wiki', node });
      return `<!-- tether:keep ${id} -->`;
    });
  // not inside fenced code, where a comment is just code
  let fence = '';
  const lines = markdown.split('\n').map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== '') {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = '';
      return line;
    }
    if (marker) {
      fence = marker;
      return line;
    }
    return replace(line);
  });
  return { markdown: lines.join('\n'), preserved };
}
