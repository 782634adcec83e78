// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'var/**', 'public/**', 'test-results/**', 'coverage/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read the environment only in config.ts / server.ts / cli.',
        },
      ],
    },
  },
  {
    // The domain is pure: no web, no database, no file system, no clock from the outside world.
    files: ['src/domain/**/*.ts'],
    rules: restrict([
      {
        group: ['express', 'express-*', 'better-sqlite3', 'node:fs', 'fs', 'node:fs/*', 'pino', 'pino-*'],
        message: 'src/domain is pure.',
      },
      {
        group: ['**/web/**', '**/db/**', '**/services/**', '**/catalogue/**', '**/cli/**'],
        message: 'Dependencies point inward.',
      },
    ]),
  },
  {
    files: ['src/services/**/*.ts'],
    rules: restrict([
      {
        group: ['express', 'express-*', 'better-sqlite3'],
        message: 'Services know neither HTTP nor the driver.',
      },
      { group: ['**/web/**'], message: 'Dependencies point inward.' },
    ]),
  },
  {
    files: ['src/web/**/*.ts'],
    rules: restrict([{ group: ['better-sqlite3'], message: 'Only src/db talks to SQLite.' }]),
  },
  {
    files: ['src/log.ts', 'src/cli/**/*.ts', 'test/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/config.ts', 'src/server.ts', 'src/cli/**/*.ts', 'test/**/*.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
