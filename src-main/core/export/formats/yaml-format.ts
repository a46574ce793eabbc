// YAML (Goose's config.yaml), edited through the `yaml` package's Document, which keeps comments, key
// order and quoting of everything it does not touch. Sequence indentation is detected so a file
// written by Goose (serde_yaml: `- item` flush with its key) is written back the same way.
import { isMap, parseDocument, type Document } from 'yaml';
import type { JsonValue } from '../types.ts';
import { ConfigFileError } from './config-file-error.ts';
import type { ConfigFormat } from './config-format.ts';
import { textShape } from './text-shape.ts';

export const yamlFormat: ConfigFormat = {
  name: 'YAML',
  read(text, file, entryPath) {
    const value: unknown = parseYaml(text, file).getIn(entryPath);
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as JsonValue);
  },
  set(text, file, entryPath, value) {
    const doc = parseYaml(text, file);
    if (doc.contents === null) return render(text, parseDocument(''), entryPath, value);
    if (!isMap(doc.contents)) throw new ConfigFileError(file, 'the top level is not a mapping', 1, 1);
    return render(text, doc, entryPath, value);
  },
  remove(text, file, entryPath) {
    const doc = parseYaml(text, file);
    if (!doc.hasIn(entryPath)) return text;
    doc.deleteIn(entryPath);
    // A container holding nothing but Tether's entry goes with it (the inverse of creating it).
    for (let depth = entryPath.length - 1; depth > 0; depth--) {
      const container: unknown = doc.getIn(entryPath.slice(0, depth));
      if (isMap(container) && container.items.length === 0) doc.deleteIn(entryPath.slice(0, depth));
    }
    return stringifyLike(text, doc);
  },
};

function render(text: string, doc: Document, entryPath: string[], value: JsonValue): string {
  doc.setIn(entryPath, doc.createNode(value));
  return stringifyLike(text, doc);
}

function parseYaml(text: string, file: string): Document {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new ConfigFileError(file, `not valid YAML: ${error.message.split('\n')[0]}`, pos?.line, pos?.col);
  }
  return doc;
}

function stringifyLike(text: string, doc: Document): string {
  const { bom, eol } = textShape(text);
  // Sequences flush with their key (`key:\n- a`) in the original → keep them that way.
  const indentSeq = !/^([ \t]*)[^\s#-][^\n]*:[ \t]*\r?\n\1- /m.test(text);
  const out = doc.toString({ indentSeq, lineWidth: 0 });
  return bom + (eol === '\r\n' ? out.replace(/\r?\n/g, '\r\n') : out);
}
