// Jira wiki markup ⇄ ADF. REST v2 (Cloud and Data Center) reads and writes rich text as wiki
// markup; the store keeps ADF, so v2 answers convert on the way out and v2 writes on the way in.
// Covers what Jira's own converter handles for everyday text: headings, marks, links, mentions,
// lists, code/noformat, panels, quotes, tables, rules. Round-trips of these are stable.

import { type AdfDoc, type AdfMark, type AdfNode, txt } from './adf.ts';

/** How mentions are written: Cloud `[~accountid:<id>]`, Data Center `[~<username>]`. */
export interface MentionCodec {
  /** Wiki reference for an account id (without the brackets and tilde). */
  toWiki(accountId: string): string;
  /** Resolves the part after `~` to an account id and display name. */
  fromWiki(ref: string): { id: string; name: string } | undefined;
}

const PANEL_BY_COLOUR: Record<string, string> = {
  '#deebff': 'info',
  '#eae6ff': 'note',
  '#e3fcef': 'success',
  '#fffae6': 'warning',
  '#ffebe6': 'error',
};
const COLOUR_BY_PANEL: Record<string, string> = Object.fromEntries(Object.entries(PANEL_BY_COLOUR).map(([c, p]) => [p, c]));

// ------------------------------------------------------------------ ADF → wiki

export function adfToWiki(d: AdfDoc | AdfNode | null, mentions: MentionCodec): string {
  if (!d) return '';
  return blocksToWiki(d.content ?? [], mentions).join('\n\n');
}

function blocksToWiki(nodes: AdfNode[], m: MentionCodec): string[] {
  return nodes.map((n) => blockToWiki(n, m)).filter((s) => s !== '');
}

function blockToWiki(n: AdfNode, m: MentionCodec): string {
  switch (n.type) {
    case 'paragraph':
      return inlineToWiki(n.content ?? [], m);
    case 'heading':
      return `h${Number(n.attrs?.level ?? 1)}. ${inlineToWiki(n.content ?? [], m)}`;
    case 'bulletList':
    case 'orderedList':
      return listToWiki(n, '', m).join('\n');
    case 'codeBlock': {
      const body = (n.content ?? []).map((c) => c.text ?? '').join('');
      const lang = typeof n.attrs?.language === 'string' && n.attrs.language !== '' ? n.attrs.language : undefined;
      return lang ? `{code:${lang}}${body}{code}` : `{noformat}${body}{noformat}`;
    }
    case 'panel':
      return `{panel:bgColor=${COLOUR_BY_PANEL[String(n.attrs?.panelType)] ?? '#deebff'}}\n${blocksToWiki(n.content ?? [], m).join('\n\n')}\n{panel}`;
    case 'blockquote':
      return `{quote}${blocksToWiki(n.content ?? [], m).join('\n\n')}{quote}`;
    case 'rule':
      return '----';
    case 'table':
      return (n.content ?? [])
        .map((row) => {
          const cells = row.content ?? [];
          const header = cells.length > 0 && cells.every((c) => c.type === 'tableHeader');
          const sep = header ? '||' : '|';
          return `${sep}${cells.map((c) => blocksToWiki(c.content ?? [], m).join(' ')).join(sep)}${sep}`;
        })
        .join('\n');
    case 'mediaSingle':
    case 'mediaGroup':
      return (n.content ?? []).map((c) => `!${String(c.attrs?.alt ?? c.attrs?.id ?? 'attachment')}|thumbnail!`).join(' ');
    default:
      return n.content ? blocksToWiki(n.content, m).join('\n\n') : inlineToWiki([n], m);
  }
}

function listToWiki(list: AdfNode, prefix: string, m: MentionCodec): string[] {
  const marker = `${prefix}${list.type === 'orderedList' ? '#' : '*'}`;
  const out: string[] = [];
  for (const item of list.content ?? []) {
    const parts = item.content ?? [];
    const first = parts[0];
    out.push(`${marker} ${first && first.type === 'paragraph' ? inlineToWiki(first.content ?? [], m) : ''}`);
    for (const rest of parts.slice(first && first.type === 'paragraph' ? 1 : 0)) {
      if (rest.type === 'bulletList' || rest.type === 'orderedList') out.push(...listToWiki(rest, marker, m));
      else out.push(blockToWiki(rest, m));
    }
  }
  return out;
}

function inlineToWiki(nodes: AdfNode[], m: MentionCodec): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return marksToWiki(n.text ?? '', n.marks ?? []);
        case 'hardBreak':
          return '\n';
        case 'mention':
          return `[~${m.toWiki(String(n.attrs?.id ?? ''))}]`;
        case 'emoji':
          return String(n.attrs?.shortName ?? n.attrs?.text ?? '');
        case 'inlineCard':
          return `[${String(n.attrs?.url ?? '')}|${String(n.attrs?.url ?? '')}|smart-link]`;
        default:
          return inlineToWiki(n.content ?? [], m);
      }
    })
    .join('');
}

function marksToWiki(text: string, marks: AdfMark[]): string {
  let out = text;
  let href: string | undefined;
  for (const mark of marks) {
    if (mark.type === 'code') out = `{{${out}}}`;
    else if (mark.type === 'strong') out = `*${out}*`;
    else if (mark.type === 'em') out = `_${out}_`;
    else if (mark.type === 'strike') out = `-${out}-`;
    else if (mark.type === 'underline') out = `+${out}+`;
    else if (mark.type === 'subsup') out = mark.attrs?.type === 'sub' ? `~${out}~` : `^${out}^`;
    else if (mark.type === 'textColor') out = `{color:${String(mark.attrs?.color ?? '#000000')}}${out}{color}`;
    else if (mark.type === 'link') href = String(mark.attrs?.href ?? '');
  }
  if (href !== undefined) return out === href ? `[${href}]` : `[${out}|${href}]`;
  return out;
}

// ------------------------------------------------------------------ wiki → ADF

export function wikiToAdf(wiki: string, mentions: MentionCodec): AdfDoc {
  const lines = wiki.replace(/\r\n?/g, '\n').split('\n');
  return { type: 'doc', version: 1, content: parseBlocks(lines, mentions) };
}

function parseBlocks(lines: string[], m: MentionCodec): AdfNode[] {
  const out: AdfNode[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) {
      const content: AdfNode[] = [];
      paragraph.forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' });
        content.push(...parseInline(line, m));
      });
      out.push({ type: 'paragraph', content });
      paragraph = [];
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    const block = /^\{(code|noformat|panel|quote)(?::([^}]*))?\}(.*)$/.exec(trimmed);
    if (block) {
      flush();
      const tag = block[1]!;
      const closing = `{${tag}}`;
      const body: string[] = [];
      let rest = block[3] ?? '';
      let j = i;
      for (;;) {
        const end = rest.indexOf(closing);
        if (end >= 0) {
          body.push(rest.slice(0, end));
          break;
        }
        body.push(rest);
        j += 1;
        if (j >= lines.length) break;
        rest = lines[j]!;
      }
      i = j;
      const text = body.join('\n').replace(/^\n/, '').replace(/\n$/, '');
      if (tag === 'code' || tag === 'noformat') {
        const params = block[2] ?? '';
        const lang = /language=([^|]+)/.exec(params)?.[1] ?? (params !== '' && !params.includes('=') ? params.split('|')[0] : undefined);
        out.push({ type: 'codeBlock', attrs: tag === 'code' && lang ? { language: lang } : {}, content: text === '' ? [] : [txt(text)] });
      } else if (tag === 'panel') {
        const colour = /bgColor=(#[0-9a-fA-F]{6})/.exec(block[2] ?? '')?.[1]?.toLowerCase();
        out.push({ type: 'panel', attrs: { panelType: (colour && PANEL_BY_COLOUR[colour]) ?? 'info' }, content: parseBlocks(text.split('\n'), m) });
      } else {
        out.push({ type: 'blockquote', content: parseBlocks(text.split('\n'), m) });
      }
      continue;
    }
    if (trimmed === '') {
      flush();
      continue;
    }
    const h = /^h([1-6])\.\s+(.*)$/.exec(trimmed);
    if (h) {
      flush();
      out.push({ type: 'heading', attrs: { level: Number(h[1]) }, content: parseInline(h[2]!, m) });
      continue;
    }
    const bq = /^bq\.\s+(.*)$/.exec(trimmed);
    if (bq) {
      flush();
      out.push({ type: 'blockquote', content: [{ type: 'paragraph', content: parseInline(bq[1]!, m) }] });
      continue;
    }
    if (/^-{4,}$/.test(trimmed)) {
      flush();
      out.push({ type: 'rule' });
      continue;
    }
    if (trimmed.startsWith('|')) {
      flush();
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.trim().startsWith('|')) rows.push(lines[i++]!.trim());
      i -= 1;
      out.push(parseTable(rows, m));
      continue;
    }
    if (/^[*#]+\s/.test(trimmed)) {
      flush();
      const items: string[] = [];
      while (i < lines.length && /^[*#]+\s/.test(lines[i]!.trim())) items.push(lines[i++]!.trim());
      i -= 1;
      out.push(...parseList(items, m));
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return out;
}

function parseTable(rows: string[], m: MentionCodec): AdfNode {
  return {
    type: 'table',
    attrs: { isNumberColumnEnabled: false, layout: 'default' },
    content: rows.map((row) => {
      const header = row.startsWith('||');
      const cells = row
        .replace(/^\|\|?/, '')
        .replace(/\|\|?$/, '')
        .split(header ? '||' : '|');
      return {
        type: 'tableRow',
        content: cells.map((c) => ({
          type: header ? 'tableHeader' : 'tableCell',
          attrs: {},
          content: [{ type: 'paragraph', content: parseInline(c.trim(), m) }],
        })),
      };
    }),
  };
}

/** Lines like `* a`, `** b`, `# c` → nested bullet/ordered lists. */
function parseList(items: string[], m: MentionCodec): AdfNode[] {
  const parsed = items.map((line) => {
    const mm = /^([*#]+)\s+(.*)$/.exec(line)!;
    return { markers: mm[1]!, text: mm[2]! };
  });
  let pos = 0;
  function build(depth: number): AdfNode[] {
    const lists: AdfNode[] = [];
    while (pos < parsed.length && parsed[pos]!.markers.length >= depth) {
      const kind = parsed[pos]!.markers[depth - 1] === '#' ? 'orderedList' : 'bulletList';
      const list: AdfNode = { type: kind, ...(kind === 'orderedList' ? { attrs: { order: 1 } } : {}), content: [] };
      while (pos < parsed.length && parsed[pos]!.markers.length >= depth) {
        const cur = parsed[pos]!;
        if (cur.markers.length > depth) {
          const last = list.content![list.content!.length - 1];
          const nested = build(depth + 1);
          if (last) last.content!.push(...nested);
          else list.content!.push({ type: 'listItem', content: nested });
          continue;
        }
        if ((cur.markers[depth - 1] === '#' ? 'orderedList' : 'bulletList') !== kind) break;
        list.content!.push({ type: 'listItem', content: [{ type: 'paragraph', content: parseInline(cur.text, m) }] });
        pos += 1;
      }
      lists.push(list);
      if (depth > 1) break;
    }
    return lists;
  }
  return build(1);
}

const OPENERS: Record<string, string> = { '*': 'strong', _: 'em', '-': 'strike', '+': 'underline', '^': 'sup', '~': 'sub' };

/** Inline wiki → text nodes with marks, mentions and links. */
export function parseInline(s: string, m: MentionCodec, marks: AdfMark[] = []): AdfNode[] {
  const out: AdfNode[] = [];
  let plain = '';
  const push = (node: AdfNode): void => {
    if (plain !== '') out.push(withMarks(plain, marks));
    plain = '';
    out.push(node);
  };
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    const codeM = /^\{\{(.+?)\}\}/.exec(rest);
    if (codeM) {
      push(withMarks(codeM[1]!, [...marks, { type: 'code' }]));
      i += codeM[0].length;
      continue;
    }
    const colourM = /^\{color:([^}]+)\}(.*?)\{color\}/.exec(rest);
    if (colourM) {
      if (plain !== '') out.push(withMarks(plain, marks));
      plain = '';
      out.push(...parseInline(colourM[2]!, m, [...marks, { type: 'textColor', attrs: { color: colourM[1]! } }]));
      i += colourM[0].length;
      continue;
    }
    const mentionM = /^\[~([^\]]+)\]/.exec(rest);
    if (mentionM) {
      const who = m.fromWiki(mentionM[1]!);
      if (who) {
        push({ type: 'mention', attrs: { id: who.id, text: `@${who.name}`, accessLevel: '' } });
        i += mentionM[0].length;
        continue;
      }
    }
    const linkM = /^\[([^\]|]+?)(?:\|([^\]|]+?))?(?:\|smart-link)?\]/.exec(rest);
    if (linkM && (linkM[2] !== undefined || /^[a-z][a-z0-9+.-]*:/i.test(linkM[1]!))) {
      const href = linkM[2] ?? linkM[1]!;
      if (plain !== '') out.push(withMarks(plain, marks));
      plain = '';
      out.push(...parseInline(linkM[1]!, m, [...marks, { type: 'link', attrs: { href } }]));
      i += linkM[0].length;
      continue;
    }
    const ch = s[i]!;
    const markType = OPENERS[ch];
    if (markType && opensAt(s, i)) {
      const close = closingIndex(s, i, ch);
      if (close > i + 1) {
        if (plain !== '') out.push(withMarks(plain, marks));
        plain = '';
        const mark: AdfMark = markType === 'sup' || markType === 'sub' ? { type: 'subsup', attrs: { type: markType } } : { type: markType };
        out.push(...parseInline(s.slice(i + 1, close), m, [...marks, mark]));
        i = close + 1;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  if (plain !== '') out.push(withMarks(plain, marks));
  return out;
}

function withMarks(text: string, marks: AdfMark[]): AdfNode {
  return marks.length > 0 ? { type: 'text', text, marks: marks.map((x) => ({ ...x })) } : { type: 'text', text };
}

function opensAt(s: string, i: number): boolean {
  const prev = i === 0 ? ' ' : s[i - 1]!;
  const next = s[i + 1];
  return /[\s([{"'>]/.test(prev) && next !== undefined && !/\s/.test(next);
}

function closingIndex(s: string, open: number, ch: string): number {
  for (let j = open + 2; j < s.length; j++) {
    if (s[j] !== ch) continue;
    const before = s[j - 1]!;
    const after = s[j + 1];
    if (!/\s/.test(before) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return j;
  }
  return -1;
}
