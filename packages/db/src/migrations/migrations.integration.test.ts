import { readdirSync } from 'node:fs';
import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDb, testDriver } from '../testing/test-database.ts';
import { migrationProvider, migrations } from './index.ts';

const migrationFiles = readdirSync(new URL('.', import.meta.url))
  .filter((file) => /^\d{12}_[a-z_]+\.ts$/.test(file))
  .map((file) => file.replace(/\.ts$/, ''));

describe('migrations', () => {
  it('registers every migration file in the folder', () => {
    expect(Object.keys(migrations).sort()).toEqual(migrationFiles.sort());
  });

  const drivers = ['pglite', 'pg'] as const;
  for (const driver of drivers) {
    it(`apply, roll back and apply again on ${driver}`, async (context) => {
      if (driver === 'pg' && (await testDriver()) !== 'pg') context.skip('no PostgreSQL server is reachable');
      const database = await createTestDb(driver, { fresh: true });
      try {
        const tables = async () =>
          (
            await sql<{
              tablename: string;
            }>`select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by tablename`.execute(
              database.db,
            )
          ).rows.map((row) => row.tablename);
        const all = [
          'api_tokens',
          'attribute_definitions',
          'attribute_values',
          'audit_entries',
          'campaign_events',
          'contact_points',
          'locations',
          'member_organization_scopes',
          'members',
          'memberships',
          'organizations',
          'profile_identities',
          'profile_statuses',
          'profile_type_adoptions',
          'profile_type_attributes',
          'profile_types',
          'profiles',
          'relationship_definitions',
          'relationship_links',
          'sessions',
          'source_record_identifiers',
          'source_records',
          'survey_responses',
          'tiers',
          'usage_day_counts',
          'usage_day_zones',
          'usage_events',
          'usage_module_day_counts',
          'usage_organization_day_counts',
          'workflow_positions',
          'workflow_stages',
          'workflows',
          'workspace_settings',
          'workspaces',
        ];
        expect(await tables()).toEqual(all);

        const migrator = new Migrator({ db: database.db, provider: migrationProvider });
        const down = await migrator.migrateTo(NO_MIGRATIONS);
        expect(down.error).toBeUndefined();
        expect(await tables()).toEqual([]);

        const up = await migrator.migrateToLatest();
        expect(up.error).toBeUndefined();
        expect(await tables()).toEqual(all);
      } finally {
        await database.close();
      }
    });
  }
});
