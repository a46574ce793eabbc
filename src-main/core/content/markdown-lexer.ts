// One configured Markdown parser (marked's lexer, GitHub-flavoured) that also knows our bracketed
// status/date tokens. Everything else is standard GFM.
import { Lexer, Marked, type Token, type Tokens, type TokenizerExtension } from 'marked';
import { parseToken, TOKEN, TOKEN_START, type DateToken, type StatusToken } from './inline-tokens.ts';

export type { Token, Tokens };

export interface ConfluenceToken extends Tokens.Generic {
  type: 'confluenceToken';
  raw: string;
  value: StatusToken | DateToken;
}

const confluenceToken: TokenizerExtension = {
  name: 'confluenceToken',
  level: 'inline',
  start(src: string) {
    return src.match(TOKEN_START)?.index;
  },
  tokenizer(src: string) {
    const match = TOKEN.exec(src);
    if (!match) return undefined;
    return { type: 'confluenceToken', raw: match[0], value: parseToken(match[1] ?? '', match[2] ?? '') } satisfies ConfluenceToken;
  },
};

const parser = new Marked({ gfm: true, extensions: [confluenceToken] });

/** The block tokens of a Markdown document (line endings normalised to \n). */
export function lexMarkdown(markdown: string): Token[] {
  return parser.lexer(markdown);
}

/** The inline tokens of one line of Markdown. */
export function lexInline(markdown: string): Token[] {
  return Lexer.lexInline(markdown, parser.defaults);
}
