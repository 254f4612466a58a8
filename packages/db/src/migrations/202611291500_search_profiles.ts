import { sql, type Kysely } from 'kysely';

// Search over a profile's names, email, phone and ids, tolerant of partial input: one lower-cased
// text column of them all, generated, with one trigram index (one rather than one per column:
// trigram indexes dominate the cost of writes). Without a pending list (fastupdate off) each write
// pays its index entries at once, instead of a search or a write now and then paying for a
// flush of thousands of them (300–900 ms here).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`alter table profiles add column search_text text generated always as (lower(
    first_name || ' ' || coalesce(middle_name, '') || ' ' || coalesce(last_name, '') || ' ' ||
    coalesce(email, '') || ' ' || coalesce(mobile_phone, '') || ' ' ||
    coalesce(integration_uuid, '') || ' ' || id::text
  )) stored`.execute(db);
  await sql`create index profiles_search_text_idx on profiles using gin (search_text gin_trgm_ops) with (fastupdate = off)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('profiles_search_text_idx').execute();
  await db.schema.alterTable('profiles').dropColumn('search_text').execute();
}
