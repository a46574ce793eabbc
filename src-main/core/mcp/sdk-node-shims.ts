// Stands in for `@modelcontextprotocol/server/_shims` in the CLI bundle (scripts/build.mjs). The
// SDK's own Node shim evaluates all of ajv when the server module loads, for a JSON Schema
// validator that a tools-only server needs late or never; this one loads the SDK's validator on
// its first use instead. Same exports, same behaviour.
import { createRequire } from 'node:module';
import process from 'node:process';
import type { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';

type Validator = Pick<AjvJsonSchemaValidator, 'getValidator'>;

export class DefaultJsonSchemaValidator implements Validator {
  private inner: Validator | undefined;

  getValidator<T>(schema: Parameters<AjvJsonSchemaValidator['getValidator']>[0]) {
    if (!this.inner) {
      const { AjvJsonSchemaValidator: Ajv } = createRequire(import.meta.url)('@modelcontextprotocol/server/validators/ajv') as { AjvJsonSchemaValidator: typeof AjvJsonSchemaValidator };
      this.inner = new Ajv();
    }
    return this.inner.getValidator<T>(schema);
  }
}

export { process };
