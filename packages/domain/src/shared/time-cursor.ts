import { z } from 'zod';
import { batchIdLengthMax } from './batch.ts';
import { DomainError } from './errors.ts';
import { decodeCursor, encodeCursor } from './pagination.ts';
import { hasBrokenText } from './text.ts';

/** Where a page of items newest first by a time (`field`) ends: the last item's time and id. */
export type TimePosition<Field extends string> = Record<Field, Date> & { id: string };

const batchId = z
  .string()
  .min(1)
  .max(batchIdLengthMax)
  .refine((id) => !hasBrokenText(id));

/**
 * Cursors of the shared form (sort, value, id) for a list newest first by `field` and then by the
 * ids their senders gave the items (as usage events and survey responses are).
 */
export function newestFirstCursor<Field extends string>(field: Field) {
  const sort = `${field}:desc`;
  return {
    encode: (position: TimePosition<Field>): string =>
      encodeCursor({ sort, value: position[field].toISOString(), id: position.id }),
    decode: (cursor: string): TimePosition<Field> => {
      const { value, id } = decodeCursor(cursor, sort, batchId);
      const at = typeof value === 'string' ? new Date(value) : undefined;
      if (!at || Number.isNaN(at.getTime())) {
        throw new DomainError('INVALID_CURSOR', 'The cursor is malformed; start again from the first page', {
          path: 'cursor',
        });
      }
      return { [field]: at, id } as TimePosition<Field>;
    },
  };
}
