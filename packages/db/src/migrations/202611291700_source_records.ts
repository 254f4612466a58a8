import { sql, type Kysely } from 'kysely';

const standardTypes = sql`('email', 'phone_number', 'external_id', 'twitter', 'facebook', 'sdk')`;

// Source records (reference 003): what an outside system knows of a profile, addressed by
// source:type:identifier_type:identifier_value, unique in the workspace. Profile identities
// (reference 001): how outside systems know a profile, one of them primary. A standard identity
// (email, phone number, external id, twitter, facebook, sdk) names one profile of the workspace,
// so that two requests cannot give it to two profiles.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('workspace_settings')
    .addColumn('source_records_per_profile_max', 'integer', (col) => col.notNull().defaultTo(20))
    .execute();
  await db.schema
    .alterTable('workspace_settings')
    .addCheckConstraint(
      'workspace_settings_source_records_per_profile_max_check',
      sql`source_records_per_profile_max > 0`,
    )
    .execute();

  await db.schema
    .createTable('source_records')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('profile_id', 'uuid', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('name', 'text')
    .addColumn('attributes', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('source_records_pkey', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'source_records_profile_fkey',
      ['workspace_id', 'profile_id'],
      'profiles',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('source_records_id_check', sql`id ~ '^[0-7][0-9A-HJKMNP-TV-Z]{25}$'`)
    .addCheckConstraint(
      'source_records_text_check',
      sql`char_length(source) between 1 and 64 and char_length(type) between 1 and 64
        and char_length(name) between 1 and 255`,
    )
    .addCheckConstraint('source_records_attributes_check', sql`jsonb_typeof(attributes) = 'object'`)
    .execute();
  await db.schema
    .createIndex('source_records_profile_idx')
    .on('source_records')
    .columns(['workspace_id', 'profile_id', 'id'])
    .execute();

  await db.schema
    .createTable('source_record_identifiers')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull())
    .addColumn('source_record_id', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('record_type', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('match_type', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('source_record_identifiers_pkey', [
      'workspace_id',
      'source_record_id',
      'position',
    ])
    .addUniqueConstraint('source_record_identifiers_query_key', [
      'workspace_id',
      'source',
      'record_type',
      'match_type',
      'value',
    ])
    .addForeignKeyConstraint(
      'source_record_identifiers_record_fkey',
      ['workspace_id', 'source_record_id'],
      'source_records',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'source_record_identifiers_text_check',
      sql`char_length(type) between 1 and 64 and char_length(value) between 1 and 255`,
    )
    .execute();

  await db.schema
    .createTable('profile_identities')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('profile_id', 'uuid', (col) => col.notNull())
    .addColumn('handle', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('match_type', 'text', (col) => col.notNull())
    .addColumn('identifier', 'text', (col) => col.notNull())
    .addColumn('is_primary', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('profile_identities_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('profile_identities_profile_identifier_key', [
      'workspace_id',
      'profile_id',
      'handle',
      'match_type',
      'identifier',
    ])
    .addForeignKeyConstraint(
      'profile_identities_profile_fkey',
      ['workspace_id', 'profile_id'],
      'profiles',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`create unique index profile_identities_standard_key
    on profile_identities (workspace_id, match_type, identifier) where match_type in ${standardTypes}`.execute(
    db,
  );
  await sql`create unique index profile_identities_primary_key
    on profile_identities (workspace_id, profile_id) where is_primary`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['profile_identities', 'source_record_identifiers', 'source_records']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('workspace_settings').dropColumn('source_records_per_profile_max').execute();
}
