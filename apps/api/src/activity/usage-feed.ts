import { EventEmitter, on } from 'node:events';
import type { UsageEvent } from '@tessera/domain';

// Usage events reach the subscriptions open on this server, by workspace, after the transaction
// that stored them commits. Subscribers on other servers behind a load balancer do not see them.
const feed = new EventEmitter();
// One listener per open subscription: as many as there are people watching.
feed.setMaxListeners(0);

/** Tells the subscriptions of the workspace about events just stored. */
export function publishUsage(workspaceId: string, events: readonly UsageEvent[]): void {
  if (events.length > 0) feed.emit(workspaceId, events);
}

/**
 * The usage events stored in the workspace from now on, until `signal` aborts or the caller stops
 * iterating. It listens from the moment it is called, before its first event is asked for, so
 * that nothing stored while a subscription starts is missed.
 */
export function usageFeedOf(workspaceId: string, signal: AbortSignal | undefined): AsyncIterable<UsageEvent> {
  const batches = on(feed, workspaceId, { signal });
  return (async function* () {
    try {
      for await (const [events] of batches) yield* events as UsageEvent[];
    } catch (error) {
      if (!signal?.aborted) throw error;
    }
  })();
}
