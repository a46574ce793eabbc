import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { tomlFormat as toml } from '../../../../src-main/core/export/formats/toml-format.ts';

const PATH = ['mcp_servers', 'tether'];
const entry = { command: '/usr/bin/node', args: ['/opt/tether/dist/cli/tether.js', 'mcp'] };
const CODEX = `# Codex settings
model = "gpt-5-codex"   # the default
approval_policy = "on-request"

[mcp_servers.github]
command = "npx"
args = ["-y", "@modelcontextprotocol/server-github"]
[mcp_servers.github.env]
GITHUB_TOKEN_ENV = "X"

# profiles below
[profiles.fast]
model = "o4-mini"
`;

describe('TOML (Codex)', () => {
  it('appends a [mcp_servers.tether] table and removes it byte for byte', () => {
    const added = toml.set(CODEX, 'config.toml', PATH, entry);
    expect(added).toBe(`${CODEX}\n[mcp_servers.tether]\ncommand = "/usr/bin/node"\nargs = [ "/opt/tether/dist/cli/tether.js", "mcp" ]\n`);
    expect(toml.read(added, 'config.toml', PATH)).toEqual(entry);
    expect(toml.remove(added, 'config.toml', PATH)).toBe(CODEX);
  });

  it('round-trips CRLF, a missing final newline, a BOM and an empty file', () => {
    for (const original of [CODEX.replace(/\n/g, '\r\n'), 'model = "x"', '\uFEFFmodel = "x"\n', '']) {
      const added = toml.set(original, 'config.toml', PATH, entry);
      expect(toml.read(added, 'config.toml', PATH)).toEqual(entry);
      if (original.includes('\r\n')) expect(added.replace(/\r\n/g, '')).not.toContain('\n');
      if (original !== '') expect(toml.remove(added, 'config.toml', PATH)).toBe(original);
    }
  });

  it('replaces an outdated table in place, with its sub-tables, keeping the comments around it', () => {
    const original = `a = 1\n\n[mcp_servers.tether]\ncommand = "old"\n[mcp_servers.tether.env]\nX = "1"\n\n# next\n[other]\nb = 2\n`;
    const updated = toml.set(original, 'config.toml', PATH, entry);
    expect(updated).toBe(`a = 1\n\n[mcp_servers.tether]\ncommand = "/usr/bin/node"\nargs = [ "/opt/tether/dist/cli/tether.js", "mcp" ]\n\n# next\n[other]\nb = 2\n`);
    expect(toml.remove(updated, 'config.toml', PATH)).toBe('a = 1\n\n# next\n[other]\nb = 2\n');
  });

  it('writes Windows paths as valid TOML strings', () => {
    const win = { command: 'C:\\Program Files\\nodejs\\node.exe', args: ['C:\\Users\\Zoë "Z"\\tether.js', 'mcp'] };
    const text = toml.set('', 'config.toml', PATH, win);
    expect((parse(text) as { mcp_servers: { tether: unknown } }).mcp_servers.tether).toEqual(win);
  });

  it('refuses a file that does not parse, and an entry written as an inline table', () => {
    expect(() => toml.set('model = "x"\n[broken\n', '/h/.codex/config.toml', PATH, entry)).toThrow(/\/h\/\.codex\/config\.toml:2:\d+: not valid TOML/);
    expect(() => toml.set('[mcp_servers]\ntether = { command = "x" }\n', 'c.toml', PATH, entry)).toThrow(/inline table or dotted keys/);
  });
});
