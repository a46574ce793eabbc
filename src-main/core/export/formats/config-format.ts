// One file format (JSON, JSONC, TOML, YAML): read Tether's entry, put it, take it out — changing no
// byte outside it. Every function refuses (ConfigFileError) a text that does not parse.
import type { JsonObject, JsonValue } from '../types.ts';

export interface ConfigFormat {
  name: 'JSON' | 'JSONC' | 'TOML' | 'YAML';
  /** The value at entryPath, or undefined when absent. */
  read(text: string, file: string, entryPath: string[]): JsonValue | undefined;
  /** The text with entryPath set to value (created or replaced). */
  set(text: string, file: string, entryPath: string[], value: JsonObject): string;
  /** The text without entryPath; a container left empty by the removal goes too (the inverse of set). */
  remove(text: string, file: string, entryPath: string[]): string;
}
