import type { RouterOutputs } from '../../lib/trpc.ts';

export type UsageSummary = RouterOutputs['usage']['summary'];

/** One bar of the chart: a bucket's first day and its count per series, by the series' place (`s0`, `s1`…). */
export type ChartRow = { start: string } & Record<`s${number}`, number>;

/** The series' field in a chart row: by place, since keys are ids or module names of any text. */
export const seriesField = (index: number): `s${number}` => `s${index}`;

/** The summary as rows for a stacked bar chart: every bucket, each series in it (0 where it has no usage). */
export function chartRowsOf(summary: UsageSummary): ChartRow[] {
  const place = new Map(summary.series.map((series, index) => [series.key, index]));
  const rows = new Map<string, ChartRow>(
    summary.starts.map((start) => {
      const row = { start } as ChartRow;
      summary.series.forEach((_, index) => (row[seriesField(index)] = 0));
      return [start, row];
    }),
  );
  for (const bucket of summary.buckets) {
    const row = rows.get(bucket.start);
    const index = place.get(bucket.key);
    if (row && index !== undefined) row[seriesField(index)] = bucket.count;
  }
  return [...rows.values()];
}
