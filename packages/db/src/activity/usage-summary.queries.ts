import {
  usageSummaryBusiestMax,
  usageSummarySeriesMax,
  type UsageSummaryGroup,
  type UsageSummaryInterval,
} from '@tessera/domain';
import { sql } from 'kysely';
import type { Executor } from '../client.ts';
import { organizationInScope, type Scope } from '../shared/scope.ts';

export interface UsageSummaryQuery {
  /** The first day counted (an ISO date in the counts' time zone). */
  from: string;
  /** The last day counted. */
  to: string;
  groupBy: UsageSummaryGroup;
  interval: UsageSummaryInterval;
}

/** Counts of usage over the organizations in scope, as the database summed them. */
export interface UsageCounts {
  /** The time zone the workspace's day counts are in; null before its first event. */
  countedIn: string | null;
  /** The workspace's time zone now. */
  timeZone: string;
  total: number;
  /** The busiest organizations or modules (by `groupBy`), busiest first, with a label to show. */
  series: { key: string; label: string; count: number }[];
  /** Per bucket, the count of each series, and of the others together under `key` null. */
  buckets: { start: string; key: string | null; count: number }[];
  busiestOrganizations: { id: string; name: string; count: number }[];
  busiestModules: { module: string; count: number }[];
}

interface UsageCountsRow {
  counted_in: string | null;
  time_zone: string | null;
  total: string | number;
  series: { key: string; label: string; count: number }[];
  buckets: { start: string; key: string | null; count: number }[];
  organizations: { id: string; name: string; count: number }[];
  modules: { module: string; count: number }[];
}

/**
 * Usage per bucket of days over the organizations in scope, from the day counts in one statement:
 * each bucket counted by organization and by module; the busiest `groupBy` keys are drawn and the
 * others summed together. Also answers the time zone the counts are in and the workspace's: when
 * they differ the counts must be made again.
 */
export async function countUsage(db: Executor, scope: Scope, query: UsageSummaryQuery): Promise<UsageCounts> {
  const start =
    query.interval === 'day' ? sql`counts.day` : sql`date_trunc('week', counts.day::timestamp)::date`;
  const column = sql.ref(query.groupBy === 'organization' ? 'organization_id' : 'module');
  const totals = sql.ref(query.groupBy === 'organization' ? 'organization_totals' : 'module_totals');
  const label =
    query.groupBy === 'organization'
      ? sql`(select name from organizations
             where organizations.workspace_id = ${scope.workspaceId} and organizations.id = totals.key::uuid)`
      : sql`totals.key`;
  const inRange = sql`counts.workspace_id = ${scope.workspaceId}
    and counts.day >= ${query.from}::date and counts.day <= ${query.to}::date`;
  const startOf = sql`${start} as start`;
  // A whole workspace reads its counts per organization and per module; a limited scope the
  // counts of its organizations, per organization and module, both ways at once (GROUPING SETS).
  const counted =
    scope.organizationIds === null
      ? sql`select start, organization_id, null::text as module, sum(count)::bigint as count
            from (select ${startOf}, counts.organization_id, counts.count
                  from usage_organization_day_counts as counts where ${inRange}) as days
            group by start, organization_id
            union all
            select start, null::uuid, module, sum(count)::bigint
            from (select ${startOf}, counts.module, counts.count
                  from usage_module_day_counts as counts where ${inRange}) as days
            group by start, module`
      : sql`select start, organization_id, module, sum(count)::bigint as count
            from (select ${startOf}, counts.organization_id, counts.module, counts.count
                  from usage_day_counts as counts
                  where ${inRange}
                    and ${organizationInScope(scope, 'counts.organization_id')}) as days
            group by grouping sets ((start, organization_id), (start, module))`;
  const { rows } = await sql<UsageCountsRow>`
    with counted as materialized (${counted}),
    organization_totals as (
      select organization_id::text as key, sum(count)::bigint as count
      from counted where organization_id is not null group by organization_id having sum(count) > 0
    ),
    module_totals as (
      select module as key, sum(count)::bigint as count
      from counted where module is not null group by module having sum(count) > 0
    ),
    series as (
      select totals.key, ${label} as label, totals.count
      from ${totals} as totals order by totals.count desc, totals.key limit ${usageSummarySeriesMax}
    ),
    buckets as (
      select counted.start, series.key, sum(counted.count)::bigint as count
      from counted left join series on series.key = counted.${column}::text
      where counted.${column} is not null
      group by counted.start, series.key
      having sum(counted.count) > 0
    )
    select
      (select time_zone from usage_day_zones where workspace_id = ${scope.workspaceId}) as counted_in,
      (select time_zone from workspace_settings where workspace_id = ${scope.workspaceId}) as time_zone,
      (select coalesce(sum(count), 0) from module_totals) as total,
      (select coalesce(json_agg(json_build_object('key', key, 'label', label, 'count', count)
                                order by count desc, key), '[]')
       from series) as series,
      (select coalesce(json_agg(json_build_object('start', start, 'key', key, 'count', count)
                                order by start, key nulls last), '[]')
       from buckets) as buckets,
      (select coalesce(json_agg(json_build_object('id', busiest.key, 'name', organizations.name, 'count', busiest.count)
                                order by busiest.count desc, busiest.key), '[]')
       from (select key, count from organization_totals order by count desc, key limit ${usageSummaryBusiestMax})
         as busiest
       join organizations on organizations.workspace_id = ${scope.workspaceId}
         and organizations.id = busiest.key::uuid) as organizations,
      (select coalesce(json_agg(json_build_object('module', key, 'count', count) order by count desc, key), '[]')
       from (select key, count from module_totals order by count desc, key limit ${usageSummaryBusiestMax})
         as busiest) as modules`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('the usage summary returned no row');
  return {
    countedIn: row.counted_in,
    timeZone: row.time_zone ?? 'UTC',
    total: Number(row.total),
    series: row.series,
    buckets: row.buckets,
    busiestOrganizations: row.organizations,
    busiestModules: row.modules,
  };
}

/**
 * Makes the workspace's day counts again from its usage events, as calendar days in `timeZone`,
 * unless they are in that time zone already. Its lock on the workspace's zone waits for the
 * transactions storing events, which count in the zone they read FOR SHARE, and they for it.
 */
export async function recountUsageDays(db: Executor, scope: Scope, timeZone: string): Promise<void> {
  await db
    .insertInto('usage_day_zones')
    .values({ workspace_id: scope.workspaceId, time_zone: timeZone })
    .onConflict((conflict) => conflict.constraint('usage_day_zones_pkey').doNothing())
    .execute();
  const zone = await db
    .selectFrom('usage_day_zones')
    .select('time_zone')
    .where('workspace_id', '=', scope.workspaceId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // A zone made just now has no counts to make: the first event stored in a workspace makes its zone.
  if (zone.time_zone === timeZone) return;
  for (const table of [
    'usage_day_counts',
    'usage_organization_day_counts',
    'usage_module_day_counts',
  ] as const)
    await db.deleteFrom(table).where('workspace_id', '=', scope.workspaceId).execute();
  await sql`insert into usage_day_counts (workspace_id, day, organization_id, module, count)
    select workspace_id, (occurred_at at time zone ${timeZone})::date, organization_id, module, count(*)
    from usage_events where workspace_id = ${scope.workspaceId}
    group by 1, 2, 3, 4`.execute(db);
  await sql`insert into usage_organization_day_counts (workspace_id, day, organization_id, count)
    select workspace_id, day, organization_id, sum(count) from usage_day_counts
    where workspace_id = ${scope.workspaceId} group by 1, 2, 3`.execute(db);
  await sql`insert into usage_module_day_counts (workspace_id, day, module, count)
    select workspace_id, day, module, sum(count) from usage_day_counts
    where workspace_id = ${scope.workspaceId} group by 1, 2, 3`.execute(db);
  await db
    .updateTable('usage_day_zones')
    .set({ time_zone: timeZone })
    .where('workspace_id', '=', scope.workspaceId)
    .execute();
}
