// Jira Cloud's rich text (Atlassian Document Format) ⇄ Markdown.
export { adfToMarkdown, type AdfToMarkdownOptions, type AdfToMarkdownResult } from './adf-to-markdown.ts';
export { markdownToAdf, type MarkdownToAdfOptions, type MarkdownToAdfResult } from './markdown-to-adf.ts';
export type { AdfDoc, AdfMark, AdfNode, PreservedAdfNode } from './adf-nodes.ts';
