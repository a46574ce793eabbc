// What Markdown cannot express travels beside it: the exact original storage bytes, keyed by a
// number that a placeholder in the Markdown refers to. Numbers follow document order, so
// converting the same storage twice yields the same ids.

export interface PreservedElement {
  /** 1, 2, 3… in document order. */
  id: number;
  /** What it is, for people and models: `jira-macro`, `toc-macro`, `layout`, `expand-macro`, `ac:adf-extension`… */
  kind: string;
  /** The exact original storage fragment, byte for byte. */
  xml: string;
  /**
   * Containers only (a layout, an expand, a panel, an inline comment…): the exact original bytes
   * around their editable bodies, in order — `parts.length` is the number of bodies plus one. The
   * bodies themselves appear in the Markdown between `begin`/`next`/`end` placeholders.
   */
  parts?: string[];
  /** True when the element stood at block level (a paragraph must not wrap it when it comes back). */
  block?: boolean;
}
