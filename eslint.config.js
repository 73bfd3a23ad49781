// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Layers: domain code is pure (no HTTP, no SQL, no I/O frameworks).
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'hono',
                'hono/*',
                'kysely',
                'pg',
                'better-sqlite3',
                '**/storage/**',
                '**/http/**',
                '**/web/**',
                '**/app/**',
              ],
              message: 'Domänkoden är ren: inga beroenden på lagring, HTTP eller webb.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', '**/http/**', '**/web/**'],
              message: 'Användningsfallen känner inte till HTTP eller webbsidor.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/charts/**/*.ts', 'src/imports/**/*.ts', 'src/exports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['hono', 'hono/*', 'kysely', '**/storage/**', '**/http/**', '**/web/**', '**/app/**'],
              message: 'Diagram, inläsning och export är fristående: de känner bara domänens typer.',
            },
          ],
        },
      ],
    },
  },
);
