import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../../../src-main/core/config/paths.ts';
import { defaultSettings, loadSettings, saveSettings } from '../../../../src-main/core/config/settings.ts';

async function tempPaths() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tether-settings-'));
  return resolvePaths({ TETHER_CONFIG_DIR: path.join(dir, 'config') });
}

describe('settings file', () => {
  it('starts from defaults when there is no file', async () => {
    const paths = await tempPaths();
    expect(await loadSettings(paths)).toEqual({ settings: defaultSettings() });
  });

  it('is written 0600 in a 0700 folder and read back', async () => {
    const paths = await tempPaths();
    const settings = defaultSettings();
    settings.credentials.jira = { site: 'https://acme.atlassian.net', email: 'a@b.c', tokenType: 'classic', store: 'keychain', account: 'jira:a@b.c@https://acme.atlassian.net', storedAt: new Date().toISOString(), sslVerify: true };
    await saveSettings(paths, settings);
    expect((await stat(paths.settingsFile)).mode & 0o777).toBe(0o600);
    expect((await stat(paths.configDir)).mode & 0o777).toBe(0o700);
    expect((await loadSettings(paths)).settings).toEqual(settings);
    expect(await readdir(paths.configDir)).toEqual(['settings.json']); // no temp files left behind
  });

  it('keeps keys a newer Tether wrote', async () => {
    const paths = await tempPaths();
    await saveSettings(paths, defaultSettings());
    await writeFile(paths.settingsFile, JSON.stringify({ version: 1, credentials: {}, futureSwitch: { on: true } }));
    const { settings } = await loadSettings(paths);
    await saveSettings(paths, settings);
    expect(JSON.parse(await readFile(paths.settingsFile, 'utf8')).futureSwitch).toEqual({ on: true });
  });

  it.each([
    ['{ not json', /not valid JSON/],
    ['{"version":1,"credentials":{"confluence":{"site":"nope"}}}', /credentials\.confluence\.site/],
  ])('moves a corrupt file aside and says what is wrong (%s)', async (content, detail) => {
    const paths = await tempPaths();
    await saveSettings(paths, defaultSettings());
    await writeFile(paths.settingsFile, content);
    const { settings, problem } = await loadSettings(paths);
    expect(settings).toEqual(defaultSettings());
    expect(problem?.file).toBe(paths.settingsFile);
    expect(problem?.detail).toMatch(detail);
    expect(await readFile(problem!.movedTo, 'utf8')).toBe(content); // nothing lost
    await expect(stat(paths.settingsFile)).rejects.toThrow(/ENOENT/);
  });
});
