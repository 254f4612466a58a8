import { newestFirstCursor, type TimePosition } from '../shared/time-cursor.ts';

/** Where a page of events, newest first, ends: the last event's time and id. */
export type EventPosition = TimePosition<'occurredAt'>;

const eventCursor = newestFirstCursor('occurredAt');

/** A cursor of the shared form (sort, value, id), whose id is an event's id as its sender wrote it. */
export const encodeEventCursor = eventCursor.encode;
export const decodeEventCursor = eventCursor.decode;
