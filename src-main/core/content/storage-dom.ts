// Reading Confluence storage (XHTML with ac:/ri: elements and HTML entities) into a tree that
// remembers where every element sits in the source, so preserved fragments are exact slices of the
// original bytes — never a re-serialisation.
import type { ChildNode, Document, Element } from 'domhandler';
import { isCDATA, isTag, isText } from 'domhandler';
import { decodeHTMLStrict } from 'entities';
import { parseDocument } from 'htmlparser2';

export type { ChildNode, Element };

/** Parses leniently: malformed input (unclosed tags, stray closers) never throws. */
export function parseStorage(storage: string): Document {
  return parseDocument(storage, {
    xmlMode: true, // namespaced names, self-closing tags and CDATA as XML has them…
    decodeEntities: false, // …but entities are HTML ones (&nbsp;), decoded by us
    withStartIndices: true,
    withEndIndices: true,
  });
}

export const decodeEntities = (text: string): string => (text.includes('&') ? decodeHTMLStrict(text) : text);

export function tagName(node: ChildNode): string | undefined {
  return isTag(node) ? node.name.toLowerCase() : undefined;
}

export function attr(element: Element, name: string): string | undefined {
  const raw = element.attribs[name];
  return raw === undefined ? undefined : decodeEntities(raw);
}

export function childElements(element: Element | Document, name?: string): Element[] {
  return element.children.filter((c): c is Element => isTag(c) && (name === undefined || c.name.toLowerCase() === name));
}

export function firstChild(element: Element, name: string): Element | undefined {
  return element.children.find((c): c is Element => isTag(c) && c.name.toLowerCase() === name);
}

/** The decoded text of a node and everything inside it (CDATA included). */
export function textContent(node: ChildNode | Document): string {
  if (isText(node)) return decodeEntities(node.data);
  if (isCDATA(node)) return node.children.map((c) => (isText(c) ? c.data : '')).join('');
  if ('children' in node) return (node.children as ChildNode[]).map(textContent).join('');
  return '';
}

/** A macro's `ac:parameter` values by name (the unnamed default parameter is ""). */
export function macroParameters(macro: Element): Map<string, string> {
  const params = new Map<string, string>();
  for (const p of childElements(macro, 'ac:parameter')) params.set(attr(p, 'ac:name') ?? '', textContent(p));
  return params;
}

/** Index just past the `>` that ends the start tag at `start` (quotes respected). */
function startTagEnd(src: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return src.length;
}

/**
 * Where an element's content starts and ends in the source, when it was written out properly
 * (a start tag and its own end tag). Self-closed elements and elements closed implicitly by
 * malformed input return undefined.
 */
export function innerRange(src: string, element: Element): { start: number; end: number } | undefined {
  const { startIndex, endIndex } = element;
  if (startIndex === null || endIndex === null || src[endIndex] !== '>') return undefined;
  const start = startTagEnd(src, startIndex);
  if (src[start - 2] === '/') return undefined;
  const end = src.lastIndexOf('</', endIndex);
  if (end < start || !src.startsWith(element.name, end + 2) || src.slice(end + 2 + element.name.length, endIndex).trim() !== '') return undefined;
  return { start, end };
}

/** The exact source of a well-formed element, or undefined when malformed input left it unclosed. */
export function outerSource(src: string, element: Element): string | undefined {
  const { startIndex, endIndex } = element;
  if (startIndex === null || endIndex === null) return undefined;
  const end = startTagEnd(src, startIndex);
  if (src[end - 2] === '/' && end - 1 === endIndex) return src.slice(startIndex, endIndex + 1);
  return innerRange(src, element) ? src.slice(startIndex, endIndex + 1) : undefined;
}
