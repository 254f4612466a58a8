import type { Migration, MigrationProvider } from 'kysely';
import * as createFoundation from './202611231400_create_foundation.ts';

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  '202611231400_create_foundation': createFoundation,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
