// Writing text into Markdown so that it reads as itself: only what Markdown would otherwise
// interpret is escaped, and nothing more (escapes cost bytes and readability).

const ALNUM = /[\p{L}\p{N}]/u;

/** Escapes text that sits inside a paragraph, heading, list item or table cell. */
export function escapeMarkdownText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
        out += `\\${c}`;
        break;
      case '_':
        out += ALNUM.test(text[i - 1] ?? '') && ALNUM.test(text[i + 1] ?? '') ? c : '\\_';
        break;
      case '~':
        out += text[i + 1] === '/' ? c : '\\~';
        break;
      case '<':
        out += /[A-Za-z/!?]/.test(text[i + 1] ?? '') ? '\\<' : c;
        break;
      case '&':
        out += /^&#?[A-Za-z0-9]+;/.test(text.slice(i, i + 34)) ? '\\&' : c;
        break;
      case ':':
        // `:smile:` would come back as an emoticon
        out += /^:[a-z-]+:/.test(text.slice(i, i + 16)) && !ALNUM.test(text[i - 1] ?? '') ? '\\:' : c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/** Escapes what would start a block at the beginning of a line of paragraph text. */
export function escapeLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((raw) => {
      const line = raw.replace(/^[ \t]+/, '');
      if (/^(#{1,6}(\s|$)|>|[-+](\s|$)|=+\s*$|-{2,}\s*$)/.test(line)) return `\\${line}`;
      const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(line);
      if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
      return line;
    })
    .join('\n');
}

/** Inline code: a backtick fence longer than any run of backticks inside. */
export function codeSpan(code: string): string {
  const text = code.replace(/\s+/g, ' ');
  if (text === '') return '';
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block with an info string. */
export function codeFence(code: string, info: string): string {
  const longest = Math.max(0, ...Array.from(code.matchAll(/^ {0,3}(`{3,})/gm), (m) => (m[1] ?? '').length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = code.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  return `${fence}${info}\n${body}${body === '' ? '' : '\n'}${fence}`;
}

/** Prefixes every line of a block (list continuation, block quote). */
export function indentLines(markdown: string, first: string, rest: string): string {
  return markdown
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line === '' ? rest.trimEnd() : rest + line))
    .join('\n');
}

/** A value in a code fence info string: bare when it can be, quoted otherwise. */
export function infoValue(value: string): string {
  return /^[^\s"'`=]+$/.test(value) ? value : `"${value.replace(/[\\"]/g, '\\$&').replace(/\n/g, ' ')}"`;
}

/** A fence info string: a language, then `key=value` (or `key="quoted value"`) code macro options. */
export function parseInfo(info: string): { language: string; params: [string, string][] } {
  const words = Array.from(info.trim().matchAll(/([^\s=]+)(?:=("(?:\\.|[^"\\])*"|\S*))?/g));
  let language = '';
  const params: [string, string][] = [];
  words.forEach((word, i) => {
    const [, key = '', value] = word;
    if (i === 0 && value === undefined) language = key;
    else params.push([key, value === undefined ? 'true' : value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value]);
  });
  return { language, params };
}
