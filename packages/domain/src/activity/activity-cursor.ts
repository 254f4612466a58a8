import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { encodeCursor } from '../shared/pagination.ts';
import { eventIdLengthMax } from './activity.ts';

/** Where a page of events, newest first, ends: the last event's time and id. */
export interface EventPosition {
  occurredAt: Date;
  id: string;
}

const eventSort = 'occurredAt:desc';

const positionSchema = z.tuple([
  z.literal(eventSort),
  z.iso.datetime(),
  z.string().min(1).max(eventIdLengthMax),
]);

/** A cursor of the shared form (sort, value, id), whose id is an event's id as its sender wrote it. */
export function encodeEventCursor(position: EventPosition): string {
  return encodeCursor({ sort: eventSort, value: position.occurredAt.toISOString(), id: position.id });
}

export function decodeEventCursor(cursor: string): EventPosition {
  try {
    const bytes = Uint8Array.from(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')), (char) =>
      char.charCodeAt(0),
    );
    const [, occurredAt, id] = positionSchema.parse(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
    );
    return { occurredAt: new Date(occurredAt), id };
  } catch {
    throw new DomainError('INVALID_CURSOR', 'The cursor is malformed; start again from the first page', {
      path: 'cursor',
    });
  }
}
