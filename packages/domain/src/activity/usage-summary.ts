import { z } from 'zod';

/** What a usage summary counts by: the organizations, or the modules of the product. */
export const usageSummaryGroups = ['module', 'organization'] as const;
export type UsageSummaryGroup = (typeof usageSummaryGroups)[number];

/** How long each bucket of a usage summary is: a calendar day, or a week from Monday (ISO 8601). */
export const usageSummaryIntervals = ['day', 'week'] as const;
export type UsageSummaryInterval = (typeof usageSummaryIntervals)[number];

/** The most days one summary spans: a year, a leap year included. */
export const usageSummaryDaysMax = 366;
/** How many organizations or modules a summary draws one by one; the others are counted together. */
export const usageSummarySeriesMax = 8;
/** How many of the busiest organizations and modules a summary lists. */
export const usageSummaryBusiestMax = 10;

const dayMs = 24 * 60 * 60 * 1000;

/** Days from `from` to `to` (ISO dates), both counted: 1 for one day. */
export function daysSpanned(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1;
}

/** The first day of the bucket that holds `day` (an ISO date): the day itself, or the Monday of its week. */
export function bucketStartOf(day: string, interval: UsageSummaryInterval): string {
  if (interval === 'day') return day;
  const time = Date.parse(`${day}T00:00:00Z`);
  const sinceMonday = (new Date(time).getUTCDay() + 6) % 7;
  return new Date(time - sinceMonday * dayMs).toISOString().slice(0, 10);
}

/** The first day of every bucket from the one that holds `from` to the one that holds `to`, in order. */
export function bucketStarts(from: string, to: string, interval: UsageSummaryInterval): string[] {
  const step = (interval === 'day' ? 1 : 7) * dayMs;
  const last = Date.parse(`${to}T00:00:00Z`);
  const starts: string[] = [];
  for (let time = Date.parse(`${bucketStartOf(from, interval)}T00:00:00Z`); time <= last; time += step) {
    starts.push(new Date(time).toISOString().slice(0, 10));
  }
  return starts;
}

const dayError = 'must be a day, like 2026-12-07';

/**
 * Usage counted per bucket of days over every organization the member may see, from the day
 * `from` to the day `to`, both included, as calendar days in the workspace's time zone.
 */
export const usageSummaryInput = z
  .strictObject({
    from: z.iso.date({ error: `from ${dayError}` }),
    to: z.iso.date({ error: `to ${dayError}` }),
    groupBy: z
      .enum(usageSummaryGroups, { error: `groupBy must be one of ${usageSummaryGroups.join(', ')}` })
      .default('module'),
    interval: z
      .enum(usageSummaryIntervals, { error: `interval must be one of ${usageSummaryIntervals.join(', ')}` })
      .default('day'),
  })
  .superRefine((input, ctx) => {
    const days = daysSpanned(input.from, input.to);
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
    else if (days > usageSummaryDaysMax)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `A summary spans at most ${usageSummaryDaysMax} days`,
      });
  });
export type UsageSummaryInput = z.output<typeof usageSummaryInput>;

/** One organization or module drawn in a summary; `key` null for all the others together. */
export interface UsageSeries {
  key: string | null;
  label: string;
  count: number;
}

export interface UsageSummary {
  from: string;
  to: string;
  groupBy: UsageSummaryGroup;
  interval: UsageSummaryInterval;
  /** The time zone whose calendar days the buckets are: the workspace's. */
  timeZone: string;
  total: number;
  /** The first day of every bucket, in order, those with no usage included. */
  starts: string[];
  /** The organizations or modules drawn, busiest first, then the others together if there are any. */
  series: UsageSeries[];
  /** The count of each series in each bucket where it is not zero. */
  buckets: { start: string; key: string | null; count: number }[];
  busiestOrganizations: { id: string; name: string; count: number }[];
  busiestModules: { module: string; count: number }[];
}

export const usageSummaryOutput = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(usageSummaryGroups),
  interval: z.enum(usageSummaryIntervals),
  timeZone: z.string(),
  total: z.number(),
  starts: z.array(z.string()),
  series: z.array(z.object({ key: z.string().nullable(), label: z.string(), count: z.number() })),
  buckets: z.array(z.object({ start: z.string(), key: z.string().nullable(), count: z.number() })),
  busiestOrganizations: z.array(z.object({ id: z.string(), name: z.string(), count: z.number() })),
  busiestModules: z.array(z.object({ module: z.string(), count: z.number() })),
});
