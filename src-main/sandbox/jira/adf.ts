// Atlassian Document Format for Jira: the canonical body of descriptions, comments, worklog
// comments and rich-text custom fields in the store (REST v3 speaks it; v2 gets wiki markup from
// ./wiki.ts). Builders for the seed, a validity check for writes, plain text for `text ~` search
// and HTML for `expand=renderedFields`.

export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: AdfMark[];
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

// ------------------------------------------------------------------ builders (seed, conversions)

export const doc = (...content: AdfNode[]): AdfDoc => ({ type: 'doc', version: 1, content });
export const txt = (text: string, ...marks: string[]): AdfNode =>
  marks.length > 0 ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text };
export const para = (...content: Array<AdfNode | string>): AdfNode => ({
  type: 'paragraph',
  content: content.map((c) => (typeof c === 'string' ? txt(c) : c)),
});
export const heading = (level: number, text: string): AdfNode => ({ type: 'heading', attrs: { level }, content: [txt(text)] });
export const link = (text: string, href: string): AdfNode => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });
export const code = (text: string): AdfNode => ({ type: 'text', text, marks: [{ type: 'code' }] });
export const mention = (accountId: string, displayName: string): AdfNode => ({
  type: 'mention',
  attrs: { id: accountId, text: `@${displayName}`, accessLevel: '' },
});
export const codeBlock = (language: string, text: string): AdfNode => ({
  type: 'codeBlock',
  attrs: { language },
  content: [txt(text)],
});
export const panel = (panelType: 'info' | 'note' | 'warning' | 'success' | 'error', ...content: AdfNode[]): AdfNode => ({
  type: 'panel',
  attrs: { panelType },
  content,
});
export const bullets = (...items: Array<string | Array<AdfNode | string>>): AdfNode => ({
  type: 'bulletList',
  content: items.map((i) => ({ type: 'listItem', content: typeof i === 'string' ? [para(i)] : [para(...i)] })),
});
export const ordered = (...items: string[]): AdfNode => ({
  type: 'orderedList',
  attrs: { order: 1 },
  content: items.map((i) => ({ type: 'listItem', content: [para(i)] })),
});
export const table = (header: string[], ...rows: string[][]): AdfNode => ({
  type: 'table',
  attrs: { isNumberColumnEnabled: false, layout: 'default' },
  content: [
    { type: 'tableRow', content: header.map((h) => ({ type: 'tableHeader', attrs: {}, content: [para(h)] })) },
    ...rows.map((r) => ({ type: 'tableRow', content: r.map((c) => ({ type: 'tableCell', attrs: {}, content: [para(c)] })) })),
  ],
});
export const quote = (...content: AdfNode[]): AdfNode => ({ type: 'blockquote', content });
export const rule = (): AdfNode => ({ type: 'rule' });

/** A document of plain paragraphs (one per blank-line separated block). */
export function plainDoc(text: string): AdfDoc {
  const blocks = text.split(/\n{2,}/).filter((b) => b.trim() !== '');
  return doc(...blocks.map((b) => para(...b.split('\n').flatMap((line, i) => (i === 0 ? [txt(line)] : [{ type: 'hardBreak' }, txt(line)])))));
}

// ------------------------------------------------------------------ validity

/**
 * True for a value Jira accepts as an ADF document: `{type:'doc', version:1, content:[...]}` whose
 * nodes all have a string type. (Jira checks against the full ADF schema; the sandbox checks the
 * envelope and node shape only.)
 */
export function isAdfDoc(value: unknown): value is AdfDoc {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v.type === 'doc' && v.version === 1 && Array.isArray(v.content) && v.content.every(isNode);
}

function isNode(n: unknown): boolean {
  if (typeof n !== 'object' || n === null || Array.isArray(n)) return false;
  const o = n as Record<string, unknown>;
  if (typeof o.type !== 'string') return false;
  if (o.type === 'text' && typeof o.text !== 'string') return false;
  if (o.content !== undefined && (!Array.isArray(o.content) || !o.content.every(isNode))) return false;
  return true;
}

// ------------------------------------------------------------------ plain text

/** The words a reader sees: text, mention names, emoji, code; blocks separated by newlines. */
export function adfPlainText(node: AdfNode | AdfDoc | null | undefined): string {
  if (!node) return '';
  const n = node as AdfNode;
  switch (n.type) {
    case 'text':
      return n.text ?? '';
    case 'mention':
      return String(n.attrs?.text ?? '');
    case 'emoji':
      return String(n.attrs?.text ?? n.attrs?.shortName ?? '');
    case 'hardBreak':
      return '\n';
    case 'inlineCard':
      return String(n.attrs?.url ?? '');
    default: {
      const inner = (n.content ?? []).map((c) => adfPlainText(c));
      const block = !['paragraph', 'heading'].includes(n.type) && n.type !== 'doc';
      return inner.join(block || n.type === 'doc' ? '\n' : '');
    }
  }
}

// ------------------------------------------------------------------ HTML (renderedFields)

const PANEL_COLOURS: Record<string, string> = {
  info: '#deebff',
  note: '#eae6ff',
  success: '#e3fcef',
  warning: '#fffae6',
  error: '#ffebe6',
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function markHtml(text: string, marks: AdfMark[] | undefined): string {
  let out = esc(text);
  for (const m of marks ?? []) {
    if (m.type === 'strong') out = `<b>${out}</b>`;
    else if (m.type === 'em') out = `<em>${out}</em>`;
    else if (m.type === 'code') out = `<tt>${out}</tt>`;
    else if (m.type === 'strike') out = `<del>${out}</del>`;
    else if (m.type === 'underline') out = `<ins>${out}</ins>`;
    else if (m.type === 'link') out = `<a href="${esc(String(m.attrs?.href ?? ''))}" class="external-link" rel="nofollow noreferrer">${out}</a>`;
  }
  return out;
}

/**
 * ADF → the HTML Jira puts in renderedFields / renderedBody (close to what Jira renders from wiki
 * markup; the exact classes Jira uses are a guess). `userUrl` builds a profile link for mentions.
 */
export function adfToHtml(node: AdfNode | AdfDoc | null, userUrl: (accountId: string) => string = () => '#'): string {
  if (!node) return '';
  const n = node as AdfNode;
  const inner = (): string => (n.content ?? []).map((c) => adfToHtml(c, userUrl)).join('');
  switch (n.type) {
    case 'doc':
      return inner();
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(n.attrs?.level ?? 1)));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'text':
      return markHtml(n.text ?? '', n.marks);
    case 'hardBreak':
      return '<br/>';
    case 'mention':
      return `<a href="${esc(userUrl(String(n.attrs?.id ?? '')))}" class="user-hover" rel="${esc(String(n.attrs?.id ?? ''))}">${esc(String(n.attrs?.text ?? '').replace(/^@/, ''))}</a>`;
    case 'emoji':
      return esc(String(n.attrs?.text ?? n.attrs?.shortName ?? ''));
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList':
      return `<ol>${inner()}</ol>`;
    case 'listItem':
      return `<li>${(n.content ?? []).map((c) => (c.type === 'paragraph' ? (c.content ?? []).map((x) => adfToHtml(x, userUrl)).join('') : adfToHtml(c, userUrl))).join('')}</li>`;
    case 'codeBlock':
      return `<div class="code panel"><div class="codeContent panelContent"><pre class="code-${esc(String(n.attrs?.language ?? 'java'))}">${esc(adfPlainText(n))}</pre></div></div>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'rule':
      return '<hr/>';
    case 'panel':
      return `<div class="panel" style="background-color: ${PANEL_COLOURS[String(n.attrs?.panelType)] ?? '#deebff'};border-width: 1px;"><div class="panelContent" style="background-color: ${PANEL_COLOURS[String(n.attrs?.panelType)] ?? '#deebff'};">${inner()}</div></div>`;
    case 'table':
      return `<div class="table-wrap"><table class="confluenceTable"><tbody>${inner()}</tbody></table></div>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
      return `<th class="confluenceTh">${cellHtml(n, userUrl)}</th>`;
    case 'tableCell':
      return `<td class="confluenceTd">${cellHtml(n, userUrl)}</td>`;
    case 'inlineCard':
      return `<a href="${esc(String(n.attrs?.url ?? ''))}" class="external-link" rel="nofollow noreferrer">${esc(String(n.attrs?.url ?? ''))}</a>`;
    default:
      return inner();
  }
}

function cellHtml(n: AdfNode, userUrl: (accountId: string) => string): string {
  const kids = n.content ?? [];
  if (kids.length === 1 && kids[0]!.type === 'paragraph') return (kids[0]!.content ?? []).map((c) => adfToHtml(c, userUrl)).join('');
  return kids.map((c) => adfToHtml(c, userUrl)).join('');
}
