import { z } from 'zod';
import { DomainError } from './errors.ts';
import { hasBrokenText, text } from './text.ts';

export const pageSizeMax = 100;
export const pageSizeDefault = 25;
const cursorLengthMax = 4_000;

export const pageInput = z.strictObject({
  limit: z
    .number()
    .int()
    .min(1, 'Page size must be at least 1')
    .max(pageSizeMax, `Page size must be at most ${pageSizeMax}`)
    .default(pageSizeDefault),
  // A cursor holds the last row's sort value: a name of 800 characters of any script fits.
  cursor: text('Cursor').max(cursorLengthMax, 'Cursor is malformed').nullish(),
  /** What tRPC's infinite queries send beside the cursor; pages are read forward only. */
  direction: z.literal('forward', { error: 'Pages are read forward only' }).optional(),
});

export type PageInput = z.output<typeof pageInput>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Where a page ends in a list sorted by `sort` (`<key>:<asc|desc>`) with ties broken by id: the last
 * row's sort value (a date as ISO 8601 text) and id. A cursor is good only for the sort it was made in.
 */
export interface KeysetPosition {
  sort: string;
  value: string | number | boolean;
  id: string;
}

/** Text a cursor may carry to the database: no NUL, no half surrogate pair. */
const cursorText = z.string().refine((value) => !hasBrokenText(value));

function positionSchema(id: z.ZodType<string>) {
  return z.tuple([
    z.string().regex(/^[a-zA-Z]+:(asc|desc)$/),
    z.union([cursorText, z.number(), z.boolean()]),
    id,
  ]);
}
const rowIds = positionSchema(z.uuid());

function malformed(): DomainError {
  return new DomainError('INVALID_CURSOR', 'The cursor is malformed; start again from the first page', {
    path: 'cursor',
  });
}

export function encodeCursor(position: KeysetPosition): string {
  const bytes = new TextEncoder().encode(JSON.stringify([position.sort, position.value, position.id]));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/**
 * The position a cursor holds; refused unless it was made for `sort`. Rows are named by uuid
 * unless `id` says otherwise (events keep the ids their senders gave them).
 */
export function decodeCursor(cursor: string, sort: string, id?: z.ZodType<string>): KeysetPosition {
  let position: KeysetPosition;
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (char) => char.charCodeAt(0)),
    );
    const [sortOfCursor, value, rowId] = (id ? positionSchema(id) : rowIds).parse(JSON.parse(text));
    position = { sort: sortOfCursor, value, id: rowId };
  } catch {
    throw malformed();
  }
  if (position.sort !== sort) {
    throw new DomainError(
      'INVALID_CURSOR',
      'This cursor belongs to another sort order; start again from the first page',
      {
        path: 'cursor',
      },
    );
  }
  return position;
}
