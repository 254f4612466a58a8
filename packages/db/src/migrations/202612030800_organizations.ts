import { sql, type Kysely } from 'kysely';

/** The tables whose rows name a record by object kind and id, and the prefixes of their record columns. */
const recordTables = [
  ['profile_type_adoptions', ''],
  ['attribute_values', ''],
  ['workflow_positions', ''],
  ['relationship_links', 'source_'],
  ['relationship_links', 'target_'],
] as const;

// Organizations (reference 004): the accounts profiles belong to through memberships, which carry
// attributes of their own and the contact and key-contact flags; the organizations a member is
// limited to seeing; and organizations as records of the shared structure tables (profile types,
// attribute values, workflow positions, relationship links), by one more generated id column.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table organizations (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null,
    name text not null,
    external_id text,
    domain text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    search_text text generated always as (
      lower(name || ' ' || coalesce(external_id, '') || ' ' || coalesce(domain, ''))
    ) stored,
    constraint organizations_pkey primary key (workspace_id, id),
    constraint organizations_external_id_key unique (workspace_id, external_id),
    constraint organizations_name_check check (char_length(btrim(name)) between 1 and 200),
    constraint organizations_external_id_check check (char_length(external_id) between 1 and 255),
    constraint organizations_domain_check check (
      char_length(domain) <= 253
      and domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'
    )
  )`.execute(db);
  await sql`create index organizations_name_idx on organizations (workspace_id, lower(name), id)`.execute(db);
  await sql`create index organizations_search_text_idx on organizations
    using gin (search_text gin_trgm_ops) with (fastupdate = off)`.execute(db);

  await sql`create table memberships (
    workspace_id uuid not null,
    organization_id uuid not null,
    profile_id uuid not null,
    is_contact boolean not null default false,
    is_key_contact boolean not null default false,
    attributes jsonb not null default '{}'::jsonb,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint memberships_pkey primary key (workspace_id, organization_id, profile_id),
    constraint memberships_organization_fkey foreign key (workspace_id, organization_id)
      references organizations (workspace_id, id) on delete cascade,
    constraint memberships_profile_fkey foreign key (workspace_id, profile_id)
      references profiles (workspace_id, id) on delete cascade,
    constraint memberships_attributes_check check (jsonb_typeof(attributes) = 'object')
  )`.execute(db);
  await sql`create index memberships_profile_idx on memberships (workspace_id, profile_id)`.execute(db);

  // A member limited to organizations sees those in its scope only, none when the list is empty
  // (its organizations were deleted): the flag, not the list's emptiness, says it is limited.
  await sql`alter table members add column organization_scoped boolean not null default false`.execute(db);
  await sql`create table member_organization_scopes (
    workspace_id uuid not null,
    member_id uuid not null,
    organization_id uuid not null,
    constraint member_organization_scopes_pkey primary key (workspace_id, member_id, organization_id),
    constraint member_organization_scopes_member_fkey foreign key (workspace_id, member_id)
      references members (workspace_id, id) on delete cascade,
    constraint member_organization_scopes_organization_fkey foreign key (workspace_id, organization_id)
      references organizations (workspace_id, id) on delete cascade
  )`.execute(db);
  await sql`create index member_organization_scopes_organization_idx
    on member_organization_scopes (workspace_id, organization_id)`.execute(db);

  for (const [table, prefix] of recordTables) {
    const kind = sql.ref(`${prefix}${prefix ? 'kind' : 'object_kind'}`);
    const id = sql.ref(`${prefix}${prefix ? 'id' : 'record_id'}`);
    const organizationId = sql.ref(`${prefix}organization_id`);
    const name = (suffix: string) => sql.ref(`${table}_${prefix}${suffix}`);
    await sql`alter table ${sql.table(table)}
      add column ${organizationId} uuid
        generated always as (case when ${kind} = 'organizations' then ${id} end) stored,
      add constraint ${name('organization_fkey')} foreign key (workspace_id, ${organizationId})
        references organizations (workspace_id, id) on delete cascade,
      drop constraint ${name('record_check')},
      add constraint ${name('record_check')} check (
        num_nonnulls(${sql.ref(`${prefix}profile_id`)}, ${sql.ref(`${prefix}member_id`)}, ${organizationId}) = 1
      )`.execute(db);
    // Deleting an organization deletes its rows here through the foreign key: without an index on
    // the column, each deletion would read the whole table, whose rows are mostly profiles'.
    await sql`create index ${name('organization_idx')} on ${sql.table(table)} (workspace_id, ${organizationId})
      where ${organizationId} is not null`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, prefix] of recordTables) {
    const name = (suffix: string) => sql.ref(`${table}_${prefix}${suffix}`);
    await sql`delete from ${sql.table(table)} where ${sql.ref(`${prefix}organization_id`)} is not null`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)}
      drop constraint ${name('record_check')},
      drop column ${sql.ref(`${prefix}organization_id`)},
      add constraint ${name('record_check')} check (
        num_nonnulls(${sql.ref(`${prefix}profile_id`)}, ${sql.ref(`${prefix}member_id`)}) = 1
      )`.execute(db);
  }
  await db.schema.dropTable('member_organization_scopes').execute();
  await db.schema.alterTable('members').dropColumn('organization_scoped').execute();
  await db.schema.dropTable('memberships').execute();
  await db.schema.dropTable('organizations').execute();
}
