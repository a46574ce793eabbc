// Validates recorded HTTP exchanges against Atlassian's official OpenAPI documents
// (Confluence Cloud v2 + v1, Jira Cloud platform v3), read at test time from ../shared/specs.
//
// Mapping (request path → spec operation):
//   api listener: strip `/ex/confluence/{cloudId}` or `/ex/jira/{cloudId}` first.
//   /wiki/api/v2/...   → confluence-v2.json (its servers url ends in /wiki/api/v2; paths are relative to it)
//   /wiki/rest/...     → confluence-v1.json (paths carry the full /wiki/rest/api/... path)
//   /rest/api/3/...    → jira-v3.json (also /rest/atlassian-connect/1, /rest/forge/1, /rest/internal/api)
//   everything else (Data Center, /_edge/tenant_info, Jira /rest/api/2, agile, OAuth) → notCovered.
//
// Lazy: a spec file is parsed on the first exchange that needs it; each operation's validators are
// compiled on first use and cached. OpenAPI 3.0 is converted to JSON Schema on the fly (nullable,
// readOnly/writeOnly in `required`, $ref siblings ignored, unknown formats ignored).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type Format, type ValidateFunction } from 'ajv';
import type { Exchange } from '../../src-main/sandbox/index.ts';

export interface SpecCheckResult {
  /** Exchanges that were matched to one of the specs and checked. */
  checked: number;
  /** "METHOD /path" of exchanges no spec covers (Data Center, tenant_info, Jira v2…), unique. */
  notCovered: string[];
  /** Readable findings, e.g. "GET /rest/api/3/myself 200: response body: /accountType must be …". */
  violations: string[];
}

export interface SpecChecker {
  available: boolean;
  reason?: string;
  check(exchanges: Exchange[]): SpecCheckResult;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

type Json = Record<string, unknown>;
type Mode = 'req' | 'res';

interface SpecDef {
  name: string;
  file: string;
  /** The path inside the spec for a product path, or undefined when this spec does not cover it. */
  claim(productPath: string): boolean;
  /** Path prefix the spec's `servers` url must have (checked when the file is loaded). */
  serverPath: string;
}

const SPEC_DEFS: SpecDef[] = [
  {
    name: 'confluence-v2',
    file: 'confluence-v2.json',
    claim: (p) => p === '/wiki/api/v2' || p.startsWith('/wiki/api/v2/'),
    serverPath: '/wiki/api/v2',
  },
  { name: 'confluence-v1', file: 'confluence-v1.json', claim: (p) => p.startsWith('/wiki/rest/'), serverPath: '' },
  {
    name: 'jira-v3',
    file: 'jira-v3.json',
    claim: (p) => /^\/rest\/(api\/3|atlassian-connect\/1|forge\/1|internal\/api)\//.test(p),
    serverPath: '',
  },
];

const FORMATS: Record<string, Format> = {
  // lenient like Atlassian's own output: Jira writes offsets as +0000
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uri: (s: string) => URL.canParse(s),
  url: (s: string) => URL.canParse(s),
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^\s@]+@[^\s@]+$/,
  int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -2_147_483_648 && n <= 2_147_483_647 },
  int64: { type: 'number', validate: (n: number) => Number.isInteger(n) },
};

/** JSON Schema keywords copied as they are (OpenAPI 3.0 schema object ∩ draft-07). */
const PLAIN_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
]);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

interface ParamDef {
  name: string;
  in: string;
  required: boolean;
  /** Scalar type used to coerce the string(s) from the URL. */
  type: string | undefined;
  itemType: string | undefined;
  validate: () => ValidateFunction | undefined;
}

interface MediaDef {
  json: boolean;
  validate: () => ValidateFunction | undefined;
}

interface OperationDef {
  label: string;
  params: ParamDef[];
  body?: { required: boolean; media: MediaDef | undefined; anyContent: boolean };
  responses: Map<string, MediaDef | undefined>;
}

function lazy<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

class Spec {
  private readonly doc: Json;
  private readonly ajv: Ajv;
  private readonly ids = new Map<string, string>();
  private readonly templates: Array<{ template: string; regex: RegExp; names: string[]; kinds: number[] }> = [];
  private readonly ops = new Map<string, OperationDef>();

  readonly def: SpecDef;

  constructor(def: SpecDef, file: string) {
    this.def = def;
    this.doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
    const servers = this.doc.servers as Array<{ url?: string }> | undefined;
    const serverUrl = servers?.[0]?.url ?? '';
    const serverPath = serverUrl.replace(/^[a-z]+:/i, '').replace(/^\/\/[^/]*/, '').replace(/\/$/, '');
    if (serverPath !== def.serverPath) {
      throw new Error(`spec-check: ${def.file} servers url is ${serverUrl}; expected a path of "${def.serverPath}" — update SPEC_DEFS`);
    }
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      addUsedSchema: false,
      allowUnionTypes: true,
      unicodeRegExp: false,
      logger: false,
      formats: FORMATS,
    });
    for (const template of Object.keys(this.doc.paths as Json)) {
      const names: string[] = [];
      const kinds: number[] = [];
      const source = template
        .split('/')
        .map((segment) => {
          kinds.push(segment.includes('{') ? 1 : 0);
          return segment.replace(/\{([^}]+)\}|([^{]+)/g, (_m, name: string | undefined, literal: string | undefined) => {
            if (name !== undefined) {
              names.push(name);
              return '([^/]+)';
            }
            return (literal ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          });
        })
        .join('/');
      this.templates.push({ template, regex: new RegExp(`^${source}/?$`), names, kinds });
    }
  }

  /** Path inside the spec for a product path. */
  specPath(productPath: string): string {
    return productPath.slice(this.def.serverPath.length) || '/';
  }

  /**
   * Templates matching a path, most specific first (a literal segment beats a parameter, left to
   * right). Two templates can share a shape and differ by method (…/async/{to} POST, …/async/{id} GET).
   */
  matches(specPath: string): Array<{ template: string; params: Record<string, string> }> {
    const found: Array<{ template: string; params: Record<string, string>; kinds: number[] }> = [];
    for (const t of this.templates) {
      const m = t.regex.exec(specPath);
      if (!m) continue;
      const params: Record<string, string> = {};
      t.names.forEach((n, i) => {
        params[n] = safeDecode(m[i + 1] ?? '');
      });
      found.push({ template: t.template, params, kinds: t.kinds });
    }
    return found.sort((a, b) => (moreSpecific(a.kinds, b.kinds) ? -1 : moreSpecific(b.kinds, a.kinds) ? 1 : 0));
  }

  hasPath(template: string): Json {
    return (this.doc.paths as Json)[template] as Json;
  }

  operation(template: string, method: string): OperationDef | undefined {
    const key = `${method} ${template}`;
    const cached = this.ops.get(key);
    if (cached) return cached;
    const item = this.hasPath(template);
    const op = item[method.toLowerCase()];
    if (!isObject(op)) return undefined;

    const rawParams = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])]
      .map((p) => this.deref(p))
      .filter(isObject);
    const byKey = new Map<string, Json>();
    for (const p of rawParams) byKey.set(`${String(p.in)}:${String(p.name)}`, p);
    const params: ParamDef[] = [...byKey.values()].map((p) => {
      const schema = this.deref(p.schema);
      const items = isObject(schema) ? this.deref(schema.items) : undefined;
      return {
        name: String(p.name),
        in: String(p.in),
        required: p.required === true || p.in === 'path',
        type: isObject(schema) && typeof schema.type === 'string' ? schema.type : undefined,
        itemType: isObject(items) && typeof items.type === 'string' ? items.type : undefined,
        validate: lazy(() => (p.schema === undefined ? undefined : this.compile(p.schema, 'req'))),
      };
    });

    let body: OperationDef['body'];
    const rb = this.deref(op.requestBody);
    if (isObject(rb)) {
      const content = isObject(rb.content) ? rb.content : {};
      body = { required: rb.required === true, media: this.media(content, 'req'), anyContent: Object.keys(content).length > 0 };
    }
    const responses = new Map<string, MediaDef | undefined>();
    for (const [status, r] of Object.entries(isObject(op.responses) ? op.responses : {})) {
      const resp = this.deref(r);
      responses.set(status.toUpperCase(), isObject(resp) && isObject(resp.content) ? this.media(resp.content, 'res') : undefined);
    }
    const def: OperationDef = { label: `${method} ${template} (${this.def.name})`, params, body, responses };
    this.ops.set(key, def);
    return def;
  }

  private media(content: Json, mode: Mode): MediaDef | undefined {
    const type =
      Object.keys(content).find((t) => /^application\/json\b/i.test(t)) ??
      Object.keys(content).find((t) => /json/i.test(t)) ??
      Object.keys(content).find((t) => t === '*/*');
    if (type === undefined) return undefined;
    const m = content[type];
    // No schema, or the empty schema {} (Jira documents its 201/204 answers that way): anything goes, no body included.
    if (!isObject(m) || m.schema === undefined || (isObject(m.schema) && Object.keys(m.schema).length === 0)) return { json: true, validate: () => undefined };
    const schema = m.schema;
    return { json: true, validate: lazy(() => this.compile(schema, mode)) };
  }

  private compile(schema: unknown, mode: Mode): ValidateFunction {
    return this.ajv.compile(this.convert(schema, mode) as Json);
  }

  private resolvePointer(ref: string): unknown {
    if (!ref.startsWith('#/')) throw new Error(`spec-check: external $ref not supported: ${ref}`);
    let node: unknown = this.doc;
    for (const raw of ref.slice(2).split('/')) {
      const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObject(node) ? node[seg] : Array.isArray(node) ? node[Number(seg)] : undefined;
      if (node === undefined) throw new Error(`spec-check: unresolved $ref ${ref} in ${this.def.file}`);
    }
    return node;
  }

  /** Follows $ref chains of non-schema objects (parameters, requestBodies, responses). */
  private deref(node: unknown): unknown {
    let n = node;
    for (let i = 0; i < 20 && isObject(n) && typeof n.$ref === 'string'; i++) n = this.resolvePointer(n.$ref);
    return n;
  }

  private refId(ref: string, mode: Mode): string {
    const key = `${mode} ${ref}`;
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    id = `https://spec-check.invalid/${this.def.name}/${mode}/${this.ids.size}`;
    this.ids.set(key, id); // before converting: recursive schemas come back to this id
    this.ajv.addSchema(this.convert(this.resolvePointer(ref), mode) as Json, id);
    return id;
  }

  /** OpenAPI 3.0 schema object → JSON Schema (draft-07 as Ajv reads it). */
  private convert(node: unknown, mode: Mode): unknown {
    if (typeof node === 'boolean') return node;
    if (!isObject(node)) return {};
    if (typeof node.$ref === 'string') return { $ref: this.refId(node.$ref, mode) }; // OAS 3.0: siblings ignored
    const out: Json = {};
    let oneOf: unknown[] | undefined;
    for (const [k, v] of Object.entries(node)) {
      if (PLAIN_KEYWORDS.has(k)) out[k] = v;
      else if (k === 'properties' && isObject(v)) {
        out.properties = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, this.convert(s, mode)]));
      } else if ((k === 'additionalProperties' || k === 'items' || k === 'not') && v !== undefined) {
        out[k] = typeof v === 'boolean' ? v : this.convert(v, mode);
      } else if ((k === 'allOf' || k === 'anyOf') && Array.isArray(v)) {
        out[k] = v.map((s) => this.convert(s, mode));
      } else if (k === 'oneOf' && Array.isArray(v)) {
        // Atlassian's oneOf alternatives overlap (e.g. PageBodyWrite vs PageNestedBodyWrite: open
        // objects, nothing required), so "exactly one" would refuse every valid body: read it as anyOf.
        oneOf = v.map((s) => this.convert(s, mode));
      } else if (k === 'format' && typeof v === 'string' && v in FORMATS) out.format = v;
      else if (k === 'pattern' && typeof v === 'string' && validRegex(v)) out.pattern = v;
    }
    if (oneOf) {
      if (out.anyOf === undefined) out.anyOf = oneOf;
      else out.allOf = [...((out.allOf as unknown[] | undefined) ?? []), { anyOf: oneOf }];
    }
    // OAS 3.0 exclusiveMinimum/Maximum are booleans qualifying minimum/maximum
    if (node.exclusiveMinimum === true && typeof node.minimum === 'number') {
      out.exclusiveMinimum = node.minimum;
      delete out.minimum;
    }
    if (node.exclusiveMaximum === true && typeof node.maximum === 'number') {
      out.exclusiveMaximum = node.maximum;
      delete out.maximum;
    }
    // readOnly properties are required in responses only, writeOnly ones in requests only
    if (Array.isArray(node.required)) {
      const props = isObject(node.properties) ? node.properties : {};
      out.required = node.required.filter((name) => {
        const p = this.deref(props[String(name)]);
        if (!isObject(p)) return true;
        return !(mode === 'req' ? p.readOnly === true : p.writeOnly === true);
      });
    }
    if (node.nullable === true) {
      const composite = 'allOf' in out || 'anyOf' in out || 'oneOf' in out || 'not' in out;
      if (typeof out.type === 'string' && !composite) {
        out.type = [out.type, 'null'];
        if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      } else {
        return { anyOf: [{ type: 'null' }, out] };
      }
    }
    return out;
  }
}

function moreSpecific(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] ?? 1) < (b[i] ?? 1);
  }
  return false;
}

function validRegex(p: string): boolean {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function coerce(value: string, type: string | undefined): unknown {
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  const out: string[] = [];
  for (const e of errors ?? []) {
    let msg = `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`;
    if (e.keyword === 'additionalProperties') msg += ` ('${String((e.params as { additionalProperty?: unknown }).additionalProperty)}')`;
    if (e.keyword === 'enum') msg += ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`;
    if (!out.includes(msg)) out.push(msg);
  }
  return out.slice(0, 8);
}

/**
 * Statuses Atlassian may answer without documenting them: auth, not found, version conflicts (409:
 * PUT /wiki/api/v2/pages/{id} documents none, yet a stale version.number gets one), rate limit,
 * server errors.
 */
function undocumentedErrorIsFine(status: number): boolean {
  return status === 401 || status === 403 || status === 404 || status === 409 || status === 429 || status >= 500;
}

/** The path inside the product, or undefined for paths no spec can cover. */
function productPathOf(ex: Exchange): string | undefined {
  if (ex.listener === 'dc') return undefined;
  if (ex.listener === 'api') {
    const m = /^\/ex\/(?:confluence|jira)\/[^/]+(\/.*)$/.exec(ex.path);
    return m?.[1];
  }
  return ex.path;
}

function isJsonContentType(headers: Record<string, string>, name: string): boolean {
  const v = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
  return /json/i.test(v);
}

class Checker implements SpecChecker {
  readonly available = true;
  private readonly specs = new Map<string, Spec>();

  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private spec(def: SpecDef): Spec {
    let s = this.specs.get(def.name);
    if (!s) {
      s = new Spec(def, path.join(this.dir, def.file));
      this.specs.set(def.name, s);
    }
    return s;
  }

  check(exchanges: Exchange[]): SpecCheckResult {
    const result: SpecCheckResult = { checked: 0, notCovered: [], violations: [] };
    for (const ex of exchanges) {
      const productPath = productPathOf(ex);
      const def = productPath === undefined ? undefined : SPEC_DEFS.find((d) => d.claim(productPath));
      if (productPath === undefined || def === undefined || ex.method === 'HEAD' || ex.method === 'OPTIONS') {
        const label = `${ex.method} ${ex.path}`;
        if (!result.notCovered.includes(label)) result.notCovered.push(label);
        continue;
      }
      result.checked += 1;
      const where = `${ex.method} ${ex.path} ${ex.status}`;
      for (const v of this.checkOne(this.spec(def), productPath, ex)) result.violations.push(`${where}: ${v}`);
    }
    return result;
  }

  private checkOne(spec: Spec, productPath: string, ex: Exchange): string[] {
    const candidates = spec.matches(spec.specPath(productPath));
    if (candidates.length === 0) return [`no path of ${spec.def.file} matches ${spec.specPath(productPath)}`];
    let found = candidates[0]!;
    let op: OperationDef | undefined;
    for (const c of candidates) {
      op = spec.operation(c.template, ex.method);
      if (op) {
        found = c;
        break;
      }
    }
    if (!op) return [`${spec.def.file} has ${found.template} but no ${ex.method} operation`];
    const problems: string[] = [];

    // -- path and query parameters
    for (const p of op.params.filter((p) => p.in === 'path')) {
      const raw = found.params[p.name];
      if (raw === undefined) continue;
      const v = p.validate();
      if (v && !v(coerce(raw, p.type))) problems.push(...formatErrors(v.errors).map((e) => `path parameter '${p.name}': ${e}`));
    }
    const queryParams = new Map(op.params.filter((p) => p.in === 'query').map((p) => [p.name, p]));
    for (const [name, value] of Object.entries(ex.query)) {
      const p = queryParams.get(name);
      if (!p) {
        problems.push(`query parameter '${name}' is not documented for ${op.label}`);
        continue;
      }
      const values = Array.isArray(value) ? value : [value];
      let data: unknown;
      if (p.type === 'array') data = values.flatMap((v) => v.split(',')).map((v) => coerce(v, p.itemType));
      else if (values.length > 1) {
        problems.push(`query parameter '${name}' is given ${values.length} times but is not an array`);
        continue;
      } else data = coerce(values[0] ?? '', p.type);
      if (p.type === 'object') continue; // deepObject etc.: not modelled
      const v = p.validate();
      if (v && !v(data)) problems.push(...formatErrors(v.errors).map((e) => `query parameter '${name}': ${e}`));
    }
    for (const p of queryParams.values()) {
      if (p.required && !(p.name in ex.query)) problems.push(`required query parameter '${p.name}' is missing`);
    }

    // -- request body
    const hasBody = ex.requestBody !== undefined && ex.requestBody !== '';
    if (!op.body) {
      if (hasBody && ex.method !== 'GET' && ex.method !== 'DELETE') problems.push('request body sent, but the operation takes none');
    } else if (!hasBody) {
      if (op.body.required) problems.push('request body is required');
    } else if (op.body.media) {
      // A JSON string body (Jira's watcher POST takes a bare "accountId") is recorded parsed, as a string.
      const jsonString = typeof ex.requestBody === 'string' && /^application\/json\b/i.test(ex.requestHeaders['content-type'] ?? '');
      if (typeof ex.requestBody === 'string' && !jsonString) problems.push('request body is not JSON');
      else {
        if (!isJsonContentType(ex.requestHeaders, 'content-type')) problems.push('request Content-Type is not application/json');
        const v = op.body.media.validate();
        if (v && !v(ex.requestBody)) problems.push(...formatErrors(v.errors).map((e) => `request body: ${e}`));
      }
    }

    // -- response
    const status = String(ex.status);
    const key = op.responses.has(status) ? status : op.responses.has(`${status[0]}XX`) ? `${status[0]}XX` : op.responses.has('DEFAULT') ? 'DEFAULT' : undefined;
    if (key === undefined) {
      if (!undocumentedErrorIsFine(ex.status)) {
        problems.push(`status ${status} is not documented (documented: ${[...op.responses.keys()].join(', ')})`);
      }
      return problems;
    }
    const media = op.responses.get(key);
    if (!media) return problems;
    const v = media.validate();
    if (!v) return problems;
    if (ex.responseBody === undefined) {
      if (ex.status >= 200 && ex.status < 300) problems.push('response has no body, but the spec documents a JSON schema');
      return problems;
    }
    if (typeof ex.responseBody === 'string' && !isJsonContentType(ex.responseHeaders, 'content-type')) {
      problems.push('response body is not JSON, but the spec documents a JSON schema');
      return problems;
    }
    if (!isJsonContentType(ex.responseHeaders, 'content-type')) problems.push('response Content-Type is not JSON');
    if (!v(ex.responseBody)) problems.push(...formatErrors(v.errors).map((e) => `response body: ${e}`));
    return problems;
  }
}

let warned = false;

/** Loads the checker; parsing of each spec file waits until an exchange needs it. */
export async function loadSpecChecker(specsDir?: string): Promise<SpecChecker> {
  const dir = specsDir ?? process.env.TETHER_SPECS_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'specs');
  const missing = SPEC_DEFS.map((d) => d.file).filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    const rel = path.relative(REPO_ROOT, dir);
    const shown = rel.startsWith('../..') || path.isAbsolute(rel) ? dir : rel || '.';
    const reason = existsSync(dir)
      ? `${shown} lacks ${missing.join(', ')}`
      : `${shown} not found`;
    if (!warned) {
      warned = true;
      process.stderr.write(`spec-check: ${reason} — requests were NOT checked against Atlassian's OpenAPI\n`);
    }
    return {
      available: false,
      reason,
      check: (exchanges) => ({ checked: 0, notCovered: [...new Set(exchanges.map((e) => `${e.method} ${e.path}`))], violations: [] }),
    };
  }
  return new Checker(dir);
}
