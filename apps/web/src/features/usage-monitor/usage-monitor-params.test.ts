import { describe, expect, it } from 'vitest';
import { parseUsageMonitorParams, withUsageMonitorParam } from './usage-monitor-params.ts';

const today = new Date(2026, 11, 7, 15, 0);

describe('parseUsageMonitorParams', () => {
  it('shows the last 30 days by module, per day, when the address names nothing', () => {
    expect(parseUsageMonitorParams(new URLSearchParams(), today)).toEqual({
      from: '2026-11-08',
      to: '2026-12-07',
      groupBy: 'module',
      interval: 'day',
    });
  });

  it('reads the view from the address, and keeps days as typed for the form to check', () => {
    const params = new URLSearchParams('from=2026-01-01&to=2026-03-31&groupBy=organization&interval=week');
    expect(parseUsageMonitorParams(params, today)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      groupBy: 'organization',
      interval: 'week',
    });
    expect(parseUsageMonitorParams(new URLSearchParams('from=soon&groupBy=x&interval=month'), today)).toEqual(
      {
        from: 'soon',
        to: '2026-12-07',
        groupBy: 'module',
        interval: 'day',
      },
    );
  });
});

describe('withUsageMonitorParam', () => {
  it('writes the whole view with the change, keeping other parameters', () => {
    const shown = parseUsageMonitorParams(new URLSearchParams(), today);
    const next = withUsageMonitorParam(new URLSearchParams('tab=x'), shown, { interval: 'week' });
    expect(next.toString()).toBe('tab=x&from=2026-11-08&to=2026-12-07&groupBy=module&interval=week');
  });
});
