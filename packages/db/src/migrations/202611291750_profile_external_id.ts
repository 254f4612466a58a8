import { sql, type Kysely } from 'kysely';

// A profile's external id is the identifier of its primary identity. It is kept on the profile by
// a trigger on the identities, so that every read of a profile has it without another query and
// no write path can leave it behind.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('profiles').addColumn('external_id', 'text').execute();
  await sql`create function profile_identities_keep_external_id() returns trigger language plpgsql as $$
    declare
      changed profile_identities%rowtype := case when tg_op = 'DELETE' then old else new end;
    begin
      update profiles p set external_id = (
        select i.identifier from profile_identities i
        where i.workspace_id = changed.workspace_id and i.profile_id = changed.profile_id and i.is_primary
      )
      where p.workspace_id = changed.workspace_id and p.id = changed.profile_id;
      return null;
    end $$`.execute(db);
  await sql`create trigger profile_identities_keep_external_id
    after insert or delete or update of is_primary, identifier on profile_identities
    for each row execute function profile_identities_keep_external_id()`.execute(db);
  await sql`update profiles p set external_id = i.identifier
    from profile_identities i
    where i.workspace_id = p.workspace_id and i.profile_id = p.id and i.is_primary`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger profile_identities_keep_external_id on profile_identities`.execute(db);
  await sql`drop function profile_identities_keep_external_id()`.execute(db);
  await db.schema.alterTable('profiles').dropColumn('external_id').execute();
}
