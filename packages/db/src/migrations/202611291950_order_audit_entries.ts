import { sql, type Kysely } from 'kysely';

// Entries written in one transaction share their time; `position` keeps the order they were
// written in, so that a record's trail reads the same every time.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_entries add column position bigint generated always as identity`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_entries').dropColumn('position').execute();
}
