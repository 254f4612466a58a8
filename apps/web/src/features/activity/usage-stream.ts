import type { RouterOutputs } from '../../lib/trpc.ts';

export type UsagePage = RouterOutputs['usage']['list'];
export type UsageEvent = UsagePage['items'][number];

/** How many events a stream shows: the newest. */
export const streamLength = 20;

/** Newest first, as the server lists them: by time, then by id. */
function isNewer(a: UsageEvent, b: UsageEvent): boolean {
  const byTime = a.occurredAt.getTime() - b.occurredAt.getTime();
  return byTime === 0 ? a.id > b.id : byTime > 0;
}

/**
 * The page with an event that just arrived in its place, newest first: at the top unless it was
 * dated earlier than some shown. An event the page holds already stays once.
 */
export function withArrivedEvent(page: UsagePage, event: UsageEvent): UsagePage {
  if (page.items.some((item) => item.id === event.id)) return page;
  const index = page.items.findIndex((item) => isNewer(event, item));
  const items = index === -1 ? [...page.items, event] : page.items.toSpliced(index, 0, event);
  return { ...page, items: items.slice(0, streamLength) };
}
