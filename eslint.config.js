// Lint, and above all the dependency table of ARCHITECTURE.md: who may import whom.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** no-restricted-imports for one folder: named packages and path patterns it must not reach. */
const forbid = (why, { paths = [], patterns = [] }) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message: why })),
      patterns: patterns.map((group) => ({ group: [group], message: why })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-main/core/**'],
    rules: forbid('core is plain Node: it must not import Electron or any shell (app, cli, renderer).', {
      paths: ['electron'],
      patterns: ['electron/*', '**/app/**', '**/cli/**', '**/src-renderer/**', '**/sandbox/**'],
    }),
  },
  {
    files: ['src-main/sandbox/**'],
    rules: forbid('the sandbox is an independent stand-in for Atlassian: sharing core code would let a bug agree with itself.', {
      paths: ['electron'],
      patterns: ['**/core/**', '**/app/**', '**/cli/**', '**/src-renderer/**'],
    }),
  },
  {
    files: ['src-main/cli/**'],
    rules: forbid('the CLI runs without Electron: it may use core and (for demo) the sandbox only.', {
      paths: ['electron'],
      patterns: ['**/app/**', '**/src-renderer/**'],
    }),
  },
  {
    files: ['src-main/app/**'],
    ignores: ['src-main/app/preload/**'],
    rules: forbid('the Electron shell talks to core only; the CLI and the renderer are other shells.', {
      patterns: ['**/cli/**', '**/src-renderer/**', '**/sandbox/**'],
    }),
  },
  {
    files: ['src-main/app/preload/**'],
    rules: forbid('the preload exposes the Bridge and nothing else.', {
      patterns: ['**/core/**', '**/cli/**', '**/sandbox/**', '**/src-renderer/**', '**/app/*', '!**/app/preload/**'],
    }),
  },
  {
    files: ['src-main/shared/**'],
    rules: forbid('shared holds pure contracts the renderer imports: no Node, no Electron, no engine.', {
      paths: ['electron', ...nodeBuiltins],
      patterns: ['**/core/**', '**/app/**', '**/cli/**', '**/sandbox/**'],
    }),
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid('the renderer sees only the Bridge contract (src-main/shared): no Node, no Electron, no engine.', {
      paths: ['electron', ...nodeBuiltins],
      patterns: ['**/src-main/core/**', '**/src-main/app/**', '**/src-main/cli/**', '**/src-main/sandbox/**'],
    }),
  },
);
