import { sql, type Kysely } from 'kysely';

// An update's audit entry must carry the state it replaced. NOT VALID: entries written before this
// rule are kept as they are, and every new one is checked.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_entries add constraint audit_entries_update_before_check
    check (action not like '%.update' or before is not null) not valid`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_entries').dropConstraint('audit_entries_update_before_check').execute();
}
