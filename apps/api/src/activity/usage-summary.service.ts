import { countUsage, recountUsageDays } from '@tessera/db/activity';
import { bucketStarts, type UsageSummary, type UsageSummaryInput } from '@tessera/domain';
import type { MemberContext } from '../context.ts';

/**
 * Usage per day or week by module or organization, over every organization the member may see
 * (reference 004's usage monitor), in calendar days of the workspace's time zone. Day counts made
 * in a time zone the workspace has left are made again first.
 */
export async function summarizeUsage(ctx: MemberContext, input: UsageSummaryInput): Promise<UsageSummary> {
  let counts = await countUsage(ctx.db, ctx.scope, input);
  if (counts.countedIn !== null && counts.countedIn !== counts.timeZone) {
    const { timeZone } = counts;
    await ctx.db.transaction().execute((trx) => recountUsageDays(trx, ctx.scope, timeZone));
    counts = await countUsage(ctx.db, ctx.scope, input);
  }
  const drawn = counts.series.reduce((sum, series) => sum + series.count, 0);
  const others = counts.total - drawn;
  return {
    from: input.from,
    to: input.to,
    groupBy: input.groupBy,
    interval: input.interval,
    timeZone: counts.timeZone,
    total: counts.total,
    starts: bucketStarts(input.from, input.to, input.interval),
    series: others > 0 ? [...counts.series, { key: null, label: 'Others', count: others }] : counts.series,
    buckets: counts.buckets,
    busiestOrganizations: counts.busiestOrganizations,
    busiestModules: counts.busiestModules,
  };
}
