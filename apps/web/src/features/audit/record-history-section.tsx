import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditRecordKind } from '@tessera/domain';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';
import { DateTime } from '../../ui/date-time.tsx';
import { LoadError, Loading } from '../../ui/states.tsx';
import { NewestFirstFooter } from '../organizations/load-more-footer.tsx';

type Entry = RouterOutputs['audit']['list']['items'][number];
type Value = Entry['changes'][number]['before'];

const pageSize = 20;

/** `profile.set_primary_identity` → `Set primary identity` (profile), as a person reads it. */
function actionLabel(action: string): string {
  const [noun = '', verb = action] = action.includes('.') ? action.split('.', 2) : ['', action];
  const text = verb.replaceAll('_', ' ');
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return noun ? `${sentence} (${noun.replaceAll('_', ' ')})` : sentence;
}

/** `attributes.planTier` → `Attributes › plan tier`. */
function fieldLabel(field: string): string {
  if (field === '') return 'Value';
  const label = field
    .split('.')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' › ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function ValueText({ value }: { value: Value }) {
  if (value === null || value === '') return <span className="muted">—</span>;
  if (Array.isArray(value) && value.length === 0) return <span className="muted">none</span>;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return <>{value.join(', ')}</>;
  if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}

function whoOf(entry: Entry): string {
  if (!entry.actor) return 'the command line';
  return entry.actor.name ?? entry.actor.email ?? 'a former member';
}

function viaOf(entry: Entry): string | null {
  const { via } = entry;
  if (via.kind === 'token') {
    const name = via.tokenName ? `API token “${via.tokenName}”` : 'an API token since removed';
    return via.lastFour ? `${name} (…${via.lastFour})` : name;
  }
  if (via.kind === 'session') return 'the console';
  return null;
}

function HistoryEntry({ entry }: { entry: Entry }) {
  const via = viaOf(entry);
  return (
    <li className="history-entry">
      <p className="history-heading">
        <strong>{actionLabel(entry.action)}</strong>
        <span className="muted">
          {' '}
          <DateTime value={entry.at} /> · by {whoOf(entry)}
          {entry.actor?.email && entry.actor.name ? ` (${entry.actor.email})` : null}
          {via ? ` through ${via}` : null}
        </span>
      </p>
      {entry.isErased ? (
        <p className="muted">What this change held was erased with the person’s data.</p>
      ) : entry.changes.length === 0 ? (
        <p className="muted">No field changed.</p>
      ) : (
        <div className="table-wrap">
          <table className="table history-changes">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {entry.changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{fieldLabel(change.field)}</th>
                  <td>
                    <ValueText value={change.before} />
                  </td>
                  <td>
                    <ValueText value={change.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

/** A record's history, newest first, field by field, page by page. */
export function RecordHistorySection({
  recordKind,
  recordId,
}: {
  recordKind: AuditRecordKind;
  recordId: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { recordKind, recordId, limit: pageSize };
  const history = useInfiniteQuery({
    queryKey: trpc.audit.list.infiniteQueryKey(input),
    // `audit.list` refuses keys it does not name, such as the `direction` of tRPC's infinite
    // queries: each page is asked for as a plain query.
    queryFn: ({ pageParam }) =>
      queryClient.fetchQuery(trpc.audit.list.queryOptions({ ...input, cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="card" aria-labelledby="record-history">
      <h2 id="record-history" className="card-title">
        History
      </h2>
      {history.isPending ? (
        <Loading label="Loading the history…" />
      ) : history.isError && !history.isFetchNextPageError ? (
        <LoadError
          title="Could not load the history"
          error={history.error}
          onRetry={() => void history.refetch()}
          isRetrying={history.isFetching}
        />
      ) : entries.length === 0 ? (
        <p className="muted">No change has been recorded yet.</p>
      ) : (
        <>
          <ol className="history">
            {entries.map((entry) => (
              <HistoryEntry key={entry.id} entry={entry} />
            ))}
          </ol>
          <NewestFirstFooter list={history} count={entries.length} one="change" many="changes" />
        </>
      )}
    </section>
  );
}
