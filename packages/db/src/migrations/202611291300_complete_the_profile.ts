import { sql, type Kysely } from 'kysely';

// The whole customer record (reference 001 and 002): its fields, the workspace's settings they are
// checked against, and contact points — every email and phone of a profile, unique in the
// workspace whichever way it was added. A profile's `email` and `mobile_phone` are its primary
// contact points, kept in `contact_points` by a trigger, so that no write path can skip the rule.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspace_settings')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('default_phone_region', 'text')
    .addColumn('time_zone', 'text', (col) => col.notNull().defaultTo('UTC'))
    .addColumn('currencies', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('workspace_settings_pkey', ['workspace_id'])
    .addCheckConstraint('workspace_settings_region_check', sql`default_phone_region ~ '^[A-Z]{2}$'`)
    .execute();

  await db.schema
    .createTable('locations')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('external_id', 'text')
    .addPrimaryKeyConstraint('locations_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('locations_workspace_external_id_key', ['workspace_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('tiers')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('handle', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('rank', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('tiers_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('tiers_workspace_handle_key', ['workspace_id', 'handle'])
    .execute();

  await db.schema
    .createTable('profile_statuses')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('handle', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('profile_statuses_pkey', ['workspace_id', 'handle'])
    .execute();

  await db.schema
    .alterTable('profiles')
    .addColumn('title', 'text')
    .addColumn('mobile_phone', 'text')
    .addColumn('secondary_phone', 'text')
    .addColumn('gender', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('birth_month', 'integer')
    .addColumn('birth_day', 'integer')
    .addColumn('country_numeric_code', 'text')
    .addColumn('currency', 'text')
    .addColumn('joined_at', 'timestamptz')
    .addColumn('company', 'text')
    .addColumn('occupation', 'text')
    .addColumn('avatar_url', 'text')
    .addColumn('preferred_location_id', 'uuid')
    .addColumn('joined_location_id', 'uuid')
    .addColumn('tier_id', 'uuid')
    .addColumn('tags', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('statuses', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('addresses', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('lifecycle', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('lifecycle_before_delete', 'text')
    .addColumn('enabled', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('integration_uuid', 'text')
    .execute();
  await sql`alter table profiles
    add constraint profiles_workspace_mobile_phone_key unique (workspace_id, mobile_phone),
    add constraint profiles_workspace_integration_uuid_key unique (workspace_id, integration_uuid),
    add constraint profiles_preferred_location_fkey foreign key (workspace_id, preferred_location_id)
      references locations (workspace_id, id) on delete set null (preferred_location_id),
    add constraint profiles_joined_location_fkey foreign key (workspace_id, joined_location_id)
      references locations (workspace_id, id) on delete set null (joined_location_id),
    add constraint profiles_tier_fkey foreign key (workspace_id, tier_id)
      references tiers (workspace_id, id) on delete set null (tier_id),
    add constraint profiles_phones_check check (mobile_phone ~ '^\\+[1-9][0-9]{6,14}$' and secondary_phone ~ '^\\+[1-9][0-9]{6,14}$'),
    add constraint profiles_gender_check check (gender in ('female', 'male', 'withheld', 'other')),
    add constraint profiles_birthday_check check (
      birth_month between 1 and 12 and birth_day between 1 and 31 and birth_year between 1850 and 9999
      and (birth_day is null or birth_month is not null)),
    add constraint profiles_country_check check (country_numeric_code ~ '^[0-9]{3}$'),
    add constraint profiles_currency_check check (currency ~ '^[A-Z]{3}$'),
    add constraint profiles_lifecycle_check check (
      lifecycle in ('temporary', 'pending', 'active', 'deleted')
      and (lifecycle_before_delete is null or lifecycle_before_delete in ('temporary', 'pending', 'active'))),
    add constraint profiles_addresses_check check (jsonb_typeof(addresses) = 'array')`.execute(db);

  await db.schema
    .createTable('contact_points')
    .addColumn('workspace_id', 'uuid', (col) => col.notNull())
    .addColumn('id', 'uuid', (col) => col.notNull())
    .addColumn('profile_id', 'uuid', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('contact_points_pkey', ['workspace_id', 'id'])
    .addUniqueConstraint('contact_points_workspace_key_value_key', ['workspace_id', 'key', 'value'])
    .addForeignKeyConstraint(
      'contact_points_profile_fkey',
      ['workspace_id', 'profile_id'],
      'profiles',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('contact_points_key_check', sql`key in ('email', 'phone')`)
    .execute();
  await db.schema
    .createIndex('contact_points_profile_idx')
    .on('contact_points')
    .columns(['workspace_id', 'profile_id'])
    .execute();

  // Keeps a profile's email and mobile phone among its contact points. A value another profile
  // holds is refused as a unique violation of contact_points_workspace_key_value_key, as a direct
  // insert would be; one this profile holds already becomes primary by being the profile's value.
  await sql`create function profiles_keep_primary_contact_points() returns trigger language plpgsql as $$
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
  await sql`create trigger profiles_keep_primary_contact_points
    after insert or update of email, mobile_phone on profiles
    for each row execute function profiles_keep_primary_contact_points()`.execute(db);
  await sql`insert into contact_points (workspace_id, id, profile_id, key, value, created_at, updated_at)
    select workspace_id, gen_random_uuid(), id, 'email', email, updated_at, updated_at
    from profiles where email is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger profiles_keep_primary_contact_points on profiles`.execute(db);
  await sql`drop function profiles_keep_primary_contact_points()`.execute(db);
  await db.schema.dropTable('contact_points').execute();
  await sql`alter table profiles
    drop column title, drop column mobile_phone, drop column secondary_phone, drop column gender,
    drop column birth_year, drop column birth_month, drop column birth_day, drop column country_numeric_code,
    drop column currency, drop column joined_at, drop column company, drop column occupation,
    drop column avatar_url, drop column preferred_location_id, drop column joined_location_id,
    drop column tier_id, drop column tags, drop column statuses, drop column addresses,
    drop column lifecycle, drop column lifecycle_before_delete, drop column enabled,
    drop column integration_uuid`.execute(db);
  for (const table of ['profile_statuses', 'tiers', 'locations', 'workspace_settings']) {
    await db.schema.dropTable(table).execute();
  }
}
