const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const score = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatDateTime(value: Date): string {
  return dateTime.format(value);
}

/** The reader's calendar day of a moment. */
export function formatDate(value: Date): string {
  return date.format(value);
}

/** A survey score as people write it: `9`, `4.5`. */
export function formatScore(value: number): string {
  return score.format(value);
}
