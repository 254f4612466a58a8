import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'uuid', (col) => col.notNull().primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('workspaces_slug_key', ['slug'])
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('members_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('members_workspace_email_key', ['workspace_id', 'email'])
    .addCheckConstraint(
      'members_role_check',
      sql`role in ('master', 'super_admin', 'admin', 'agent', 'viewer')`,
    )
    .execute();
  await db.schema.createIndex('members_email_idx').on('members').column('email').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('member_id', 'uuid', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('sessions_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('sessions_token_hash_key', ['token_hash'])
    .addForeignKeyConstraint(
      'sessions_member_fkey',
      ['workspace_id', 'member_id'],
      'members',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('member_id', 'uuid', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull())
    .addColumn('last_four', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addPrimaryKeyConstraint('api_tokens_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('api_tokens_token_hash_key', ['token_hash'])
    .addForeignKeyConstraint(
      'api_tokens_member_fkey',
      ['workspace_id', 'member_id'],
      'members',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('audit_entries')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('actor_member_id', 'uuid')
    .addColumn('actor_token_id', 'uuid')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('audit_entries_pkey', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_entries_entity_idx')
    .on('audit_entries')
    .columns(['workspace_id', 'entity_type', 'entity_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('profiles')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('first_name', 'text', (col) => col.notNull())
    .addColumn('middle_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('email', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('profiles_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('profiles_workspace_email_key', ['workspace_id', 'email'])
    .addCheckConstraint(
      'profiles_names_length_check',
      sql`char_length(first_name) between 1 and 255
        and coalesce(char_length(middle_name), 0) <= 255
        and coalesce(char_length(last_name), 0) <= 255`,
    )
    .addCheckConstraint(
      'profiles_email_check',
      sql`email = lower(btrim(email)) and char_length(email) <= 254`,
    )
    .execute();
  await db.schema
    .createIndex('profiles_workspace_created_idx')
    .on('profiles')
    .expression(sql`workspace_id, created_at desc, id desc`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['profiles', 'audit_entries', 'api_tokens', 'sessions', 'members', 'workspaces']) {
    await db.schema.dropTable(table).execute();
  }
}
