import {
  usageSummaryGroups,
  usageSummaryIntervals,
  type UsageSummaryGroup,
  type UsageSummaryInterval,
} from '@tessera/domain';

/** What the usage monitor shows, as kept in its address: `?from=2026-11-01&to=2026-11-30&groupBy=module&interval=day`. */
export interface UsageMonitorParams {
  /** The first day, `YYYY-MM-DD`, as typed (checked before it is asked for). */
  from: string;
  /** The last day, included. */
  to: string;
  groupBy: UsageSummaryGroup;
  interval: UsageSummaryInterval;
}

/** How many days the monitor shows when the address names none: the last 30, today included. */
export const defaultDays = 30;

/** The calendar day of `date` on the reader's clock, `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

function oneOf<T extends string>(values: readonly T[], text: string | null, fallback: T): T {
  return (values as readonly string[]).includes(text ?? '') ? (text as T) : fallback;
}

/** The monitor's view from its address; what the address leaves out is the last 30 days by module, per day. */
export function parseUsageMonitorParams(params: URLSearchParams, today: Date): UsageMonitorParams {
  const start = new Date(today);
  start.setDate(start.getDate() - (defaultDays - 1));
  return {
    from: params.get('from') ?? localDay(start),
    to: params.get('to') ?? localDay(today),
    groupBy: oneOf(usageSummaryGroups, params.get('groupBy'), 'module'),
    interval: oneOf(usageSummaryIntervals, params.get('interval'), 'day'),
  };
}

/** The address's query with one of the monitor's controls changed, the others kept. */
export function withUsageMonitorParam(
  current: URLSearchParams,
  shown: UsageMonitorParams,
  change: Partial<UsageMonitorParams>,
): URLSearchParams {
  const next = new URLSearchParams(current);
  const view = { ...shown, ...change };
  next.set('from', view.from);
  next.set('to', view.to);
  next.set('groupBy', view.groupBy);
  next.set('interval', view.interval);
  return next;
}
