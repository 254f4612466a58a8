import { sql, type Kysely } from 'kysely';

// A contact point keeps its id, creation time and uuid when the profile's email or mobile phone
// changes to a new value: the primary contact point takes the value. When the profile names one of
// its other contact points instead, that one becomes primary and the former primary stays beside
// it. Contact points carry the uuid an integration knows them by (reference 002), unique per profile.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contact_points').addColumn('uuid', 'text').execute();
  await sql`alter table contact_points
    add constraint contact_points_profile_uuid_key unique (workspace_id, profile_id, uuid)`.execute(db);

  // A value another profile holds is refused as a unique violation of
  // contact_points_workspace_key_value_key, naming the key as its column, as before.
  await sql`create or replace function profiles_keep_primary_contact_points() returns trigger language plpgsql as $$
    declare
      pair record;
      fresh uuid;
      kept uuid;
      former record;
    begin
      for pair in
        select 'email' as key, case when tg_op = 'UPDATE' then old.email end as before, new.email as after
        union all
        select 'phone', case when tg_op = 'UPDATE' then old.mobile_phone end, new.mobile_phone
      loop
        continue when tg_op = 'UPDATE' and pair.before is not distinct from pair.after;
        if pair.after is null then
          delete from contact_points
          where workspace_id = new.workspace_id and key = pair.key and value = pair.before and profile_id = new.id;
          continue;
        end if;
        fresh := gen_random_uuid();
        insert into contact_points as c (workspace_id, id, profile_id, key, value, created_at, updated_at)
        values (new.workspace_id, fresh, new.id, pair.key, pair.after, new.updated_at, new.updated_at)
        on conflict on constraint contact_points_workspace_key_value_key
        do update set updated_at = excluded.updated_at where c.profile_id = excluded.profile_id
        returning c.id into kept;
        if kept is null then
          raise exception 'this % belongs to another profile', pair.key
            using errcode = 'unique_violation', constraint = 'contact_points_workspace_key_value_key',
                  table = 'contact_points', column = pair.key;
        end if;
        if kept = fresh and pair.before is not null then
          delete from contact_points
          where workspace_id = new.workspace_id and key = pair.key and value = pair.before and profile_id = new.id
          returning id, created_at, uuid into former;
          if found then
            update contact_points set id = former.id, created_at = former.created_at, uuid = former.uuid
            where workspace_id = new.workspace_id and id = fresh;
          end if;
        end if;
      end loop;
      return null;
    end
  $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create or replace function profiles_keep_primary_contact_points() returns trigger language plpgsql as $$
    declare
      pair record;
      claimed integer;
    begin
      for pair in
        select 'email' as key, case when tg_op = 'UPDATE' then old.email end as before, new.email as after
        union all
        select 'phone', case when tg_op = 'UPDATE' then old.mobile_phone end, new.mobile_phone
      loop
        continue when tg_op = 'UPDATE' and pair.before is not distinct from pair.after;
        if pair.before is not null then
          delete from contact_points
          where workspace_id = new.workspace_id and key = pair.key and value = pair.before and profile_id = new.id;
        end if;
        if pair.after is not null then
          insert into contact_points as c (workspace_id, id, profile_id, key, value, created_at, updated_at)
          values (new.workspace_id, gen_random_uuid(), new.id, pair.key, pair.after, new.updated_at, new.updated_at)
          on conflict on constraint contact_points_workspace_key_value_key
          do update set updated_at = excluded.updated_at where c.profile_id = excluded.profile_id;
          get diagnostics claimed = row_count;
          if claimed = 0 then
            raise exception 'this % belongs to another profile', pair.key
              using errcode = 'unique_violation', constraint = 'contact_points_workspace_key_value_key',
                    table = 'contact_points', column = pair.key;
          end if;
        end if;
      end loop;
      return null;
    end
  $$`.execute(db);
  await sql`alter table contact_points drop constraint contact_points_profile_uuid_key`.execute(db);
  await db.schema.alterTable('contact_points').dropColumn('uuid').execute();
}
