import { sql, type Kysely } from 'kysely';

// A tier or location that profiles hold is not deleted from under them: the workspace's settings
// refuse to remove it (SETTING_IN_USE), and the foreign keys no longer clear the profiles' values
// if a deletion ever got past that refusal.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table profiles
    drop constraint profiles_preferred_location_fkey,
    drop constraint profiles_joined_location_fkey,
    drop constraint profiles_tier_fkey,
    add constraint profiles_preferred_location_fkey foreign key (workspace_id, preferred_location_id)
      references locations (workspace_id, id),
    add constraint profiles_joined_location_fkey foreign key (workspace_id, joined_location_id)
      references locations (workspace_id, id),
    add constraint profiles_tier_fkey foreign key (workspace_id, tier_id)
      references tiers (workspace_id, id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table profiles
    drop constraint profiles_preferred_location_fkey,
    drop constraint profiles_joined_location_fkey,
    drop constraint profiles_tier_fkey,
    add constraint profiles_preferred_location_fkey foreign key (workspace_id, preferred_location_id)
      references locations (workspace_id, id) on delete set null (preferred_location_id),
    add constraint profiles_joined_location_fkey foreign key (workspace_id, joined_location_id)
      references locations (workspace_id, id) on delete set null (joined_location_id),
    add constraint profiles_tier_fkey foreign key (workspace_id, tier_id)
      references tiers (workspace_id, id) on delete set null (tier_id)`.execute(db);
}
