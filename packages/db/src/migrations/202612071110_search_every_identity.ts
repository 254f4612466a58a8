import { sql, type Kysely } from 'kysely';

const searchText = sql`lower(
  first_name || coalesce(' ' || nullif(middle_name, ''), '') || coalesce(' ' || nullif(last_name, ''), '')
  || coalesce(' ' || email, '') || coalesce(' ' || mobile_phone, '') || coalesce(' ' || secondary_phone, '')
  || coalesce(' ' || integration_uuid, '') || coalesce(' ' || external_id, '') || ' ' || id::text
  || coalesce(' ' || search_extra, '')
)`;

// Search finds a profile by every email and phone it has and by the identifier of every identity,
// besides its names and ids, and a full name with its words one space apart (the text joined an
// empty middle name with two). What other tables hold is kept on the profile in `search_extra`, by
// triggers on those tables, so that the search text stays one generated column under one trigram
// index. It leaves out what the profile's own columns hold (its primary email and phone, its
// external id): most profiles then have none, and creating one writes its row once.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table profiles add column search_extra text`.execute(db);
  await sql`create function profile_search_extra(workspace uuid, profile uuid) returns text
    language sql stable parallel safe
    as $$
      select string_agg(distinct found.value, ' ' order by found.value)
      from profiles p
      cross join lateral (
        select c.value from contact_points c where c.workspace_id = p.workspace_id and c.profile_id = p.id
        union
        select i.identifier from profile_identities i where i.workspace_id = p.workspace_id and i.profile_id = p.id
      ) as found
      where p.workspace_id = workspace and p.id = profile
        and found.value is distinct from p.email and found.value is distinct from p.mobile_phone
        and found.value is distinct from p.external_id
    $$`.execute(db);
  await sql`create function profiles_keep_search_extra() returns trigger language plpgsql as $$
    declare
      changed record := case when tg_op = 'DELETE' then old else new end;
      workspace uuid := changed.workspace_id;
      profile uuid;
    begin
      if tg_table_name = 'profiles' then
        profile := changed.id;
      else
        profile := changed.profile_id;
        if tg_op = 'UPDATE' and old.profile_id <> new.profile_id then
          update profiles p set search_extra = profile_search_extra(workspace, old.profile_id)
          where p.workspace_id = workspace and p.id = old.profile_id;
        end if;
      end if;
      update profiles p set search_extra = found.extra
      from (select profile_search_extra(workspace, profile) as extra) as found
      where p.workspace_id = workspace and p.id = profile and p.search_extra is distinct from found.extra;
      return null;
    end $$`.execute(db);
  await sql`create trigger contact_points_keep_search_extra
    after insert or delete or update of value, profile_id on contact_points
    for each row execute function profiles_keep_search_extra()`.execute(db);
  await sql`create trigger profile_identities_keep_search_extra
    after insert or delete or update of identifier, profile_id, is_primary on profile_identities
    for each row execute function profiles_keep_search_extra()`.execute(db);
  await sql`create trigger profiles_keep_search_extra
    after update of email, mobile_phone, external_id on profiles
    for each row execute function profiles_keep_search_extra()`.execute(db);
  await sql`update profiles p set search_extra = found.extra
    from (
      select owner.workspace_id, owner.id, profile_search_extra(owner.workspace_id, owner.id) as extra
      from (
        select workspace_id, profile_id as id from contact_points
        union
        select workspace_id, profile_id from profile_identities
      ) as owner
    ) as found
    where p.workspace_id = found.workspace_id and p.id = found.id and found.extra is not null`.execute(db);

  await db.schema.dropIndex('profiles_search_text_idx').execute();
  await sql`alter table profiles drop column search_text`.execute(db);
  await sql`alter table profiles add column search_text text generated always as (${searchText}) stored`.execute(
    db,
  );
  await sql`create index profiles_search_text_idx on profiles using gin (search_text gin_trgm_ops) with (fastupdate = off)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger profiles_keep_search_extra on profiles`.execute(db);
  await sql`drop trigger profile_identities_keep_search_extra on profile_identities`.execute(db);
  await sql`drop trigger contact_points_keep_search_extra on contact_points`.execute(db);
  await sql`drop function profiles_keep_search_extra()`.execute(db);
  await sql`drop function profile_search_extra(uuid, uuid)`.execute(db);
  await db.schema.dropIndex('profiles_search_text_idx').execute();
  await sql`alter table profiles drop column search_text, drop column search_extra`.execute(db);
  await sql`alter table profiles add column search_text text generated always as (lower(
    first_name || ' ' || coalesce(middle_name, '') || ' ' || coalesce(last_name, '') || ' ' ||
    coalesce(email, '') || ' ' || coalesce(mobile_phone, '') || ' ' ||
    coalesce(integration_uuid, '') || ' ' || id::text
  )) stored`.execute(db);
  await sql`create index profiles_search_text_idx on profiles using gin (search_text gin_trgm_ops) with (fastupdate = off)`.execute(
    db,
  );
}
