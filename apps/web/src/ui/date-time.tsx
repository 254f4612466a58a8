import { formatDateTime } from '../lib/format.ts';

export function DateTime({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{formatDateTime(value)}</time>;
}
