// The official ADF JSON schema (@atlaskit/adf-schema's json-schema/v1/full.json, draft-04) compiled
// once with ajv: every document the converters produce is checked against it. The schema uses no
// keyword that draft-04 reads differently, so ajv's default draft takes it once $schema is set aside.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { expect } from 'vitest';

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (validate) return validate;
  const file = createRequire(import.meta.url).resolve('@atlaskit/adf-schema/json-schema/v1/full.json');
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  validate = new Ajv({ strict: false }).compile(schema);
  return validate;
}

export function isValidAdf(doc: unknown): boolean {
  return validator()(doc);
}

/** Fails naming the first top-level block the schema rejects (anyOf errors alone say little). */
export function expectValidAdf(doc: { content?: unknown[] }): void {
  if (isValidAdf(doc)) return;
  const index = (doc.content ?? []).findIndex((block) => !isValidAdf({ version: 1, type: 'doc', content: [block] }));
  const block = index >= 0 ? JSON.stringify(doc.content![index]).slice(0, 600) : JSON.stringify(doc).slice(0, 600);
  expect.fail(`not valid ADF (block ${index}): ${block}`);
}
