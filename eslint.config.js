import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/*.config.*', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['packages/domain/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      ...restrict([
        {
          group: ['kysely', 'pg', '@trpc/*', 'react', 'node:*', '@tessera/*'],
          message: 'domain is pure: no I/O, no other layer.',
        },
      ]),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take the time from a Clock argument.' },
        { object: 'Math', property: 'random', message: 'Take randomness from an argument.' },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'domain reads no environment.' }],
    },
  },
  {
    // Migrations are frozen in time: they see the database as it was then, not today's schema type.
    files: ['packages/db/src/migrations/2*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['packages/db/src/**'],
    rules: restrict([
      { group: ['@trpc/*', 'react', '@tessera/api'], message: 'db knows nothing of transport or UI.' },
    ]),
  },
  {
    files: ['apps/api/src/**'],
    rules: restrict([
      {
        group: ['react', 'react-dom', '@tessera/web'],
        message: 'api serves the console; it does not import it.',
      },
    ]),
  },
  {
    files: ['apps/web/src/**'],
    rules: restrict([
      {
        group: ['@tessera/db', '@tessera/db/*', 'kysely', 'pg'],
        message: 'The console talks to the database only through the API.',
      },
      {
        group: ['@tessera/api', '@tessera/api/*'],
        allowTypeImports: true,
        message: 'Import the API as a type only.',
      },
    ]),
  },
);
