import { sql, type Kysely } from 'kysely';

// Profiles are listed sorted by any of several keys, each with the id to break ties, and a page
// starts after the last row of the one before (a keyset): one index per sort key makes a page at
// the millionth row cost what the first costs. The full name is stored, generated from its parts,
// so that it can be sorted and filtered like the others. Middle name and enabled are sorted
// without an index of their own (rarely asked for; the planner filters the workspace's rows).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table profiles add column full_name text generated always as (
    first_name || coalesce(' ' || nullif(middle_name, ''), '') || coalesce(' ' || nullif(last_name, ''), '')
  ) stored`.execute(db);
  await sql`create index profiles_workspace_updated_idx on profiles (workspace_id, updated_at, id)`.execute(
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
  await sql`create index profiles_tags_idx on profiles using gin (tags)`.execute(db);
  await sql`create index profiles_statuses_idx on profiles using gin (statuses)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'profiles_statuses_idx',
    'profiles_tags_idx',
    'profiles_workspace_full_name_idx',
    'profiles_workspace_last_name_idx',
    'profiles_workspace_first_name_idx',
    'profiles_workspace_updated_idx',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('profiles').dropColumn('full_name').execute();
}
