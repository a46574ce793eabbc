// Atlassian Document Format as plain JSON: the few types and helpers both directions share.

export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  marks?: AdfMark[];
  text?: string;
  [key: string]: unknown;
}

export interface AdfDoc extends AdfNode {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

/**
 * An ADF node Markdown cannot express, kept exactly as it came (a placeholder in the Markdown
 * refers to it by id). Containers keep their own JSON while the content at `holes` stays editable
 * Markdown between `begin`/`next`/`end` placeholders.
 */
export interface PreservedAdfNode {
  /** 1, 2, 3… in document order. */
  id: number;
  /** What it is, for people and models: `extension`, `decisionList`, `layoutSection`… */
  kind: string;
  /** The original node, untouched. */
  node: AdfNode;
  /**
   * Containers only: paths (child indexes from `node`) to the nodes whose `content` is written
   * as Markdown, in order; `[]` is the node itself.
   */
  holes?: number[][];
  /** True when the node stood at block level. */
  block?: boolean;
}

/** The title that marks a link as a block card: `[https://…](https://… "block-card")`. */
export const BLOCK_CARD_TITLE = 'block-card';
/** The label of a file card without an alt text: `[attachment](attachment:MEDIA_ID)`. */
export const FILE_LABEL = 'attachment';

/** Panels as GitHub alerts (the Confluence layer's mapping, plus CAUTION for error and SUCCESS). */
export const PANEL_ALERTS: Record<string, string> = { info: 'NOTE', note: 'IMPORTANT', tip: 'TIP', warning: 'WARNING', error: 'CAUTION', success: 'SUCCESS' };

/** Nodes that live inside paragraphs and headings. */
export const INLINE_TYPES = new Set(['text', 'hardBreak', 'mention', 'emoji', 'date', 'status', 'inlineCard', 'mediaInline', 'placeholder', 'inlineExtension']);

/** Nodes whose content is inline (text blocks). */
export const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'taskItem', 'decisionItem', 'caption']);

/** The order ProseMirror keeps marks in (adf-schema's marksInOrder): what the editor writes. */
const MARK_RANK = ['link', 'em', 'strong', 'textColor', 'backgroundColor', 'strike', 'subsup', 'underline', 'code', 'alignment', 'annotation', 'fontSize', 'breakout', 'dataConsumer', 'fragment', 'indentation', 'border'];

export function markRank(type: string): number {
  const at = MARK_RANK.indexOf(type);
  return at < 0 ? MARK_RANK.length : at;
}

export function sortMarks(marks: AdfMark[]): AdfMark[] {
  return [...marks].sort((a, b) => markRank(a.type) - markRank(b.type));
}

export function sameMark(a: AdfMark, b: AdfMark): boolean {
  return a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});
}

export function sameMarks(a: AdfMark[] = [], b: AdfMark[] = []): boolean {
  return a.length === b.length && a.every((m, i) => sameMark(m, b[i]!));
}

/** The visible text of a node, for summaries and fallbacks. */
export function adfText(node: AdfNode): string {
  if (typeof node.text === 'string') return node.text;
  const attrs = node.attrs ?? {};
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'mention' || node.type === 'emoji' || node.type === 'status' || node.type === 'placeholder') {
    return String(attrs.text ?? attrs.shortName ?? '');
  }
  if (node.type === 'inlineCard' || node.type === 'blockCard' || node.type === 'embedCard') return String(attrs.url ?? '');
  const parts = (node.content ?? []).map(adfText);
  return TEXT_BLOCKS.has(node.type) || INLINE_TYPES.has(node.type) ? parts.join('') : parts.join(' ');
}

/** Attribute names other than `allowed` (and localId, which Markdown never carries). */
export function extraAttrs(node: AdfNode | AdfMark, allowed: readonly string[]): string[] {
  return Object.keys(node.attrs ?? {}).filter((k) => k !== 'localId' && !allowed.includes(k));
}
