// ADF marks are flat (each text node lists its own); Markdown and wiki markup nest them. Runs of
// inline content become a tree of spans, a mark that lasts longer sitting outside.
import { markRank, sameMark, type AdfMark } from './adf-nodes.ts';

export interface Span<L> {
  mark: AdfMark;
  children: Tree<L>[];
}
export type Tree<L> = L | Span<L>;

export function isSpan<L extends object>(tree: Tree<L>): tree is Span<L> {
  return 'mark' in tree && 'children' in tree;
}

export function buildMarkTree<L extends { marks: AdfMark[] }>(leaves: L[]): Tree<L>[] {
  const root: Tree<L>[] = [];
  const stack: Span<L>[] = [];
  const extent = (mark: AdfMark, from: number): number => {
    let i = from;
    while (i < leaves.length && leaves[i]!.marks.some((m) => sameMark(m, mark))) i++;
    return i - from;
  };
  leaves.forEach((item, i) => {
    let keep = 0;
    while (keep < stack.length && item.marks.some((m) => sameMark(m, stack[keep]!.mark))) keep++;
    stack.length = keep;
    const opening = item.marks.filter((m) => !stack.some((s) => sameMark(s.mark, m)));
    opening.sort((a, b) => extent(b, i) - extent(a, i) || markRank(a.type) - markRank(b.type));
    for (const mark of opening) {
      const span: Span<L> = { mark, children: [] };
      (stack.at(-1)?.children ?? root).push(span);
      stack.push(span);
    }
    (stack.at(-1)?.children ?? root).push(item);
  });
  return root;
}
