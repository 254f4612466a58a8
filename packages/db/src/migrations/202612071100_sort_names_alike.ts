import { sql, type Kysely } from 'kysely';

// Names sort the same way on every PostgreSQL, whatever collations it was built with (the embedded
// one has no locale but C, and a server may lack ICU): by a key of their own, lower-cased with the
// accents taken off (decomposed, combining marks dropped), stored beside the name and compared
// byte by byte (COLLATE "C"), so that "aaaa", "bd", "Émile", "Westley", "Zoe" come in this order on
// both. name_sort_key is the one place the key is made: the columns, the indexes and a cursor's
// name all go through it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function name_sort_key(name text) returns text
    language sql immutable parallel safe strict
    as $$ select lower(regexp_replace(normalize(name, NFD),
      '[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f]', '', 'g')) $$`.execute(
    db,
  );
  await sql`alter table profiles
    add column first_name_key text collate "C" generated always as (name_sort_key(first_name)) stored,
    add column middle_name_key text collate "C"
      generated always as (name_sort_key(coalesce(middle_name, ''))) stored,
    add column last_name_key text collate "C"
      generated always as (name_sort_key(coalesce(last_name, ''))) stored,
    add column full_name_key text collate "C" generated always as (name_sort_key(
      first_name || coalesce(' ' || nullif(middle_name, ''), '') || coalesce(' ' || nullif(last_name, ''), '')
    )) stored`.execute(db);
  for (const index of [
    'profiles_workspace_first_name_idx',
    'profiles_workspace_last_name_idx',
    'profiles_workspace_full_name_idx',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await sql`create index profiles_workspace_first_name_key_idx on profiles (workspace_id, first_name_key, id)`.execute(
    db,
  );
  await sql`create index profiles_workspace_last_name_key_idx on profiles (workspace_id, last_name_key, id)`.execute(
    db,
  );
  await sql`create index profiles_workspace_full_name_key_idx on profiles (workspace_id, full_name_key, id)`.execute(
    db,
  );
  await sql`alter table organizations
    add column name_key text collate "C" generated always as (name_sort_key(name)) stored`.execute(db);
  await db.schema.dropIndex('organizations_name_idx').execute();
  await sql`create index organizations_name_key_idx on organizations (workspace_id, name_key, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table organizations drop column name_key`.execute(db);
  await sql`create index organizations_name_idx on organizations (workspace_id, lower(name), id)`.execute(db);
  await sql`alter table profiles
    drop column first_name_key, drop column middle_name_key, drop column last_name_key, drop column full_name_key`.execute(
    db,
  );
  await sql`create index profiles_workspace_first_name_idx on profiles (workspace_id, first_name, id)`.execute(
    db,
  );
  await sql`create index profiles_workspace_last_name_idx on profiles (workspace_id, (coalesce(last_name, '')), id)`.execute(
    db,
  );
  await sql`create index profiles_workspace_full_name_idx on profiles (workspace_id, full_name, id)`.execute(
    db,
  );
  await sql`drop function name_sort_key(text)`.execute(db);
}
