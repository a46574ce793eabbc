// Logs go to stderr (never stdout: stdout belongs to MCP and to --json output) and, when a folder is
// given, to a file. Every line passes through redact().
import fs from 'node:fs';
import path from 'node:path';
import { redact } from './redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Folder for tether.log (created 0700); no file when absent. */
  dir?: string;
  stderr?: boolean;
}

export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const value = (env.TETHER_LOG_LEVEL ?? '').toLowerCase();
  return value in ORDER ? (value as LogLevel) : 'warn';
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'warn';
  let file: number | undefined;
  const write = (at: LogLevel, message: string) => {
    if (ORDER[at] < ORDER[level]) return;
    const line = `${new Date().toISOString()} ${at.toUpperCase()} ${redact(message)}\n`;
    if (options.stderr !== false) process.stderr.write(line);
    if (options.dir) {
      try {
        if (file === undefined) {
          fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
          file = fs.openSync(path.join(options.dir, 'tether.log'), 'a', 0o600);
        }
        fs.writeSync(file, line);
      } catch {
        // A log file we cannot write must not break the command; stderr still has the line.
      }
    }
  };
  return {
    debug: (m) => write('debug', m),
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m) => write('error', m),
  };
}
