// Jira Server/Data Center's wiki markup ⇄ Markdown. Both ways go through ADF, so the Markdown reads
// exactly like Jira Cloud's; what it cannot express rides along in `<!-- wiki … -->` comments
// (see wiki-placeholders.ts), so the text alone makes the round trip.
import { adfToMarkdown } from '../adf/adf-to-markdown.ts';
import { markdownToAdf } from '../adf/markdown-to-adf.ts';
import { adfToWiki, nodeToWiki } from './adf-to-wiki.ts';
import { embedPreserved, extractPreserved } from './wiki-placeholders.ts';
import { wikiToAdf } from './wiki-to-adf.ts';

export interface WikiToMarkdownOptions {
  /** A display name for a mentioned user: the user name of `[~jsmith]` or the account id of `[~accountid:…]`. */
  mentionName?: (user: string) => string | undefined;
}

export function wikiToMarkdown(wiki: string, options: WikiToMarkdownOptions = {}): string {
  const { markdown, preserved } = adfToMarkdown(wikiToAdf(wiki), {
    // a user name reads as itself until a lookup names the person
    mentionName: (id) => {
      const user = id.replace(/^(username|userkey)=/, '');
      return options.mentionName?.(user) ?? (user !== id ? user : undefined);
    },
  });
  return embedPreserved(markdown, preserved, nodeToWiki);
}

export function markdownToWiki(markdown: string): string {
  const extracted = extractPreserved(markdown);
  const { doc } = markdownToAdf(extracted.markdown, { preserved: extracted.preserved, strictNesting: false, localId: () => '' });
  const wiki = adfToWiki(doc);
  return wiki === '' ? '' : `${wiki}\n`;
}
