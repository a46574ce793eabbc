// `tether export`: add Tether to an AI app's MCP configuration (or show the entry, the one-click link,
// or take it out again). The entry runs this very CLI by absolute path, with no secret in it.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clientReport, previewWrite, removeEntry, writeEntry, type ClientReport } from '../../core/export/client-export.ts';
import { CLIENTS, findClient } from '../../core/export/clients/index.ts';
import { exportEnvironment } from '../../core/export/environment.ts';
import { ConfigFileError } from '../../core/export/formats/config-file-error.ts';
import { nodeLaunchCommand } from '../../core/export/launch-command.ts';
import type { ExportState, LaunchCommand } from '../../core/export/types.ts';
import { UsageError } from '../cli-error.ts';

const ids = CLIENTS.map((c) => c.id).join(', ');

export const exportHelp = `Usage: tether export --list
       tether export <client> [--print | --write | --remove | --link]

Adds Tether to an AI app, so the app starts \`tether mcp\` by itself. Clients: ${ids}.
  --list     every client: installed?, Tether added?, where its configuration file is
  --print    show Tether's entry and where it would go, without writing (the default)
  --write    add Tether to the client's file, or update an outdated entry (a backup is kept next to it)
  --remove   take Tether's entry out again
  --link     print the client's one-click install link, or the command to paste into a terminal
  --bundle <file.mcpb>   claude-desktop only: write an MCP Bundle that Claude Desktop installs on double-click
The entry holds no password or token: \`tether mcp\` finds your credentials itself.`;

const STATE_WORDS: Record<ExportState, string> = { 'not-installed': 'not installed', 'not-added': 'not added', added: 'added', outdated: 'outdated — run --write' };

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { list: { type: 'boolean' }, print: { type: 'boolean' }, write: { type: 'boolean' }, remove: { type: 'boolean' }, link: { type: 'boolean' }, bundle: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${exportHelp}\n`);
    return 0;
  }
  const env = exportEnvironment();
  const launch = nodeLaunchCommand(realpathSync(process.argv[1]!));
  if (values.list) {
    if (positionals.length > 0) throw new UsageError('--list takes no client: run `tether export --list` alone.');
    process.stdout.write(table(await Promise.all(CLIENTS.map((c) => clientReport(c, launch, env).catch((e: unknown) => broken(c.id, c.name, c.configPath(env), e))))));
    return 0;
  }
  const [name, ...extra] = positionals;
  if (name === undefined) throw new UsageError(`Name a client (${ids}) or use --list. Run \`tether export --help\`.`);
  if (extra.length > 0) throw new UsageError(`One client at a time: "${extra.join(' ')}" is extra.`);
  const client = findClient(name);
  if (!client) throw new UsageError(`"${name}" is not a client Tether knows: use one of ${ids}.`);
  if (values.bundle !== undefined) {
    if (client.id !== 'claude-desktop') throw new UsageError('--bundle makes an MCP Bundle for Claude Desktop: use it with claude-desktop.');
    const { writeBundle } = await import('../../core/export/mcpb-bundle.ts');
    const file = path.resolve(values.bundle.endsWith('.mcpb') ? values.bundle : `${values.bundle}.mcpb`);
    await writeBundle(file, launch, TETHER_VERSION);
    process.stdout.write(`Wrote ${file}: double-click it (or drag it onto Claude Desktop's Settings → Extensions) to add Tether.\n`);
    return 0;
  }
  const actions = (['print', 'write', 'remove', 'link'] as const).filter((a) => values[a]);
  if (actions.length > 1) throw new UsageError(`Choose one of --${actions.join(', --')}.`);
  try {
    switch (actions[0] ?? 'print') {
      case 'write': {
        const result = await writeEntry(client, launch, env);
        if (result.change === 'unchanged') process.stdout.write(`Tether is already in ${client.name}'s configuration (${result.configPath}): nothing to change.\n`);
        else process.stdout.write(`${result.change === 'added' ? 'Added Tether to' : 'Updated Tether in'} ${client.name}: ${result.configPath}${result.backup ? `\nBackup of the previous file: ${result.backup}` : ''}\n${client.afterWrite}\n`);
        return 0;
      }
      case 'remove': {
        const result = await removeEntry(client, env);
        process.stdout.write(result.change === 'absent' ? `Tether is not in ${client.name}'s configuration (${result.configPath}): nothing to remove.\n` : `Removed Tether from ${client.name}: ${result.configPath}${result.backup ? `\nBackup of the previous file: ${result.backup}` : ''}\n`);
        return 0;
      }
      case 'link':
        return printLinks(client.id, launch, env);
      default: {
        const report = await clientReport(client, launch, env);
        const preview = await previewWrite(client, launch, env);
        const snippet = client.format.set('', preview.configPath, client.entryPath, preview.entry);
        process.stdout.write(`${client.name} — ${STATE_WORDS[report.state]}\nFile: ${preview.configPath} (${client.format.name})\nTether's entry (\`tether export ${client.id} --write\` merges it into the file):\n\n${snippet}`);
        return 0;
      }
    }
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    process.stderr.write(`tether: ${error.message}\n`);
    return 1;
  }
}

function printLinks(id: string, launch: LaunchCommand, env: ReturnType<typeof exportEnvironment>): number {
  const client = findClient(id)!;
  const routes = client.oneClick?.(launch, env) ?? [];
  if (routes.length === 0) {
    process.stdout.write(`${client.name} has no one-click link: run \`tether export ${client.id} --write\` to add Tether to its file.\n`);
    return 0;
  }
  for (const route of routes) process.stdout.write(`${route.kind === 'link' ? 'Open this link' : 'Run this command'}:\n${route.text}\n`);
  return 0;
}

function broken(id: ClientReport['id'], name: string, configPath: string, error: unknown): ClientReport & { problem: string } {
  if (!(error instanceof ConfigFileError)) throw error;
  return { id, name, configPath, installed: true, state: 'not-added', problem: 'file does not parse' };
}

function table(reports: (ClientReport & { problem?: string })[]): string {
  const rows = [['CLIENT', 'INSTALLED', 'STATUS', 'CONFIG FILE'], ...reports.map((r) => [r.id, r.installed ? 'yes' : 'no', r.problem ?? STATE_WORDS[r.state], r.configPath])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  return `${rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n')}\n`;
}
