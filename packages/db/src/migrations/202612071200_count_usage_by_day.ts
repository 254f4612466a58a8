import { sql, type Kysely } from 'kysely';

// The usage monitor (reference 004's executive view) counts usage per day across every
// organization. Counting the events themselves reads every one of them (a million take seconds);
// these counts are kept as events are stored, by the database itself, so that no way of writing
// events can leave them behind. A million events over a year in 200 organizations make about as
// many (day, organization, module) counts as there are events, so the whole workspace is also
// counted per (day, organization) and per (day, module): at most days × organizations rows. The
// counts per organization and module serve members limited to a few organizations. Days are
// calendar days in the time zone recorded in usage_day_zones, the workspace's when the counts were
// made: when the workspace's time zone changes, the counts are made again from the events
// (usage.summary does so).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table usage_day_zones (
    workspace_id uuid not null,
    time_zone text not null,
    constraint usage_day_zones_pkey primary key (workspace_id),
    constraint usage_day_zones_workspace_fkey foreign key (workspace_id)
      references workspaces (id) on delete cascade
  )`.execute(db);
  await sql`create table usage_day_counts (
    workspace_id uuid not null,
    day date not null,
    organization_id uuid not null,
    module text not null,
    count bigint not null,
    constraint usage_day_counts_pkey primary key (workspace_id, organization_id, day, module),
    constraint usage_day_counts_organization_fkey foreign key (workspace_id, organization_id)
      references organizations (workspace_id, id) on delete cascade
  )`.execute(db);
  await sql`create table usage_organization_day_counts (
    workspace_id uuid not null,
    day date not null,
    organization_id uuid not null,
    count bigint not null,
    constraint usage_organization_day_counts_pkey primary key (workspace_id, day, organization_id),
    constraint usage_organization_day_counts_organization_fkey foreign key (workspace_id, organization_id)
      references organizations (workspace_id, id) on delete cascade
  )`.execute(db);
  await sql`create table usage_module_day_counts (
    workspace_id uuid not null,
    day date not null,
    module text not null,
    count bigint not null,
    constraint usage_module_day_counts_pkey primary key (workspace_id, day, module),
    constraint usage_module_day_counts_workspace_fkey foreign key (workspace_id)
      references workspaces (id) on delete cascade
  )`.execute(db);

  // Per statement, from the rows it stored or removed: a batch of 500 events adds to a few counts.
  // The zone is read FOR SHARE, so that counts made again in another zone wait for this
  // transaction, and this one for them. Counts are changed in the order of their keys: concurrent
  // batches that add to the same days wait for each other instead of deadlocking.
  await sql`create function usage_events_count_by_day() returns trigger language plpgsql as $$
    begin
      insert into usage_day_zones (workspace_id, time_zone)
      select distinct changed.workspace_id, coalesce(settings.time_zone, 'UTC')
      from changed_events as changed
      left join workspace_settings as settings on settings.workspace_id = changed.workspace_id
      order by 1
      on conflict on constraint usage_day_zones_pkey do nothing;
      perform 1 from usage_day_zones
      where workspace_id in (select workspace_id from changed_events)
      order by workspace_id
      for share;
      if tg_op = 'INSERT' then
        with deltas as (
          select changed.workspace_id, (changed.occurred_at at time zone zones.time_zone)::date as day,
                 changed.organization_id, changed.module, count(*) as count
          from changed_events as changed
          join usage_day_zones as zones on zones.workspace_id = changed.workspace_id
          group by 1, 2, 3, 4
        ),
        by_day as (
          insert into usage_day_counts as counts (workspace_id, day, organization_id, module, count)
          select workspace_id, day, organization_id, module, count from deltas
          order by workspace_id, organization_id, day, module
          on conflict on constraint usage_day_counts_pkey
          do update set count = counts.count + excluded.count
        ),
        by_organization as (
          insert into usage_organization_day_counts as counts (workspace_id, day, organization_id, count)
          select workspace_id, day, organization_id, sum(count) from deltas
          group by 1, 2, 3 order by 1, 2, 3
          on conflict on constraint usage_organization_day_counts_pkey
          do update set count = counts.count + excluded.count
        )
        insert into usage_module_day_counts as counts (workspace_id, day, module, count)
        select workspace_id, day, module, sum(count) from deltas
        group by 1, 2, 3 order by 1, 2, 3
        on conflict on constraint usage_module_day_counts_pkey
        do update set count = counts.count + excluded.count;
      else
        -- Only counts that are there: those of an organization being deleted may be gone already.
        with deltas as (
          select changed.workspace_id, (changed.occurred_at at time zone zones.time_zone)::date as day,
                 changed.organization_id, changed.module, count(*) as count
          from changed_events as changed
          join usage_day_zones as zones on zones.workspace_id = changed.workspace_id
          group by 1, 2, 3, 4
        ),
        by_day as (
          update usage_day_counts as counts set count = counts.count - removed.count
          from deltas as removed
          where counts.workspace_id = removed.workspace_id and counts.organization_id = removed.organization_id
            and counts.day = removed.day and counts.module = removed.module
        ),
        by_organization as (
          update usage_organization_day_counts as counts set count = counts.count - removed.count
          from (select workspace_id, day, organization_id, sum(count) as count from deltas group by 1, 2, 3)
            as removed
          where counts.workspace_id = removed.workspace_id and counts.day = removed.day
            and counts.organization_id = removed.organization_id
        )
        update usage_module_day_counts as counts set count = counts.count - removed.count
        from (select workspace_id, day, module, sum(count) as count from deltas group by 1, 2, 3) as removed
        where counts.workspace_id = removed.workspace_id and counts.day = removed.day
          and counts.module = removed.module;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger usage_events_count_inserted after insert on usage_events
    referencing new table as changed_events
    for each statement execute function usage_events_count_by_day()`.execute(db);
  // Events leave with their organization (whose counts leave with it too) or not at all; a
  // removal of events all the same takes them out of the counts.
  await sql`create trigger usage_events_count_deleted after delete on usage_events
    referencing old table as changed_events
    for each statement execute function usage_events_count_by_day()`.execute(db);

  await sql`insert into usage_day_zones (workspace_id, time_zone)
    select distinct events.workspace_id, coalesce(settings.time_zone, 'UTC')
    from usage_events as events
    left join workspace_settings as settings on settings.workspace_id = events.workspace_id`.execute(db);
  await sql`insert into usage_day_counts (workspace_id, day, organization_id, module, count)
    select events.workspace_id, (events.occurred_at at time zone zones.time_zone)::date,
           events.organization_id, events.module, count(*)
    from usage_events as events
    join usage_day_zones as zones on zones.workspace_id = events.workspace_id
    group by 1, 2, 3, 4`.execute(db);
  await sql`insert into usage_organization_day_counts (workspace_id, day, organization_id, count)
    select workspace_id, day, organization_id, sum(count) from usage_day_counts group by 1, 2, 3`.execute(db);
  await sql`insert into usage_module_day_counts (workspace_id, day, module, count)
    select workspace_id, day, module, sum(count) from usage_day_counts group by 1, 2, 3`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger usage_events_count_deleted on usage_events`.execute(db);
  await sql`drop trigger usage_events_count_inserted on usage_events`.execute(db);
  await sql`drop function usage_events_count_by_day()`.execute(db);
  await db.schema.dropTable('usage_module_day_counts').execute();
  await db.schema.dropTable('usage_organization_day_counts').execute();
  await db.schema.dropTable('usage_day_counts').execute();
  await db.schema.dropTable('usage_day_zones').execute();
}
