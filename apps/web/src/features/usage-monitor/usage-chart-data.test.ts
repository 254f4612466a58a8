import { describe, expect, it } from 'vitest';
import { chartRowsOf, type UsageSummary } from './usage-chart-data.ts';

const summary: UsageSummary = {
  from: '2026-11-01',
  to: '2026-11-03',
  groupBy: 'module',
  interval: 'day',
  timeZone: 'UTC',
  total: 6,
  starts: ['2026-11-01', '2026-11-02', '2026-11-03'],
  series: [
    { key: 'Billing', label: 'Billing', count: 4 },
    { key: null, label: 'Others', count: 2 },
  ],
  buckets: [
    { start: '2026-11-01', key: 'Billing', count: 3 },
    { start: '2026-11-03', key: 'Billing', count: 1 },
    { start: '2026-11-03', key: null, count: 2 },
  ],
  busiestOrganizations: [],
  busiestModules: [],
};

describe('chartRowsOf', () => {
  it('makes a row for every bucket, with each series by its place and 0 where it has no usage', () => {
    expect(chartRowsOf(summary)).toEqual([
      { start: '2026-11-01', s0: 3, s1: 0 },
      { start: '2026-11-02', s0: 0, s1: 0 },
      { start: '2026-11-03', s0: 1, s1: 2 },
    ]);
  });
});
