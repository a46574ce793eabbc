// A real (if small) CQL: tokenizer, recursive-descent parser, and an evaluator over documents.
//
//   query   := expr? ( ORDER BY field [ASC|DESC] ( , field [ASC|DESC] )* )?
//   expr    := term ( OR term )*
//   term    := factor ( AND factor )*
//   factor  := NOT factor | '(' expr ')' | clause
//   clause  := field op value | field [NOT] IN '(' value ( , value )* ')'
//   op      := = | != | ~ | !~ | > | >= | < | <=
//   value   := "string" | 'string' | word | function '(' [ value ( , value )* ] ')'
//
// Keywords are case-insensitive. Anything else is a syntax error (CqlError), which the search
// route answers with Confluence's 400 "Could not parse cql : <cql>".

export class CqlError extends Error {}

export type CqlValue = { kind: 'str'; value: string } | { kind: 'fn'; name: string; args: string[] };

export type CqlExpr =
  | { kind: 'and'; items: CqlExpr[] }
  | { kind: 'or'; items: CqlExpr[] }
  | { kind: 'not'; expr: CqlExpr }
  | { kind: 'clause'; field: string; op: string; values: CqlValue[] };

export interface CqlQuery {
  where: CqlExpr | undefined;
  orderBy: Array<{ field: string; dir: 'asc' | 'desc' }>;
}

type Token =
  | { t: 'op'; v: string; at: number }
  | { t: 'punct'; v: '(' | ')' | ','; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'word'; v: string; at: number };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ t: 'punct', v: c, at: i });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '!~' || two === '>=' || two === '<=') {
      out.push({ t: 'op', v: two, at: i });
      i += 2;
      continue;
    }
    if (c === '=' || c === '~' || c === '>' || c === '<') {
      out.push({ t: 'op', v: c, at: i });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) {
          value += src[j + 1];
          j += 2;
        } else value += src[j++];
      }
      if (j >= src.length) throw new CqlError(`unterminated string at ${i}`);
      out.push({ t: 'str', v: value, at: i });
      i = j + 1;
      continue;
    }
    const m = /^[^\s()=,!~<>"']+/.exec(src.slice(i));
    if (!m) throw new CqlError(`unexpected character '${c}' at ${i}`);
    out.push({ t: 'word', v: m[0], at: i });
    i += m[0].length;
  }
  return out;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'order', 'by', 'asc', 'desc']);

export function parseCql(src: string): CqlQuery {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isKw = (tok: Token | undefined, kw: string): boolean => tok?.t === 'word' && tok.v.toLowerCase() === kw;
  const fail = (what: string): never => {
    const tok = peek();
    throw new CqlError(tok ? `${what}, found '${tok.v}' at ${tok.at}` : `${what}, found the end of the query`);
  };

  function expr(): CqlExpr {
    const items = [term()];
    while (isKw(peek(), 'or')) {
      pos++;
      items.push(term());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }
  function term(): CqlExpr {
    const items = [factor()];
    while (isKw(peek(), 'and')) {
      pos++;
      items.push(factor());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }
  function factor(): CqlExpr {
    const tok = peek();
    if (isKw(tok, 'not')) {
      pos++;
      return { kind: 'not', expr: factor() };
    }
    if (tok?.t === 'punct' && tok.v === '(') {
      pos++;
      const e = expr();
      const close = peek();
      if (close?.t !== 'punct' || close.v !== ')') fail("expected ')'");
      pos++;
      return e;
    }
    return clause();
  }
  function value(): CqlValue {
    const tok = peek();
    if (tok?.t === 'str') {
      pos++;
      return { kind: 'str', value: tok.v };
    }
    if (tok?.t === 'word' && !KEYWORDS.has(tok.v.toLowerCase())) {
      pos++;
      const open = peek();
      if (open?.t === 'punct' && open.v === '(') {
        pos++;
        const args: string[] = [];
        const first = peek();
        if (!(first?.t === 'punct' && first.v === ')')) {
          for (;;) {
            const a = value();
            if (a.kind !== 'str') fail('expected a plain function argument');
            args.push((a as { value: string }).value);
            const sep = peek();
            if (sep?.t === 'punct' && sep.v === ',') {
              pos++;
              continue;
            }
            break;
          }
        }
        const close = peek();
        if (close?.t !== 'punct' || close.v !== ')') fail("expected ')' after function arguments");
        pos++;
        return { kind: 'fn', name: tok.v, args };
      }
      return { kind: 'str', value: tok.v };
    }
    return fail('expected a value');
  }
  function clause(): CqlExpr {
    const f = peek();
    if (f?.t !== 'word' || KEYWORDS.has(f.v.toLowerCase())) fail('expected a field name');
    pos++;
    const field = (f as Token).v;
    let negated = false;
    if (isKw(peek(), 'not')) {
      negated = true;
      pos++;
      if (!isKw(peek(), 'in')) fail("expected 'in' after 'not'");
    }
    if (isKw(peek(), 'in')) {
      pos++;
      const open = peek();
      if (open?.t !== 'punct' || open.v !== '(') fail("expected '(' after 'in'");
      pos++;
      const values = [value()];
      for (;;) {
        const sep = peek();
        if (sep?.t === 'punct' && sep.v === ',') {
          pos++;
          values.push(value());
          continue;
        }
        if (sep?.t === 'punct' && sep.v === ')') {
          pos++;
          break;
        }
        fail("expected ',' or ')' in the list");
      }
      return { kind: 'clause', field, op: negated ? 'not in' : 'in', values };
    }
    const op = peek();
    if (op?.t !== 'op') fail('expected an operator');
    pos++;
    return { kind: 'clause', field, op: (op as Token).v, values: [value()] };
  }

  let where: CqlExpr | undefined;
  if (peek() !== undefined && !isKw(peek(), 'order')) where = expr();
  const orderBy: CqlQuery['orderBy'] = [];
  if (isKw(peek(), 'order')) {
    pos++;
    if (!isKw(peek(), 'by')) fail("expected 'by' after 'order'");
    pos++;
    for (;;) {
      const f = peek();
      if (f?.t !== 'word' || KEYWORDS.has(f.v.toLowerCase())) fail('expected a field to order by');
      pos++;
      let dir: 'asc' | 'desc' = 'asc';
      if (isKw(peek(), 'asc') || isKw(peek(), 'desc')) {
        dir = peek()!.v.toLowerCase() as 'asc' | 'desc';
        pos++;
      }
      orderBy.push({ field: (f as Token).v.toLowerCase(), dir });
      const sep = peek();
      if (sep?.t === 'punct' && sep.v === ',') {
        pos++;
        continue;
      }
      break;
    }
  }
  if (peek() !== undefined) fail('expected the end of the query');
  if (where === undefined && orderBy.length === 0) throw new CqlError('the query is empty');
  return { where, orderBy };
}

/** Decides one clause for one document; throws CqlError for unknown fields or operators. */
export type ClauseEvaluator<D> = (doc: D, field: string, op: string, values: CqlValue[]) => boolean;

export function evaluate<D>(e: CqlExpr, doc: D, clause: ClauseEvaluator<D>): boolean {
  switch (e.kind) {
    case 'and':
      return e.items.every((x) => evaluate(x, doc, clause));
    case 'or':
      return e.items.some((x) => evaluate(x, doc, clause));
    case 'not':
      return !evaluate(e.expr, doc, clause);
    case 'clause':
      return clause(doc, e.field.toLowerCase(), e.op.toLowerCase(), e.values);
  }
}

/** Every clause of a query (for checks such as "does it restrict the type or status?"). */
export function clauses(e: CqlExpr | undefined): Array<Extract<CqlExpr, { kind: 'clause' }>> {
  if (!e) return [];
  if (e.kind === 'clause') return [e];
  if (e.kind === 'not') return clauses(e.expr);
  return e.items.flatMap(clauses);
}

// ------------------------------------------------------------------------------ text and dates

function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

interface TextQuery {
  /** Each entry: one term (length 1) or a phrase; all entries must match. */
  groups: string[][];
}

export function textQuery(value: string): TextQuery {
  const groups: string[][] = [];
  const phrase = /"([^"]*)"/g;
  let rest = value;
  for (const m of value.matchAll(phrase)) {
    const w = words(m[1]!);
    if (w.length > 0) groups.push(w);
    rest = rest.replace(m[0], ' ');
  }
  for (const raw of rest.split(/\s+/)) {
    const cleaned = raw.replace(/[^\p{L}\p{N}*?]/gu, '').toLowerCase();
    if (cleaned === '' || cleaned === 'and' || cleaned === 'or') continue;
    groups.push([cleaned]);
  }
  return { groups };
}

function termMatches(term: string, word: string): boolean {
  if (/[*?]/.test(term)) {
    const re = new RegExp(`^${term.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    return re.test(word);
  }
  return term === word || stem(term) === stem(word);
}

/** Indexes (into `docWords`) of the words that match a text query, or undefined when it does not match. */
export function textMatch(q: TextQuery, docWords: string[]): number[] | undefined {
  if (q.groups.length === 0) return undefined;
  const hits: number[] = [];
  for (const g of q.groups) {
    let found = false;
    for (let i = 0; i + g.length <= docWords.length; i++) {
      if (g.every((t, k) => termMatches(t, docWords[i + k]!))) {
        found = true;
        for (let k = 0; k < g.length; k++) hits.push(i + k);
      }
    }
    if (!found) return undefined;
  }
  return hits;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

function applyOffset(base: Date, offset: string | undefined): Date {
  if (offset === undefined || offset.trim() === '') return base;
  const d = new Date(base);
  for (const m of offset.replace(/\s+/g, '').matchAll(/([+-]?)(\d+)([mhdwMy])/g)) {
    const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
    const unit = m[3]!;
    if (unit === 'M') d.setUTCMonth(d.getUTCMonth() + n);
    else if (unit === 'y') d.setUTCFullYear(d.getUTCFullYear() + n);
    else d.setTime(d.getTime() + n * UNIT_MS[unit]!);
  }
  return d;
}

/**
 * A date value as [start, end) in ms: "2026-01-01" is the whole day, "2026-01-01 10:30" a minute,
 * now("-7d") an instant, startOfDay()/startOfWeek()/startOfMonth()/startOfYear() (+offset) an instant.
 */
export function dateRange(v: CqlValue, now = Date.now()): [number, number] {
  if (v.kind === 'fn') {
    const name = v.name.toLowerCase();
    const base = new Date(now);
    let d: Date;
    switch (name) {
      case 'now':
        d = base;
        break;
      case 'startofday':
      case 'endofday':
        d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate()));
        if (name === 'endofday') d = new Date(d.getTime() + 86_400_000 - 1);
        break;
      case 'startofweek':
        d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() - ((base.getUTCDay() + 6) % 7)));
        break;
      case 'startofmonth':
        d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), 1));
        break;
      case 'startofyear':
        d = new Date(Date.UTC(base.getUTCFullYear(), 0, 1));
        break;
      default:
        throw new CqlError(`unknown date function ${v.name}()`);
    }
    const t = applyOffset(d, v.args[0]).getTime();
    return [t, t + 1];
  }
  const s = v.value.trim();
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(s);
  if (!m) throw new CqlError(`'${s}' is not a date (use "yyyy-MM-dd" or "yyyy-MM-dd HH:mm")`);
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]];
  if (h !== undefined) {
    const t = Date.UTC(y, mo - 1, d, Number(h), Number(mi));
    return [t, t + 60_000];
  }
  const t = Date.UTC(y, mo - 1, d);
  return [t, t + 86_400_000];
}

export function compareDate(at: number, op: string, range: [number, number]): boolean {
  const [start, end] = range;
  switch (op) {
    case '=':
      return at >= start && at < end;
    case '!=':
      return !(at >= start && at < end);
    case '>':
      return at >= end;
    case '>=':
      return at >= start;
    case '<':
      return at < start;
    case '<=':
      return at < end;
    default:
      throw new CqlError(`operator ${op} is not supported for dates`);
  }
}
