// Jira Server/Data Center's rich text (wiki markup) ⇄ Markdown.
export { markdownToWiki, wikiToMarkdown, type WikiToMarkdownOptions } from './wiki-markdown.ts';
export { WIKI_PLACEHOLDER_HELP } from './wiki-placeholders.ts';
