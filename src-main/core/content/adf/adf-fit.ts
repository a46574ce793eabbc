// Markdown nests anything in anything; ADF does not (no heading in a list item, no table in a
// panel, no expand in a quote…). Blocks written where ADF does not allow them are turned into the
// nearest thing it does allow, so the document we produce is always valid.
import { sortMarks, type AdfNode } from './adf-nodes.ts';

export type BlockContext = 'doc' | 'listItem' | 'blockquote' | 'panel' | 'tableCell' | 'expand' | 'nestedExpand';

const COMMON = ['paragraph', 'bulletList', 'orderedList', 'codeBlock', 'mediaSingle', 'extension'];
const ALLOWED: Record<Exclude<BlockContext, 'doc'>, Set<string>> = {
  listItem: new Set([...COMMON, 'taskList']),
  blockquote: new Set([...COMMON, 'mediaGroup']),
  panel: new Set([...COMMON, 'heading', 'blockCard', 'mediaGroup', 'taskList', 'rule', 'decisionList']),
  tableCell: new Set([...COMMON, 'panel', 'blockquote', 'rule', 'heading', 'mediaGroup', 'decisionList', 'taskList', 'blockCard', 'embedCard', 'nestedExpand']),
  expand: new Set([...COMMON, 'panel', 'blockquote', 'rule', 'heading', 'mediaGroup', 'decisionList', 'taskList', 'table', 'blockCard', 'embedCard', 'nestedExpand']),
  nestedExpand: new Set([...COMMON, 'heading', 'mediaGroup', 'taskList', 'decisionList', 'rule', 'panel', 'blockquote']),
};
/** What the editor would never put at the top of a document. */
const NOT_IN_DOC = new Set(['nestedExpand']);

/**
 * Makes `blocks` valid content for `context`. `asIs`: nodes restored from placeholders, which go
 * back exactly as they were wherever they were put.
 */
export function fitBlocks(blocks: AdfNode[], context: BlockContext, asIs: WeakSet<AdfNode>): AdfNode[] {
  const out: AdfNode[] = [];
  for (const node of blocks) {
    if (asIs.has(node) || allowed(node.type, context)) out.push(node);
    else out.push(...replacement(node, context, asIs));
  }
  if (context === 'doc') return out;
  // list items start with text (the editor's rule); every container holds at least a paragraph
  if (context === 'listItem' && out[0] && !['paragraph', 'codeBlock', 'mediaSingle'].includes(out[0].type) && !asIs.has(out[0])) out.unshift({ type: 'paragraph' });
  return out.length > 0 ? out : [{ type: 'paragraph' }];
}

function allowed(type: string, context: BlockContext): boolean {
  return context === 'doc' ? !NOT_IN_DOC.has(type) : ALLOWED[context].has(type);
}

function replacement(node: AdfNode, context: BlockContext, asIs: WeakSet<AdfNode>): AdfNode[] {
  const content = node.content ?? [];
  const fit = (blocks: AdfNode[]): AdfNode[] => fitBlocks(blocks, context, asIs).filter((b) => !isEmptyParagraph(b));
  switch (node.type) {
    case 'heading':
      return [{ type: 'paragraph', content: content.map(strong) }];
    case 'expand':
    case 'nestedExpand': {
      const other = node.type === 'expand' ? 'nestedExpand' : 'expand';
      if (allowed(other, context)) return [{ ...node, type: other, content: fitBlocks(content, other as BlockContext, asIs) }];
      const title = typeof node.attrs?.title === 'string' && node.attrs.title !== '' ? [{ type: 'paragraph', content: [strong({ type: 'text', text: node.attrs.title })] }] : [];
      return [...title, ...fit(content)];
    }
    case 'blockquote':
    case 'panel':
      return fit(content);
    case 'table':
      return fit(content.flatMap((row) => (row.content ?? []).flatMap((cell) => cell.content ?? [])));
    case 'taskList':
      return fit([taskListAsBullets(node)]);
    case 'mediaGroup':
      return content.map((media) => ({ type: 'mediaSingle', attrs: { layout: 'center' }, content: [media] }));
    case 'blockCard':
      return [{ type: 'paragraph', content: [{ type: 'inlineCard', attrs: { url: node.attrs?.url } }] }];
    case 'rule':
      return [];
    default:
      return content.length > 0 ? fit(content) : [];
  }
}

function isEmptyParagraph(node: AdfNode): boolean {
  return node.type === 'paragraph' && (node.content ?? []).length === 0;
}

/** Bold text, as a heading reads where a heading cannot be. */
function strong(node: AdfNode): AdfNode {
  if (node.type !== 'text' || (node.marks ?? []).some((m) => m.type === 'code' || m.type === 'strong')) return node;
  return { ...node, marks: sortMarks([...(node.marks ?? []), { type: 'strong' }]) };
}

function taskListAsBullets(list: AdfNode): AdfNode {
  const items: AdfNode[] = [];
  for (const child of list.content ?? []) {
    if (child.type === 'taskList' && items.length > 0) items.at(-1)!.content!.push(taskListAsBullets(child));
    else {
      const box = child.attrs?.state === 'DONE' ? '☑ ' : '☐ ';
      const [first, ...rest] = child.content ?? [];
      const content = first?.type === 'text' && !first.marks ? [{ ...first, text: `${box}${first.text ?? ''}` }, ...rest] : [{ type: 'text', text: box }, ...(first ? [first, ...rest] : [])];
      items.push({ type: 'listItem', content: [{ type: 'paragraph', content }] });
    }
  }
  return { type: 'bulletList', content: items };
}
