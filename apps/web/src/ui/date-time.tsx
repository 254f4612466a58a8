import { formatDate, formatDateTime } from '../lib/format.ts';

/** A moment in the reader's time zone; with `isDateOnly`, its day, the time in its tooltip. */
export function DateTime({ value, isDateOnly = false }: { value: Date; isDateOnly?: boolean }) {
  if (isDateOnly) {
    return (
      <time dateTime={value.toISOString()} title={formatDateTime(value)}>
        {formatDate(value)}
      </time>
    );
  }
  return <time dateTime={value.toISOString()}>{formatDateTime(value)}</time>;
}
