import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { decodeCursor, encodeCursor } from '../shared/pagination.ts';
import { hasBrokenText } from '../shared/text.ts';
import { eventIdLengthMax } from './activity.ts';

/** Where a page of events, newest first, ends: the last event's time and id. */
export interface EventPosition {
  occurredAt: Date;
  id: string;
}

const eventSort = 'occurredAt:desc';

/** A cursor of the shared form (sort, value, id), whose id is an event's id as its sender wrote it. */
export function encodeEventCursor(position: EventPosition): string {
  return encodeCursor({ sort: eventSort, value: position.occurredAt.toISOString(), id: position.id });
}

const eventId = z
  .string()
  .min(1)
  .max(eventIdLengthMax)
  .refine((id) => !hasBrokenText(id));

export function decodeEventCursor(cursor: string): EventPosition {
  const { value, id } = decodeCursor(cursor, eventSort, eventId);
  const occurredAt = typeof value === 'string' ? new Date(value) : undefined;
  if (!occurredAt || Number.isNaN(occurredAt.getTime())) {
    throw new DomainError('INVALID_CURSOR', 'The cursor is malformed; start again from the first page', {
      path: 'cursor',
    });
  }
  return { occurredAt, id };
}
