import { sql, type Kysely } from 'kysely';

// A list of the profiles that adopted a profile type (a segment) reads them from the adoptions by
// type; the index of adoptions by type and time needs the row for its kind. The members of an
// organization are read from memberships' primary key (workspace, organization, profile).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index profile_type_adoptions_contacts_idx
    on profile_type_adoptions (workspace_id, profile_type_id, record_id) where object_kind = 'contacts'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('profile_type_adoptions_contacts_idx').execute();
}
