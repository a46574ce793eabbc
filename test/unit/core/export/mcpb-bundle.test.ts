// Claude Desktop's MCP Bundle: a zip whose manifest (manifest_version 0.3) passes the official
// validator, starts this computer's `tether mcp`, and holds no secret.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { validateManifest } from '@anthropic-ai/mcpb';
import { Ajv } from 'ajv';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildBundle, writeBundle } from '../../../../src-main/core/export/mcpb-bundle.ts';
import { nodeLaunchCommand } from '../../../../src-main/core/export/launch-command.ts';
import { repoRoot } from '../../../helpers/run-tether.ts';

const launch = nodeLaunchCommand(path.join(repoRoot, 'dist', 'cli', 'tether.js'));

describe('the Claude Desktop bundle', () => {
  it('holds a manifest the official validator and the 0.3 JSON schema accept', async () => {
    const files = unzipSync(buildBundle(launch, '1.2.3'));
    expect(Object.keys(files).sort()).toEqual(['manifest.json', 'server/launch-tether.js']);
    const manifestText = strFromU8(files['manifest.json']!);
    const manifest = JSON.parse(manifestText);
    expect(manifest).toMatchObject({ manifest_version: '0.3', name: 'tether', version: '1.2.3', server: { type: 'node', entry_point: 'server/launch-tether.js', mcp_config: { command: launch.command, args: launch.args, env: {} } } });

    const dir = await mkdtemp(path.join(os.tmpdir(), 'tether-mcpb-'));
    await writeFile(path.join(dir, 'manifest.json'), manifestText);
    expect(validateManifest(path.join(dir, 'manifest.json'))).toBe(true);

    const schema = JSON.parse(await readFile(path.join(repoRoot, 'node_modules/@anthropic-ai/mcpb/dist/mcpb-manifest-v0.3.schema.json'), 'utf8'));
    delete schema.$schema;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it('carries only the launch command: no env, no secret, Windows paths intact', () => {
    const text = strFromU8(unzipSync(buildBundle({ command: 'C:\\Program Files\\nodejs\\node.exe', args: ['C:\\Users\\Ann Lee\\tether\\dist\\cli\\tether.js', 'mcp'] }, '1.0.0'))['manifest.json']!);
    expect(JSON.parse(text).server.mcp_config).toEqual({ command: 'C:\\Program Files\\nodejs\\node.exe', args: ['C:\\Users\\Ann Lee\\tether\\dist\\cli\\tether.js', 'mcp'], env: {} });
    expect(text).not.toMatch(/token|secret|password/i);
  });

  it("has a launcher that runs the same command with the host's stdio", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tether-mcpb-run-'));
    const echo = path.join(dir, 'echo.js');
    await writeFile(echo, "process.stdin.on('data', (d) => process.stdout.write('got ' + d + ' ' + process.argv.slice(2).join(' ')));");
    const bundle = path.join(dir, 'tether.mcpb');
    await writeBundle(bundle, { command: process.execPath, args: [echo, 'mcp'] }, '1.0.0');
    const launcher = path.join(dir, 'launch-tether.js');
    await writeFile(launcher, unzipSync(await readFile(bundle))['server/launch-tether.js']!);
    const run = spawnSync(process.execPath, [launcher], { input: 'ping', encoding: 'utf8' });
    expect(run.stdout).toBe('got ping mcp');
    expect(run.status).toBe(0);
  });
});
