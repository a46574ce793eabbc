// The content layer as the tools use it, behind one door so that they can load it on first use:
// its parsers (htmlparser2, marked) cost more to start than the MCP server itself.
export { chunkMarkdown } from './chunk-markdown.ts';
export { markdownToStorage } from './markdown-to-storage.ts';
export { parseStorage, textContent } from './storage-dom.ts';
export { maxTaskId, replaceStorageSection } from './storage-sections.ts';
export { storageToMarkdown } from './storage-to-markdown.ts';
