import { describe, expect, it } from 'vitest';
import { ConfigFileError } from '../../../../src-main/core/export/formats/config-file-error.ts';
import { jsonFormat } from '../../../../src-main/core/export/formats/json-format.ts';

const json = jsonFormat({ comments: false });
const jsonc = jsonFormat({ comments: true });
const PATH = ['mcpServers', 'tether'];
const WIN = { command: 'C:\\Program Files\\nodejs\\node.exe', args: ['C:\\Users\\Zoë "Z"\\tether\\dist\\cli\\tether.js', 'mcp'] };
const entry = { command: '/usr/bin/node', args: ['/opt/tether/dist/cli/tether.js', 'mcp'] };

/** Everything outside Tether's entry survives: the text minus the inserted slice equals the original. */
function roundTrip(format: typeof json, original: string, path = PATH) {
  const added = format.set(original, 'f.json', path, entry);
  expect(format.read(added, 'f.json', path)).toEqual(entry);
  expect(format.remove(added, 'f.json', path)).toBe(original);
  return added;
}

describe('JSON client configs', () => {
  it('adds next to other servers and preferences, in the file’s own indentation', () => {
    const original = '{\n    "preferences": { "quickEntry": false },\n    "mcpServers": {\n        "github": {\n            "command": "gh"\n        }\n    }\n}\n';
    expect(roundTrip(json, original)).toBe(
      '{\n    "preferences": { "quickEntry": false },\n    "mcpServers": {\n        "github": {\n            "command": "gh"\n        },\n        "tether": {\n            "command": "/usr/bin/node",\n            "args": [\n                "/opt/tether/dist/cli/tether.js",\n                "mcp"\n            ]\n        }\n    }\n}\n',
    );
  });

  it('keeps CRLF, a BOM, tabs and odd spacing', () => {
    const original = '\uFEFF{\r\n\t"mcpServers"  :   {\r\n\t\t"a": {"command":"x"}  ,\r\n\t\t"b":{ "command" : "y" }\r\n\t},\r\n\t"z": [1,2,   3]\r\n}';
    const added = roundTrip(json, original);
    expect(added.startsWith('\uFEFF{\r\n\t"mcpServers"  :   {\r\n\t\t"a": {"command":"x"}  ,\r\n\t\t"b":{ "command" : "y" },\r\n\t\t"tether": {\r\n\t\t\t"command"')).toBe(true);
    expect(added.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(added.endsWith('\r\n\t},\r\n\t"z": [1,2,   3]\r\n}')).toBe(true);
  });

  it('creates the servers object when missing, and takes it away again', () => {
    const added = roundTrip(json, '{\n  "preferences": {\n    "menuBarEnabled": true\n  }\n}\n');
    expect(JSON.parse(added)).toEqual({ preferences: { menuBarEnabled: true }, mcpServers: { tether: entry } });
    roundTrip(json, '{"theme":"dark"}');
  });

  it('writes a new file from nothing', () => {
    expect(json.set('', 'f.json', PATH, entry)).toBe('{\n  "mcpServers": {\n    "tether": {\n      "command": "/usr/bin/node",\n      "args": [\n        "/opt/tether/dist/cli/tether.js",\n        "mcp"\n      ]\n    }\n  }\n}\n');
  });

  it('fills an empty servers object; removal takes the then-empty object away (documented)', () => {
    const added = json.set('{\n  "mcpServers": {}\n}\n', 'f.json', PATH, entry);
    expect(JSON.parse(added)).toEqual({ mcpServers: { tether: entry } });
    expect(json.remove(added, 'f.json', PATH)).toBe('{}\n');
  });

  it('replaces an outdated entry in place, leaving its neighbours alone', () => {
    const original = '{\n  "mcpServers": {\n    "tether": {"command": "old"},\n    "other": {"command": "x"}\n  }\n}\n';
    const updated = json.set(original, 'f.json', PATH, entry);
    expect(updated.startsWith('{\n  "mcpServers": {\n    "tether": {\n      "command": "/usr/bin/node"')).toBe(true);
    expect(updated.endsWith('    },\n    "other": {"command": "x"}\n  }\n}\n')).toBe(true);
    expect(json.remove(updated, 'f.json', PATH)).toBe('{\n  "mcpServers": {\n    "other": {"command": "x"}\n  }\n}\n');
  });

  it('escapes Windows paths', () => {
    const text = json.set('{}', 'f.json', PATH, WIN);
    expect(text).toContain('"C:\\\\Program Files\\\\nodejs\\\\node.exe"');
    expect(JSON.parse(text).mcpServers.tether).toEqual(WIN);
  });

  it('refuses a file that does not parse, naming line and column', () => {
    const broken = '{\n  "mcpServers": {\n    "a": { "command": "x" }\n    "b": {}\n  }\n}\n';
    expect(() => json.set(broken, '/home/u/cfg.json', PATH, entry)).toThrow(ConfigFileError);
    expect(() => json.set(broken, '/home/u/cfg.json', PATH, entry)).toThrow(/\/home\/u\/cfg\.json:4:5: not valid JSON: CommaExpected \(line 4, column 5\)/);
    expect(() => json.read('{ // no comments here\n}', 'c.json', PATH)).toThrow(/c\.json:1:3/);
    expect(() => json.set('[]', 'c.json', PATH, entry)).toThrow(/top level is not a JSON object/);
    expect(() => json.set('{"mcpServers": []}', 'c.json', PATH, entry)).toThrow(/"mcpServers" is not an object/);
  });
});

describe('JSONC client configs (VS Code, Zed, Gemini, opencode)', () => {
  it('keeps comments, including one trailing the last server, and trailing commas elsewhere', () => {
    const original = '// VS Code MCP\n{\n  /* servers */\n  "servers": {\n    "other": { "command": "x" }   // mine\n  },\n  "inputs": [],\n}\n';
    const added = roundTrip(jsonc, original, ['servers', 'tether']);
    expect(added).toContain('"other": { "command": "x" },   // mine\n    "tether": {');
  });

  it('adds into an object holding only a comment', () => {
    const original = '{\n  "context_servers": {\n    // none yet\n  }\n}';
    const added = jsonc.set(original, 'settings.json', ['context_servers', 'tether'], entry);
    expect(added).toContain('// none yet');
    expect(jsonc.read(added, 'settings.json', ['context_servers', 'tether'])).toEqual(entry);
  });
});
