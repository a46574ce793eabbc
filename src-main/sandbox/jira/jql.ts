// A JQL parser good enough for the queries people and assistants write: clauses joined by
// AND/OR/NOT with parentheses, the operators = != ~ !~ > >= < <= IN, NOT IN, IS, IS NOT, values as
// words, quoted strings, lists and functions (currentUser(), openSprints(), startOfDay("-1d")…), and
// ORDER BY. Syntax errors carry Jira's wording ("Error in the JQL Query: …"); what the clauses
// mean is decided in ./search.ts.

/** A refused query: one or more sentences for `errorMessages`. */
export class JqlError extends Error {
  readonly messages: string[];

  constructor(message: string | string[]) {
    const list = Array.isArray(message) ? message : [message];
    super(list.join(' '));
    this.messages = list;
  }
}

export type JqlValue =
  | { kind: 'str'; value: string; quoted: boolean }
  | { kind: 'fn'; name: string; args: string[] }
  | { kind: 'empty' };

export type JqlOp = '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';

export type JqlExpr =
  | { kind: 'and' | 'or'; items: JqlExpr[] }
  | { kind: 'not'; item: JqlExpr }
  | { kind: 'clause'; field: string; op: JqlOp; values: JqlValue[]; list: boolean };

export interface JqlSort {
  field: string;
  dir: 'asc' | 'desc' | undefined;
}

export interface JqlQuery {
  where: JqlExpr | undefined;
  orderBy: JqlSort[];
}

interface Token {
  kind: 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma';
  text: string;
  /** 1-based column, as Jira reports it. */
  at: number;
}

const OPERATORS_SENTENCE = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
const RESERVED_WORDS = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'asc', 'desc']);

function syntax(message: string, at?: number): JqlError {
  return new JqlError(`Error in the JQL Query: ${message}${at === undefined ? '' : ` (line 1, character ${at})`}`);
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const at = i + 1;
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) {
          const n = src[j + 1]!;
          value += n === 'n' ? '\n' : n === 't' ? '\t' : n;
          j += 2;
          continue;
        }
        value += src[j];
        j += 1;
      }
      if (j >= src.length) throw syntax(`The quoted string '${value}' has not been completed.`, at);
      out.push({ kind: 'string', text: value, at });
      i = j + 1;
      continue;
    }
    if (c === '(') out.push({ kind: 'lparen', text: c, at });
    else if (c === ')') out.push({ kind: 'rparen', text: c, at });
    else if (c === ',') out.push({ kind: 'comma', text: c, at });
    if ('(),'.includes(c)) {
      i += 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '!~' || two === '>=' || two === '<=' || two === '&&' || two === '||') {
      out.push(two === '&&' ? { kind: 'word', text: 'AND', at } : two === '||' ? { kind: 'word', text: 'OR', at } : { kind: 'op', text: two, at });
      i += 2;
      continue;
    }
    if (c === '=' || c === '~' || c === '>' || c === '<') {
      out.push({ kind: 'op', text: c, at });
      i += 1;
      continue;
    }
    if (c === '!') {
      out.push({ kind: 'word', text: 'NOT', at });
      i += 1;
      continue;
    }
    const cf = /^cf\[\d+\]/i.exec(src.slice(i));
    if (cf) {
      out.push({ kind: 'word', text: cf[0], at });
      i += cf[0].length;
      continue;
    }
    // `/` is allowed inside words so that unquoted dates (2026/11/02) read as Jira reads them
    const word = /^[\p{L}\p{N}_\-.:+/]+/u.exec(src.slice(i));
    if (word) {
      out.push({ kind: 'word', text: word[0], at });
      i += word[0].length;
      continue;
    }
    throw syntax(
      `The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead.`,
      at,
    );
  }
  return out;
}

class Parser {
  private pos = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(t: Token | undefined, w: string): boolean {
    return t !== undefined && t.kind === 'word' && t.text.toLowerCase() === w;
  }

  query(): JqlQuery {
    let where: JqlExpr | undefined;
    if (this.peek() && !this.isWord(this.peek(), 'order')) where = this.or();
    const orderBy: JqlSort[] = [];
    const t = this.peek();
    if (this.isWord(t, 'order')) {
      this.pos += 1;
      if (!this.isWord(this.peek(), 'by')) throw syntax("Expecting 'BY' after 'ORDER'.", this.peek()?.at);
      this.pos += 1;
      for (;;) {
        const f = this.peek();
        if (!f || (f.kind !== 'word' && f.kind !== 'string')) {
          throw f ? syntax(`Expecting a field name but got '${f.text}'.`, f.at) : syntax('Expecting a field name at the end of the query.');
        }
        this.pos += 1;
        let dir: JqlSort['dir'];
        if (this.isWord(this.peek(), 'asc') || this.isWord(this.peek(), 'desc')) {
          dir = this.peek()!.text.toLowerCase() as 'asc' | 'desc';
          this.pos += 1;
        }
        orderBy.push({ field: f.text, dir });
        if (this.peek()?.kind !== 'comma') break;
        this.pos += 1;
      }
    }
    const rest = this.peek();
    if (rest) throw syntax(`Expecting either 'OR' or 'AND' but got '${rest.text}'.`, rest.at);
    return { where, orderBy };
  }

  private or(): JqlExpr {
    const items = [this.and()];
    while (this.isWord(this.peek(), 'or')) {
      this.pos += 1;
      items.push(this.and());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private and(): JqlExpr {
    const items = [this.not()];
    while (this.isWord(this.peek(), 'and')) {
      this.pos += 1;
      items.push(this.not());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private not(): JqlExpr {
    const t = this.peek();
    if (this.isWord(t, 'not')) {
      this.pos += 1;
      return { kind: 'not', item: this.not() };
    }
    if (t?.kind === 'lparen') {
      this.pos += 1;
      const inner = this.or();
      const close = this.peek();
      if (close?.kind !== 'rparen') throw close ? syntax(`Expecting ')' but got '${close.text}'.`, close.at) : syntax("Expecting ')' before the end of the query.");
      this.pos += 1;
      return inner;
    }
    return this.clause();
  }

  private clause(): JqlExpr {
    const f = this.peek();
    if (!f) throw syntax('Expecting a field name at the end of the query.');
    if ((f.kind !== 'word' && f.kind !== 'string') || (f.kind === 'word' && RESERVED_WORDS.has(f.text.toLowerCase()))) {
      throw syntax(`Expecting a field name but got '${f.text}'. You must surround '${f.text}' in quotation marks to use it as a field name.`, f.at);
    }
    this.pos += 1;
    const op = this.operator();
    if (op === 'is' || op === 'is not') {
      const v = this.peek();
      if (!this.isWord(v, 'empty') && !this.isWord(v, 'null')) {
        throw v ? syntax(`Expecting 'EMPTY' but got '${v.text}'.`, v.at) : syntax("Expecting 'EMPTY' before the end of the query.");
      }
      this.pos += 1;
      return { kind: 'clause', field: f.text, op, values: [{ kind: 'empty' }], list: false };
    }
    if (op === 'in' || op === 'not in') {
      const open = this.peek();
      if (open?.kind === 'lparen') {
        this.pos += 1;
        const values: JqlValue[] = [];
        for (;;) {
          values.push(this.value());
          const sep = this.peek();
          if (sep?.kind === 'comma') {
            this.pos += 1;
            continue;
          }
          if (sep?.kind === 'rparen') {
            this.pos += 1;
            break;
          }
          throw sep ? syntax(`Expecting ')' but got '${sep.text}'.`, sep.at) : syntax("Expecting ')' before the end of the query.");
        }
        return { kind: 'clause', field: f.text, op, values, list: true };
      }
      const v = this.value();
      return { kind: 'clause', field: f.text, op, values: [v], list: v.kind !== 'fn' };
    }
    return { kind: 'clause', field: f.text, op, values: [this.value()], list: false };
  }

  private operator(): JqlOp {
    const t = this.peek();
    if (!t) throw syntax(`Expecting operator before the end of the query. ${OPERATORS_SENTENCE}`);
    if (t.kind === 'op') {
      this.pos += 1;
      return t.text as JqlOp;
    }
    if (this.isWord(t, 'in')) {
      this.pos += 1;
      return 'in';
    }
    if (this.isWord(t, 'not') && this.isWord(this.tokens[this.pos + 1], 'in')) {
      this.pos += 2;
      return 'not in';
    }
    if (this.isWord(t, 'is')) {
      this.pos += 1;
      if (this.isWord(this.peek(), 'not')) {
        this.pos += 1;
        return 'is not';
      }
      return 'is';
    }
    throw syntax(`Expecting operator but got '${t.text}'. ${OPERATORS_SENTENCE}`, t.at);
  }

  private value(): JqlValue {
    const t = this.peek();
    if (!t) throw syntax('Expecting either a value, list or function before the end of the query.');
    if (t.kind === 'string') {
      this.pos += 1;
      return { kind: 'str', value: t.text, quoted: true };
    }
    if (t.kind !== 'word' || ['and', 'or', 'not', 'order', 'by', 'in', 'is'].includes(t.text.toLowerCase())) {
      throw syntax(`Expecting either a value, list or function but got '${t.text}'. You must surround '${t.text}' in quotation marks to use it as a value.`, t.at);
    }
    this.pos += 1;
    const lower = t.text.toLowerCase();
    if (lower === 'empty' || lower === 'null') return { kind: 'empty' };
    if (this.peek()?.kind === 'lparen') {
      this.pos += 1;
      const args: string[] = [];
      while (this.peek() && this.peek()!.kind !== 'rparen') {
        const a = this.peek()!;
        if (a.kind === 'comma') {
          this.pos += 1;
          continue;
        }
        if (a.kind !== 'word' && a.kind !== 'string') throw syntax(`Expecting ')' but got '${a.text}'.`, a.at);
        args.push(a.text);
        this.pos += 1;
      }
      if (!this.peek()) throw syntax("Expecting ')' before the end of the query.");
      this.pos += 1;
      return { kind: 'fn', name: t.text, args };
    }
    return { kind: 'str', value: t.text, quoted: false };
  }
}

export function parseJql(src: string): JqlQuery {
  return new Parser(tokenize(src)).query();
}

/** Every clause of an expression (for validation before evaluating). */
export function clausesOf(e: JqlExpr | undefined): Array<Extract<JqlExpr, { kind: 'clause' }>> {
  if (!e) return [];
  if (e.kind === 'clause') return [e];
  if (e.kind === 'not') return clausesOf(e.item);
  return e.items.flatMap(clausesOf);
}

/** Quotes a value for a JQL message the way Jira echoes it. */
export function describeValue(v: JqlValue): string {
  if (v.kind === 'empty') return 'EMPTY';
  if (v.kind === 'fn') return `${v.name}(${v.args.join(', ')})`;
  return v.value;
}
