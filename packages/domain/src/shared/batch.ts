import { DomainError } from './errors.ts';

/**
 * Batches of items that their senders name by ids of their own (usage and campaign events, survey
 * responses): at most this many items a batch, each id stored once per workspace.
 */
export const batchSizeMax = 500;
export const batchIdLengthMax = 128;
/** How far ahead of the server's clock an item may be dated: the sender's clock may run a little fast. */
export const timeLeadMaxMs = 5 * 60 * 1000;

/** What a batch stored: how many items are new, and the ids of those stored before. */
export interface IngestResult {
  accepted: number;
  duplicates: string[];
}

/** The answer to a batch of which the items with `storedIds` were stored now, the others before. */
export function ingestResultOf(
  items: readonly { id: string }[],
  storedIds: ReadonlySet<string>,
): IngestResult {
  return {
    accepted: storedIds.size,
    duplicates: items.filter((item) => !storedIds.has(item.id)).map((item) => item.id),
  };
}

/**
 * Refuses, at its field (`<list>.<index>.<field>`), the first item dated further ahead of `now`
 * than a sender's clock may run.
 */
export function refuseFutureTimes<Field extends string>(
  items: readonly Record<Field, Date>[],
  list: string,
  field: Field,
  now: Date,
): void {
  const latest = now.getTime() + timeLeadMaxMs;
  const index = items.findIndex((item) => item[field].getTime() > latest);
  if (index === -1) return;
  throw new DomainError('INVALID_FIELD', `${field} must not be in the future`, {
    path: `${list}.${index}.${field}`,
  });
}
