import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef, useState } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DateTime } from '../../ui/date-time.tsx';
import { streamLength, withArrivedEvent, type UsageEvent, type UsagePage } from './usage-stream.ts';

interface UsageStreamSectionProps {
  organization: { id: string; name: string };
  /** The profile whose page this is, if it is one: only its own usage in the organization is shown. */
  profileId?: string;
}

const summaryOf = (event: UsageEvent) =>
  `${event.module}, ${event.activity}${event.email ? ` by ${event.email}` : ''}`;

/**
 * An organization's usage by module and activity, or one person's in it, newest first, with each
 * event stored from now on added as it arrives (reference 004: "Usage (per account): a real-time
 * stream of usage").
 */
export function UsageStreamSection({ organization, profileId }: UsageStreamSectionProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const owner = { organizationId: organization.id, ...(profileId === undefined ? {} : { profileId }) };
  const listInput = { ...owner, limit: streamLength };
  const listKey = trpc.usage.list.queryKey(listInput);
  const usage = useQuery(trpc.usage.list.queryOptions(listInput));
  const [arrival, setArrival] = useState('');
  const hasStarted = useRef(false);
  const stream = useSubscription(
    trpc.usage.onEvent.subscriptionOptions(owner, {
      onStarted: () => {
        // Started again after a break: what was stored meanwhile is read afresh.
        if (hasStarted.current) void queryClient.invalidateQueries({ queryKey: listKey });
        hasStarted.current = true;
      },
      onData: (event) => {
        queryClient.setQueryData<UsagePage>(listKey, (page) => page && withArrivedEvent(page, event));
        setArrival(`New usage in ${organization.name}: ${summaryOf(event)}.`);
      },
    }),
  );
  const headingId = `usage-${organization.id}`;

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-heading">
        <h2 id={headingId}>Usage in {organization.name}</h2>
        <span className="usage-live" data-state={stream.status}>
          {stream.status === 'pending' ? 'Live' : stream.status === 'error' ? 'Not live' : 'Connecting…'}
        </span>
      </div>
      {stream.status === 'error' ? (
        <p className="field-error usage-stream-error">
          New usage does not arrive: {messageOf(stream.error)}{' '}
          <button type="button" className="button button-small" onClick={() => stream.reset()}>
            Reconnect
          </button>
        </p>
      ) : null}
      {usage.isPending ? <p className="muted">Loading…</p> : null}
      {usage.isError ? <p className="field-error">{messageOf(usage.error)}</p> : null}
      {usage.data?.items.length === 0 ? <p className="muted">No usage yet.</p> : null}
      {usage.data && usage.data.items.length > 0 ? (
        <ol className="usage-stream" aria-label={`Usage in ${organization.name}, newest first`}>
          {usage.data.items.map((event) => (
            <li key={event.id}>
              <span className="usage-what">
                <strong>{event.module}</strong>
                <span>{event.activity}</span>
              </span>
              <span className="usage-who muted">
                {event.email ?? (event.profileId === null ? 'Erased' : 'No email')}
              </span>
              <span className="usage-when muted">
                <DateTime value={event.occurredAt} />
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      <p className="visually-hidden" role="status">
        {arrival}
      </p>
    </section>
  );
}
