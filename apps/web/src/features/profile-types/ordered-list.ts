/** The list with the item at `index` one place earlier (`-1`) or later (`1`); unchanged past an end. */
export function moved<T>(items: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  const item = items[index];
  const other = items[target];
  if (item === undefined || other === undefined) return [...items];
  const next = [...items];
  next[index] = other;
  next[target] = item;
  return next;
}

/** The list without the item at `index`. */
export function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, at) => at !== index);
}
