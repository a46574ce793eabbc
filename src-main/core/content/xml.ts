// Writing storage XHTML safely: text, attribute values and CDATA sections.

// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are exactly what must go
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttr(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;');
}

/** A CDATA section holding any text: `]]>` inside is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(NOT_XML, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** An element with attributes (undefined values left out); self-closed when it has no content. */
export function xmlElement(name: string, attributes: Record<string, string | undefined>, content?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(v)}"`)
    .join('');
  return content === undefined ? `<${name}${attrs} />` : `<${name}${attrs}>${content}</${name}>`;
}
