// The dependency table of ARCHITECTURE.md is enforced by eslint; these cases prove the rules bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ errorOnUnmatchedPattern: false });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('dependency rules', () => {
  it.each([
    ['src-main/core/host/probe.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['src-main/core/host/probe.ts', "import { ipcMain } from 'electron/main';\nexport const a = ipcMain;"],
    ['src-main/core/host/probe.ts', "import { createTray } from '../../app/tray.ts';\nexport const a = createTray;"],
    ['src-main/core/host/probe.ts', "import { authCommand } from '../../cli/commands/auth.ts';\nexport const a = authCommand;"],
    ['src-main/sandbox/probe.ts', "import { Engine } from '../core/host/engine.ts';\nexport const a = Engine;"],
    ['src-main/cli/probe.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['src-main/shared/probe.ts', "import fs from 'node:fs';\nexport const a = fs;"],
    ['src-renderer/probe.tsx', "import fs from 'fs';\nexport const a = fs;"],
    ['src-renderer/probe.tsx', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;"],
    ['src-renderer/probe.tsx', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['src-renderer/probe.tsx', "import { Engine } from '../src-main/core/host/engine.ts';\nexport const a = Engine;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await importErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-renderer/probe.tsx', "import { statusReportSchema } from '../src-main/shared/status.ts';\nexport const a = statusReportSchema;"],
    ['src-main/cli/probe.ts', "import { Engine } from '../core/host/engine.ts';\nimport { startSandbox } from '../sandbox/index.ts';\nexport const a = [Engine, startSandbox];"],
    ['src-main/app/probe.ts', "import { app } from 'electron';\nimport { Engine } from '../core/host/engine.ts';\nexport const a = [app, Engine];"],
  ])('%s may: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });

  it('the whole tree obeys the rules', async () => {
    const results = await eslint.lintFiles(['src-main', 'src-renderer']);
    const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(broken).toEqual([]);
  });
});
