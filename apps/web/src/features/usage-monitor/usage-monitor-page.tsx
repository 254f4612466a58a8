import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usageSummaryInput } from '@tessera/domain';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { schemaIssues, splitError, splitIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { EmptyState, LoadError, Loading } from '../../ui/states.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { chartRowsOf, seriesField, type UsageSummary } from './usage-chart-data.ts';
import {
  parseUsageMonitorParams,
  withUsageMonitorParam,
  type UsageMonitorParams,
} from './usage-monitor-params.ts';

const fieldNames = ['from', 'to', 'groupBy', 'interval'];

const groupOptions = [
  { value: 'module', label: 'Module' },
  { value: 'organization', label: 'Organization' },
];

const intervalOptions = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
];

// Distinct at a glance and in print; the last, grey, is for all the others together.
const seriesColours = [
  '#3451d1',
  '#1d7a46',
  '#c77c02',
  '#b8336a',
  '#0f8a9d',
  '#7048c6',
  '#7a8a00',
  '#c0322b',
];
const othersColour = '#98a2ad';

const count = new Intl.NumberFormat();
const dayLabel = (day: string) =>
  new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/**
 * The usage monitor (reference 004's executive view): usage across every organization the member
 * may see, per day or week, by module or organization, with the busiest of each. The view is kept
 * in the address, so it can be shared and comes back on reload.
 */
export function UsageMonitorPage() {
  useDocumentTitle('Usage');
  const trpc = useTRPC();
  const [searchParams, setSearchParams] = useSearchParams();
  const [today] = useState(() => new Date());
  const view = parseUsageMonitorParams(searchParams, today);
  const checked = usageSummaryInput.safeParse(view);
  const summary = useQuery(
    trpc.usage.summary.queryOptions(view, { enabled: checked.success, placeholderData: keepPreviousData }),
  );
  const errors = checked.success
    ? summary.isError
      ? splitError(summary.error, fieldNames)
      : { fields: {}, form: null }
    : splitIssues(schemaIssues(checked.error), fieldNames);
  const hasFieldErrors = Object.keys(errors.fields).length > 0;

  function change(next: Partial<UsageMonitorParams>) {
    setSearchParams((current) => withUsageMonitorParam(current, view, next), { replace: true });
  }

  return (
    <>
      <div className="page-header">
        <PageHeading>Usage</PageHeading>
      </div>
      <p className="page-intro muted">
        How your customers use the product across every organization you may see, per day or week, and where
        it is busiest.
      </p>

      <form className="usage-controls" aria-label="Usage shown" onSubmit={(event) => event.preventDefault()}>
        <TextField
          id="usage-from"
          label="From"
          type="date"
          value={view.from}
          onValueChange={(from) => change({ from })}
          error={errors.fields.from}
          required
        />
        <TextField
          id="usage-to"
          label="To"
          type="date"
          value={view.to}
          onValueChange={(to) => change({ to })}
          error={errors.fields.to}
          hint="Included; at most 366 days"
          required
        />
        <SelectField
          id="usage-group-by"
          label="Group by"
          value={view.groupBy}
          options={groupOptions}
          onValueChange={(groupBy) => change({ groupBy: groupBy as UsageMonitorParams['groupBy'] })}
          error={errors.fields.groupBy}
          required
        />
        <SelectField
          id="usage-interval"
          label="Interval"
          value={view.interval}
          options={intervalOptions}
          onValueChange={(interval) => change({ interval: interval as UsageMonitorParams['interval'] })}
          error={errors.fields.interval}
          hint="Weeks start on Monday"
          required
        />
      </form>

      {hasFieldErrors ? (
        errors.form !== null ? (
          <Alert tone="error">{errors.form}</Alert>
        ) : null
      ) : summary.isError ? (
        <LoadError
          title="Could not load the usage"
          error={summary.error}
          onRetry={() => void summary.refetch()}
          isRetrying={summary.isFetching}
        />
      ) : summary.data === undefined ? (
        <Loading label="Loading the usage…" />
      ) : summary.data.total === 0 ? (
        <EmptyState title="No usage in these days">
          <p className="muted">Usage appears here as your product sends it. Try a longer range.</p>
        </EmptyState>
      ) : (
        <UsageSummaryView summary={summary.data} isStale={summary.isPlaceholderData} />
      )}
    </>
  );
}

function UsageSummaryView({ summary, isStale }: { summary: UsageSummary; isStale: boolean }) {
  const rows = chartRowsOf(summary);
  const per = summary.interval === 'day' ? 'day' : 'week';
  const by = summary.groupBy === 'module' ? 'module' : 'organization';
  const busiest = summary.series[0];
  return (
    <div className="usage-monitor" aria-busy={isStale || undefined}>
      <section className="card usage-chart-card" aria-labelledby="usage-chart-title">
        <div className="card-heading">
          <h2 id="usage-chart-title">
            {count.format(summary.total)} uses, per {per} by {by}
          </h2>
          <span className="muted">Days in {summary.timeZone}</span>
        </div>
        <div
          className="usage-chart"
          role="img"
          aria-label={`Usage per ${per} from ${summary.from} to ${summary.to}, by ${by}: ${count.format(summary.total)} in all${busiest ? `, most in ${busiest.label} (${count.format(busiest.count)})` : ''}.`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="start" tickFormatter={dayLabel} minTickGap={16} fontSize={12} />
              <YAxis allowDecimals={false} width={48} fontSize={12} />
              <Tooltip labelFormatter={(label) => (typeof label === 'string' ? dayLabel(label) : '')} />
              <Legend wrapperStyle={{ fontSize: 13 }} />
              {summary.series.map((series, index) => (
                <Bar
                  key={series.key ?? 'others'}
                  dataKey={seriesField(index)}
                  name={series.label}
                  stackId="usage"
                  fill={series.key === null ? othersColour : seriesColours[index % seriesColours.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </section>
      <div className="detail-grid">
        <section className="card" aria-labelledby="busiest-organizations">
          <h2 id="busiest-organizations" className="card-title">
            Busiest organizations
          </h2>
          <ol className="busiest-list">
            {summary.busiestOrganizations.map((organization) => (
              <li key={organization.id}>
                <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
                <span className="busiest-count">{count.format(organization.count)}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="card" aria-labelledby="busiest-modules">
          <h2 id="busiest-modules" className="card-title">
            Busiest modules
          </h2>
          <ol className="busiest-list">
            {summary.busiestModules.map((module) => (
              <li key={module.module}>
                <span>{module.module}</span>
                <span className="busiest-count">{count.format(module.count)}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
