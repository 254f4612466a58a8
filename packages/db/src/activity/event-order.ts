/**
 * Events in the order of their ids: batches that share ids and write them in one order wait for
 * each other, where batches in different orders could deadlock (README, Performance).
 */
export function inIdOrder<T extends { id: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
