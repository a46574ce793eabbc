// ADF → Jira wiki markup, the way back from Markdown for Jira Server/Data Center. What wiki markup
// cannot say is written the way Jira Cloud's own converter writes it: a status as
// `{color:#36B37E}*[ DONE ]*{color}`, a date as `{{2025-03-14}}`, a done task as `* -task-`, an
// expand as its bold title followed by its content.
import { INLINE_TYPES, type AdfNode } from '../adf/adf-nodes.ts';
import { escapeLineStarts, escapeText, image, inline, inlineNode } from './adf-inline-to-wiki.ts';
import { PANEL_COLOURS, wikiSource } from './wiki-nodes.ts';

export function adfToWiki(doc: AdfNode): string {
  return blocks(doc.content ?? []).join('\n\n');
}

/** One node, block or inline, as wiki markup. */
export function nodeToWiki(node: AdfNode): string {
  return INLINE_TYPES.has(node.type) ? inlineNode(node, 'text', '', '') : block(node);
}

function blocks(nodes: AdfNode[]): string[] {
  return nodes.map(block).filter((b) => b !== '');
}

function block(node: AdfNode): string {
  const content = node.content ?? [];
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'paragraph':
      return escapeLineStarts(inline(content, 'text'));
    case 'heading':
      return `h${attrs.level ?? 1}. ${inline(content, 'line')}`;
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      return list(node, '').join('\n');
    case 'codeBlock': {
      const code = content.map((c) => c.text ?? '').join('');
      if (attrs.language === 'noformat') return `{noformat${params(attrs, ['language'])}}\n${code}\n{noformat}`;
      const language = typeof attrs.language === 'string' && attrs.language !== '' ? attrs.language : '';
      const rest = params(attrs, ['language']).slice(1);
      const head = [language, rest].filter(Boolean).join('|');
      return `{code${head ? `:${head}` : ''}}\n${code}\n{code}`;
    }
    case 'blockquote': {
      const [only] = content;
      if (content.length === 1 && only?.type === 'paragraph' && !(only.content ?? []).some((n) => n.type === 'hardBreak')) return `bq. ${inline(only.content ?? [], 'line')}`;
      return `{quote}\n${blocks(content).join('\n\n')}\n{quote}`;
    }
    case 'rule':
      return '----';
    case 'panel':
      return `{panel:bgColor=${PANEL_COLOURS[String(attrs.panelType)] ?? PANEL_COLOURS.info}}\n${blocks(content).join('\n\n')}\n{panel}`;
    case 'expand':
    case 'nestedExpand': {
      const title = typeof attrs.title === 'string' && attrs.title.trim() !== '' ? `*${escapeText(attrs.title.trim(), ' ', ' ', 'line')}*` : '';
      return [title, ...blocks(content)].filter(Boolean).join('\n\n');
    }
    case 'table':
      return table(node);
    case 'mediaSingle':
      return content.filter((c) => c.type === 'media').map(image).join(' ');
    case 'mediaGroup':
      return content.map((media) => inlineNode({ ...media, type: 'mediaInline' }, 'text', '', '')).join(' ');
    case 'blockCard':
    case 'embedCard':
      return `[${String(attrs.url ?? '')}]`;
    case 'extension':
    case 'bodiedExtension': {
      const source = wikiSource(node);
      if (source?.source !== undefined) return source.source;
      if (source?.open !== undefined) return `${source.open}\n${blocks(content).join('\n\n')}\n${source.close ?? ''}`;
      return content.length > 0 ? blocks(content).join('\n\n') : '';
    }
    case 'decisionList':
      return content.map((item) => `* ${inline(item.content ?? [], 'line')}`).join('\n');
    default:
      if (content.some((c) => c.type === 'text')) return escapeLineStarts(inline(content, 'text'));
      return blocks(content).join('\n\n');
  }
}

/** `{code}`/`{noformat}` parameters other than `skip`, as `:k=v|k=v` (or `|k=v…` to follow a language). */
function params(attrs: Record<string, unknown>, skip: string[]): string {
  const pairs = Object.entries(attrs)
    .filter(([k, v]) => !skip.includes(k) && k !== 'localId' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
    .map(([k, v]) => `${k}=${String(v)}`);
  return pairs.length > 0 ? `:${pairs.join('|')}` : '';
}

function list(node: AdfNode, prefix: string): string[] {
  const marker = `${prefix}${node.type === 'orderedList' ? '#' : '*'}`;
  const lines: string[] = [];
  for (const item of node.content ?? []) {
    if (item.type === 'taskList') {
      lines.push(...list(item, prefix));
      continue;
    }
    if (item.type === 'taskItem') {
      const text = inline(item.content ?? [], 'line');
      lines.push(`${marker} ${item.attrs?.state === 'DONE' && text !== '' ? `-${text}-` : text}`);
      continue;
    }
    const texts: string[] = [];
    const after: string[] = [];
    for (const child of item.content ?? []) {
      if (child.type === 'bulletList' || child.type === 'orderedList' || child.type === 'taskList') after.push(...list(child, marker));
      else if (child.type === 'paragraph' && after.length === 0) texts.push(inline(child.content ?? [], 'line'));
      else after.push(block(child));
    }
    lines.push(`${marker} ${texts.join('\\\\')}`.trimEnd(), ...after);
  }
  return lines;
}

function table(node: AdfNode): string {
  const rows = (node.content ?? []).filter((r) => r.type === 'tableRow');
  const grid: { header: boolean; text: string }[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.content ?? []) {
      while (grid[r]![col]) col++;
      const colspan = Math.max(1, Number(cell.attrs?.colspan) || 1);
      const rowspan = Math.min(Math.max(1, Number(cell.attrs?.rowspan) || 1), rows.length - r);
      const header = cell.type === 'tableHeader';
      // wiki markup cannot merge cells: the cells a merge covers are left empty
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) grid[r + dr]![col + dc] = { header, text: dr === 0 && dc === 0 ? cellText(cell.content ?? []) : ' ' };
      col += colspan;
    }
  });
  return grid
    .map((cells) => {
      const line = cells.map((c) => `${c?.header ? '||' : '|'}${c?.text || ' '}`).join('');
      return `${line}${cells.at(-1)?.header ? '||' : '|'}`;
    })
    .join('\n');
}

/** A cell on one line: paragraphs and list items set apart by `\\`. */
function cellText(content: AdfNode[]): string {
  const parts: string[] = [];
  const walk = (node: AdfNode, bullet: string): void => {
    if (node.type === 'paragraph' || node.type === 'heading') parts.push(`${bullet}${inline(node.content ?? [], 'cell')}`);
    else if (node.type === 'bulletList' || node.type === 'orderedList') for (const item of node.content ?? []) (item.content ?? []).forEach((c, i) => walk(c, i === 0 ? '• ' : ''));
    else if (node.type === 'mediaSingle' || node.type === 'mediaGroup') parts.push(block(node));
    else if (node.type === 'codeBlock') parts.push(`{{${(node.content ?? []).map((c) => c.text ?? '').join('').replace(/\n/g, ' ')}}}`);
    else (node.content ?? []).forEach((c) => walk(c, bullet));
  };
  content.forEach((c) => walk(c, ''));
  return parts.filter((p) => p !== '').join('\\\\');
}
