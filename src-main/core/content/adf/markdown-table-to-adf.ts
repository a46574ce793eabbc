// A GFM table → an ADF table: the reverse of adf-table-to-markdown.ts. Inside a cell, `<br><br>`
// separates paragraphs and `<ul>`/`<ol>`/`<li>` make lists; `<` and `^` cells extend the cell on
// their left / above.
import type { Token, Tokens } from '../markdown-lexer.ts';
import type { AdfNode } from './adf-nodes.ts';
import { MERGED_LEFT, MERGED_UP } from './adf-table-to-markdown.ts';

/** Turns a run of inline tokens into blocks (paragraphs, images…); fits blocks into a cell. */
export interface CellReader {
  segment: (tokens: Token[]) => AdfNode[];
  fit: (blocks: AdfNode[]) => AdfNode[];
}

export function tableToAdf(token: Tokens.Table, reader: CellReader): AdfNode | undefined {
  const hasHeader = token.header.some((c) => c.text.trim() !== '');
  const rows = hasHeader ? [token.header, ...token.rows] : token.rows;
  if (rows.length === 0) return undefined;
  const marker = (r: number, c: number): string | undefined => {
    const text = rows[r]?.[c]?.text.trim();
    return text === MERGED_LEFT || text === MERGED_UP ? text : undefined;
  };
  const covered = rows.map((row) => row.map(() => false));
  const out: AdfNode[] = rows.map((row, r) => {
    const cells: AdfNode[] = [];
    row.forEach((cell, c) => {
      if (covered[r]![c]) return;
      let colspan = 1;
      while (c + colspan < row.length && marker(r, c + colspan) === MERGED_LEFT && !covered[r]![c + colspan]) colspan++;
      let rowspan = 1;
      while (r + rowspan < rows.length && marker(r + rowspan, c) === MERGED_UP && !covered[r + rowspan]![c]) rowspan++;
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) covered[r + dr]![c + dc] = true;
      const attrs = { ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}) };
      cells.push({
        type: hasHeader && r === 0 ? 'tableHeader' : 'tableCell',
        ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
        content: reader.fit(cellBlocks(cell.tokens, reader)),
      });
    });
    return { type: 'tableRow', content: cells };
  });
  return { type: 'table', content: out };
}

interface Frame {
  blocks: AdfNode[];
  run: Token[];
  /** The last thing that ended a paragraph was `<br><br>` (so an empty one counts). */
  separated: boolean;
  list?: AdfNode;
}

const isBr = (t: Token | undefined): boolean => t?.type === 'br' || (t?.type === 'html' && /^<br\s*\/?>$/i.test((t as Tokens.HTML).text.trim()));

/** A cell's inline tokens as blocks: paragraphs between `<br><br>`, lists from HTML tags. */
function cellBlocks(tokens: Token[], reader: CellReader): AdfNode[] {
  const stack: Frame[] = [{ blocks: [], run: [], separated: false }];
  const top = (): Frame => stack.at(-1)!;
  const flush = (force: boolean): void => {
    const frame = top();
    const blocks = reader.segment(frame.run);
    if (blocks.length > 0) frame.blocks.push(...blocks);
    else if (force) frame.blocks.push({ type: 'paragraph' });
    frame.run = [];
  };
  const closeItem = (): void => {
    if (stack.length < 2 || top().list) return;
    flush(top().separated);
    const item = stack.pop()!;
    top().list!.content!.push({ type: 'listItem', content: item.blocks.length > 0 ? item.blocks : [{ type: 'paragraph' }] });
  };
  const closeList = (): void => {
    closeItem();
    if (!top().list) return;
    const { list } = stack.pop()!;
    if ((list!.content ?? []).length > 0) top().blocks.push(list!);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const tag = token.type === 'html' ? /^<(\/?)(ul|ol|li)\b([^>]*)>$/i.exec((token as Tokens.HTML).text.trim()) : null;
    if (isBr(token) && isBr(tokens[i + 1])) {
      flush(true);
      top().separated = true;
      i++;
    } else if (!tag) top().run.push(token);
    else {
      const [, close, name = '', attrs = ''] = tag;
      const lower = name.toLowerCase();
      if (lower === 'li' && close) closeItem();
      else if (lower === 'li') {
        closeItem();
        if (top().list) stack.push({ blocks: [], run: [], separated: false });
      } else if (close) closeList();
      else {
        if (top().run.length > 0) flush(false);
        const start = /start\s*=\s*"?(\d+)/i.exec(attrs);
        const list: AdfNode = lower === 'ol' ? { type: 'orderedList', attrs: { order: start ? Number(start[1]) : 1 }, content: [] } : { type: 'bulletList', content: [] };
        stack.push({ blocks: [], run: [], separated: false, list });
      }
    }
  }
  while (stack.length > 1) closeList();
  flush(top().separated);
  return top().blocks;
}
