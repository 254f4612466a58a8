import type { Kysely } from 'kysely';

// An entry said which API token made a change but not which console session: a record's history
// names either. No foreign key: sessions are deleted on sign-out while the trail stays. A record's
// history is read newest first in the order entries were written.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_entries').addColumn('actor_session_id', 'uuid').execute();
  await db.schema
    .createIndex('audit_entries_record_history_idx')
    .on('audit_entries')
    .columns(['workspace_id', 'entity_type', 'entity_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_entries_record_history_idx').execute();
  await db.schema.alterTable('audit_entries').dropColumn('actor_session_id').execute();
}
