// An ADF table as a GFM table. Merged cells are laid out on the grid and the cells they cover are
// marked, so the merge reads plainly and comes back:
//
//   | Area | Owner | <  |          `<`  this cell is merged into the one on its left
//   |---|---|---|
//   | API | Dana | Tom |
//   | ^ | Lee | < |                `^`  this cell is merged into the one above
//
// A first row of header cells is the header row; otherwise the header row is left empty (and an
// empty header row means "no header" on the way back). Column widths, cell colours and table
// layout are not written.
import type { AdfNode } from './adf-nodes.ts';

export const MERGED_LEFT = '<';
export const MERGED_UP = '^';

/** `cell` writes a cell's content on one line, or returns undefined when it cannot. */
export function tableToMarkdown(table: AdfNode, cell: (content: AdfNode[]) => string | undefined): string | undefined {
  const rows = table.content ?? [];
  if (rows.length === 0 || rows.some((r) => r.type !== 'tableRow' || (r.content ?? []).some((c) => c.type !== 'tableCell' && c.type !== 'tableHeader'))) return undefined;
  const grid: (string | undefined)[][] = rows.map(() => []);
  for (let r = 0; r < rows.length; r++) {
    let col = 0;
    for (const node of rows[r]!.content ?? []) {
      while (grid[r]![col] !== undefined) col++;
      const colspan = span(node.attrs?.colspan, 100);
      const rowspan = span(node.attrs?.rowspan, rows.length - r);
      const text = cell(node.content ?? []);
      if (text === undefined) return undefined;
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) grid[r + dr]![col + dc] = dr === 0 && dc === 0 ? cellText(text) : dc === 0 ? MERGED_UP : MERGED_LEFT;
      }
      col += colspan;
    }
  }
  const width = Math.max(1, ...grid.map((row) => row.length));
  const line = (row: (string | undefined)[]): string => `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  const first = rows[0]!.content ?? [];
  const hasHeader = first.length > 0 && first.every((c) => c.type === 'tableHeader') && grid[0]!.some((t) => t !== '' && t !== undefined);
  const header = hasHeader ? grid[0]! : [];
  const body = hasHeader ? grid.slice(1) : grid;
  return [line(header), `|${'---|'.repeat(width)}`, ...body.map(line)].join('\n');
}

function span(value: unknown, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 1 ? Math.min(value, Math.max(1, max)) : 1;
}

/** GFM splits cells on `|` before anything else; a cell that is only a merge marker is escaped. */
function cellText(text: string): string {
  const escaped = text.replace(/\|/g, '\\|');
  return escaped === MERGED_LEFT || escaped === MERGED_UP ? `\\${escaped}` : escaped;
}
