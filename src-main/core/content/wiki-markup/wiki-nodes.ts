// How wiki markup's own constructs are carried in ADF on their way to and from Markdown: the
// wiki layer reads into ADF and writes from it, so the Markdown conventions are those of adf/.
//
//   [~jsmith]                  mention with id `username=jsmith` (Markdown: mention:username=jsmith)
//   [~accountid:5b10…]         mention with id `5b10…`
//   {panel:bgColor=#deebff}    an info panel (the colours Atlassian's converter writes per panel type)
//   {color:#00B8D9}*[ DONE ]*{color}   a status lozenge, as Jira Cloud writes one in wiki markup
//   {toc}, {anchor:x}, …       macros we do not know: extension nodes holding the exact source
import type { AdfNode } from '../adf/adf-nodes.ts';

/** What a backslash escapes in Jira (BackslashEscapeRendererComponent); `\\` is a line break. */
export const WIKI_ESCAPABLE = '-#*_+?^~|%{}[]()!@';

/** A letter or digit as Jira's renderer sees one (any character beyond ASCII but a no-break space). */
export function isWordChar(c: string | undefined): boolean {
  return c !== undefined && c !== '' && /[A-Za-z0-9]|[^\p{ASCII}\u00a0]/u.test(c);
}

/** The extension type that marks a node as wiki source kept verbatim. */
export const WIKI_EXTENSION = 'com.atlassian.jira.wiki-markup';

export const PANEL_COLOURS: Record<string, string> = { info: '#deebff', note: '#eae6ff', tip: '#e6fcff', success: '#e3fcef', warning: '#fffae6', error: '#ffebe6' };

/** Status colours as Jira Cloud writes them in wiki markup. */
const STATUS_COLOURS: Record<string, string> = { neutral: '#97A0AF', purple: '#6554C0', blue: '#00B8D9', red: '#FF5630', yellow: '#FF991F', green: '#36B37E' };

export function mentionNode(target: string): AdfNode {
  const account = /^accountid:(.+)$/i.exec(target);
  return { type: 'mention', attrs: { id: account ? account[1]! : `username=${target}` } };
}

/** Atlassian account ids: 24 hex digits, or `557058:` and a UUID. */
const ACCOUNT_ID = /^(?:[0-9a-f]{24}|\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The `[~…]` target of a mention: a user name, a user key, or an account id (a bare id that looks like one). */
export function mentionTarget(id: string): string {
  if (id.startsWith('username=')) return id.slice(9);
  if (id.startsWith('userkey=')) return id.slice(8);
  return ACCOUNT_ID.test(id) ? `accountid:${id}` : id;
}

export function statusToWiki(text: string, colour: string): string {
  return `{color:${STATUS_COLOURS[colour] ?? STATUS_COLOURS.neutral}}*[ ${text.toUpperCase()} ]*{color}`;
}

/** A status lozenge written as Jira writes one (`{color:#36B37E}*[ DONE ]*{color}`), or undefined. */
export function statusFromColour(colour: string, inner: string): AdfNode | undefined {
  const match = /^\*\[ (\S(?:.*\S)?) \]\*$/.exec(inner);
  const name = Object.entries(STATUS_COLOURS).find(([, hex]) => hex.toLowerCase() === colour.trim().toLowerCase())?.[0];
  return match && name ? { type: 'status', attrs: { text: match[1]!, color: name } } : undefined;
}

/** A macro kept as its exact source. */
export function wikiMacroNode(name: string, source: string, block: boolean): AdfNode {
  return { type: block ? 'extension' : 'inlineExtension', attrs: { extensionType: WIKI_EXTENSION, extensionKey: name, parameters: { wiki: source } } };
}

/** The exact source of a macro kept by wikiMacroNode (or a bodied one: its opening and closing tags). */
export function wikiSource(node: AdfNode): { source?: string; open?: string; close?: string } | undefined {
  const attrs = node.attrs ?? {};
  const params = attrs.parameters as Record<string, unknown> | undefined;
  if (attrs.extensionType !== WIKI_EXTENSION || !params) return undefined;
  return {
    source: typeof params.wiki === 'string' ? params.wiki : undefined,
    open: typeof params.open === 'string' ? params.open : undefined,
    close: typeof params.close === 'string' ? params.close : undefined,
  };
}
