// Lint rules, including the layer boundaries: core ← data ← app ← server ← cli; web talks HTTP only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const layer = (name, message) => ({ group: [`**/${name}/**`, `**/${name}`], message });
const noEnums = { selector: 'TSEnumDeclaration', message: 'Use string-literal unions.' };
// Core is deterministic: it takes the as-of day and a seeded random source, it never asks the clock or Math.
const deterministic = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'core takes asOf: no Date.now()',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'core takes asOf: no new Date() without a value',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'core takes seeded randomness (core/random.ts): no Math.random()',
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'coverage', 'dist', 'test/fixtures', '.bench-data'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['bin/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-syntax': ['error', noEnums],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    // a later block's no-restricted-syntax replaces the earlier list, so the enum rule is repeated here
    rules: {
      'no-restricted-syntax': ['error', noEnums, ...deterministic],
      ...restrict([
        layer('data', 'core is pure: no data layer'),
        layer('app', 'core is pure: no app layer'),
        layer('cli', 'core is pure'),
        layer('server', 'core is pure'),
        {
          group: ['node:*', '@duckdb/*', 'pg', 'fs', 'path'],
          message: 'core is pure: no I/O, no driver types',
        },
      ]),
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: restrict([
      layer('app', 'data must not import app'),
      layer('cli', 'data must not import cli'),
      layer('server', 'data must not import server'),
    ]),
  },
  {
    files: ['src/app/**/*.ts'],
    rules: restrict([layer('cli', 'app must not import cli'), layer('server', 'app must not import server')]),
  },
  {
    files: ['src/cli/**/*.ts'],
    // cli imports server only to run it (`cvm serve`)
    rules: restrict([{ group: ['@duckdb/*', 'pg'], message: 'cli goes through app' }]),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: restrict([
      layer('cli', 'server must not import cli'),
      { group: ['@duckdb/*', 'pg'], message: 'server goes through app and the store port' },
    ]),
  },
  {
    files: ['src/**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['bin/*.mjs', 'eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['bin/*.mjs'], languageOptions: { globals: globals.node } },
);
