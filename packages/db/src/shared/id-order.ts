/**
 * Items of a batch in the order of their ids: batches that share ids and write them in one order
 * wait for each other, where batches in different orders could deadlock (README, Performance).
 */
export function inIdOrder<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
