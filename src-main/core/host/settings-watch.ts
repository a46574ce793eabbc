// Switches changed elsewhere (the window of another process, an edit of the file) reach this
// process: the settings file's folder is watched and the file read again after a short pause.
import fs from 'node:fs';
import path from 'node:path';

export function watchSettingsFile(file: string, onChange: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: fs.FSWatcher | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // The folder, not the file: settings are replaced by rename, which a file watch would lose.
    watcher = fs.watch(path.dirname(file), (_event, name) => {
      if (name !== null && name !== path.basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, 50);
    });
    watcher.unref();
  } catch {
    // Without a watch, changes still arrive through the host's own API.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
