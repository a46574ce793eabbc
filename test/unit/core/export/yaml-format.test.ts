import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlFormat as yaml } from '../../../../src-main/core/export/formats/yaml-format.ts';

const PATH = ['extensions', 'tether'];
const entry = { enabled: true, type: 'stdio', name: 'tether', cmd: '/usr/bin/node', args: ['/opt/t.js', 'mcp'], envs: {}, timeout: 300 };
// The shape Goose itself writes (serde_yaml: sequences flush with their key), plus a user comment.
const GOOSE = `GOOSE_PROVIDER: anthropic
GOOSE_MODEL: claude-sonnet-4 # picked in goose configure
extensions:
  developer:
    bundled: true
    display_name: Developer
    enabled: true
    name: developer
    timeout: 300
    type: builtin
  fetch:
    args:
    - mcp-server-fetch
    cmd: uvx
    enabled: true
    envs: {}
    name: fetch
    timeout: 300
    type: stdio
`;

describe('YAML (Goose)', () => {
  it('adds the extension keeping comments and layout, and removes it byte for byte', () => {
    const added = yaml.set(GOOSE, 'config.yaml', PATH, entry);
    expect(added).toBe(`${GOOSE}  tether:\n    enabled: true\n    type: stdio\n    name: tether\n    cmd: /usr/bin/node\n    args:\n    - /opt/t.js\n    - mcp\n    envs: {}\n    timeout: 300\n`);
    expect(yaml.read(added, 'config.yaml', PATH)).toEqual(entry);
    expect(yaml.remove(added, 'config.yaml', PATH)).toBe(GOOSE);
  });

  it('creates extensions when missing and takes it away again; keeps CRLF', () => {
    const original = '# mine\r\nGOOSE_PROVIDER: openai\r\n';
    const added = yaml.set(original, 'config.yaml', PATH, entry);
    expect(added.replace(/\r\n/g, '')).not.toContain('\n');
    expect(yaml.remove(added, 'config.yaml', PATH)).toBe(original);
  });

  it('quotes Windows paths correctly', () => {
    const win = { ...entry, cmd: 'C:\\Program Files\\Tether\\Tether.exe', args: ['mcp'] };
    expect(parse(yaml.set('', 'config.yaml', PATH, win)).extensions.tether).toEqual(win);
  });

  it('refuses a file that does not parse', () => {
    expect(() => yaml.set('extensions:\n  a: [1, 2\nb: 3\n', '/h/config.yaml', PATH, entry)).toThrow(/\/h\/config\.yaml:\d+:\d+: not valid YAML/);
  });
});
