// The byte habits of a file we must keep: a UTF-8 BOM, CRLF or LF, tabs or N spaces.
export interface TextShape {
  bom: string;
  eol: string;
  indent: string;
}

export function textShape(text: string): TextShape {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text.slice(bom.length))?.[1];
  const indent = indented === undefined ? '  ' : indented.startsWith('\t') ? '\t' : ' '.repeat(Math.min(indented.length, 8));
  return { bom, eol, indent };
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
