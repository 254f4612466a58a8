import type { Kysely } from 'kysely';

// An entry said which API token made a change but not which console session: a record's history
// names either. No foreign key: sessions are deleted on sign-out while the trail stays.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_entries').addColumn('actor_session_id', 'uuid').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_entries').dropColumn('actor_session_id').execute();
}
