// A client's config file Tether will not touch, with where the problem is so the user can fix it.
export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : ''}: ${problem}${line !== undefined ? ` (line ${line}${column !== undefined ? `, column ${column}` : ''})` : ''}. Tether left the file unchanged: fix it (or move it aside) and try again.`);
  }
}
