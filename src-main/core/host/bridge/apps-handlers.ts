// The "Connect to AI apps" channels: the same export engine `tether export` uses, so the window and
// the CLI write byte-for-byte the same entry. The launch command comes from whoever hosts the window
// (the CLI: itself by absolute path; the tray app: its own executable), never from a guess here.
import type { AppChange, AppInfo, BridgeResult } from '../../../shared/bridge.ts';
import { clientReport, removeEntry, writeEntry } from '../../export/client-export.ts';
import { CLIENTS, findClient } from '../../export/clients/index.ts';
import { exportEnvironment, type ExportEnvironment } from '../../export/environment.ts';
import { ConfigFileError } from '../../export/formats/config-file-error.ts';
import type { ClientDefinition, LaunchCommand } from '../../export/types.ts';
import { oneSentence } from './one-sentence.ts';

export interface AppsOptions {
  /** How an AI app starts `tether mcp`; without it the panel can list apps but not add Tether. */
  launch?: LaunchCommand;
  /** Where the apps' files are looked for; read at each call (HOME, APPDATA) so tests can move it. */
  environment?: () => ExportEnvironment;
}

export interface AppsHandlers {
  'apps.list': () => Promise<BridgeResult<'apps.list'>>;
  'apps.add': (id: string) => Promise<AppChange>;
  'apps.remove': (id: string) => Promise<AppChange>;
}

export function createAppsHandlers(options: AppsOptions = {}): AppsHandlers {
  const environment = options.environment ?? (() => exportEnvironment(process.env));
  const launchOrFail = (): LaunchCommand => {
    if (!options.launch) throw new Error('This Tether does not know the command AI apps should start it with: add it with `tether export` instead.');
    return options.launch;
  };
  const clientOrFail = (id: string): ClientDefinition => {
    const client = findClient(id);
    if (!client) throw new Error(`Tether does not know an AI app called ${JSON.stringify(id)}.`);
    return client;
  };
  // A malformed file is the user's to fix: its message names file:line:col and says it was left untouched.
  const sentence = (error: unknown, fallback: string) => new Error(oneSentence(error, fallback), { cause: error });

  const info = async (client: ClientDefinition, launch: LaunchCommand, env: ExportEnvironment): Promise<AppInfo> => {
    const routes = client.oneClick?.(launch, env) ?? [];
    const base = { id: client.id, name: client.name, afterWrite: client.afterWrite, ...(routes.length ? { oneClick: routes } : {}) };
    try {
      const report = await clientReport(client, launch, env);
      return { ...base, installed: report.installed, status: report.state, configPath: report.configPath };
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      return { ...base, installed: true, status: 'broken', configPath: client.configPath(env), problem: oneSentence(error, 'The file does not parse.') };
    }
  };

  return {
    'apps.list': async () => {
      const launch = launchOrFail();
      const env = environment();
      return Promise.all(CLIENTS.map((client) => info(client, launch, env)));
    },
    'apps.add': async (id) => {
      const client = clientOrFail(id);
      try {
        const result = await writeEntry(client, launchOrFail(), environment());
        return { ...result, nextStep: result.change === 'unchanged' ? `Tether is already in ${client.name}: nothing to change.` : client.afterWrite };
      } catch (error) {
        throw sentence(error, `Adding Tether to ${client.name} failed.`);
      }
    },
    'apps.remove': async (id) => {
      const client = clientOrFail(id);
      try {
        const result = await removeEntry(client, environment());
        return { ...result, nextStep: result.change === 'absent' ? `Tether was not in ${client.name}: nothing to remove.` : client.afterWrite };
      } catch (error) {
        throw sentence(error, `Removing Tether from ${client.name} failed.`);
      }
    },
  };
}
