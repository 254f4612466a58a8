import { sql, type Kysely } from 'kysely';

// Activity (reference 004): what happened to a profile. Campaign events belong to their profile
// and go with it. Usage events belong to their organization and keep the profile's id and email
// as they were when the event was recorded, in plain columns rather than a foreign key: "any usage
// data collected by the user (email address) will still be available within the account's Usage
// tab" after the profile is deleted. An erasure empties both columns. Event ids come from the
// sender and are unique per workspace, so a batch sent again stores nothing twice; they compare
// byte by byte ("C"), as the sender wrote them.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table campaign_events (
    workspace_id uuid not null,
    id text collate "C" not null,
    profile_id uuid not null,
    campaign_id text not null,
    campaign_name text not null,
    stage text not null,
    occurred_at timestamptz not null,
    constraint campaign_events_pkey primary key (workspace_id, id),
    constraint campaign_events_profile_fkey foreign key (workspace_id, profile_id)
      references profiles (workspace_id, id) on delete cascade,
    constraint campaign_events_stage_check check (stage in ('sent', 'viewed', 'engaged', 'goal_achieved')),
    constraint campaign_events_text_check check (
      char_length(id) between 1 and 128
      and char_length(campaign_id) between 1 and 128
      and char_length(campaign_name) between 1 and 200
    )
  )`.execute(db);
  await sql`create index campaign_events_profile_idx
    on campaign_events (workspace_id, profile_id, occurred_at, id)`.execute(db);

  await sql`create table usage_events (
    workspace_id uuid not null,
    id text collate "C" not null,
    organization_id uuid not null,
    profile_id uuid,
    email text,
    module text not null,
    activity text not null,
    occurred_at timestamptz not null,
    constraint usage_events_pkey primary key (workspace_id, id),
    constraint usage_events_organization_fkey foreign key (workspace_id, organization_id)
      references organizations (workspace_id, id) on delete cascade,
    constraint usage_events_erased_check check (profile_id is not null or email is null),
    constraint usage_events_text_check check (
      char_length(id) between 1 and 128
      and char_length(module) between 1 and 100
      and char_length(activity) between 1 and 100
      and char_length(email) <= 254
    )
  )`.execute(db);
  // Pages run newest first, after the last row of the page before: (occurred_at, id) read backwards.
  await sql`create index usage_events_organization_idx
    on usage_events (workspace_id, organization_id, occurred_at, id)`.execute(db);
  await sql`create index usage_events_organization_module_idx
    on usage_events (workspace_id, organization_id, module, occurred_at, id)`.execute(db);
  await sql`create index usage_events_profile_idx
    on usage_events (workspace_id, profile_id, occurred_at, id) where profile_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('usage_events').execute();
  await db.schema.dropTable('campaign_events').execute();
}
