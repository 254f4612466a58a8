import { z } from 'zod';
import { DomainError } from './errors.ts';
import { text } from './text.ts';

export const pageSizeMax = 100;
export const pageSizeDefault = 25;

export const pageInput = z.object({
  limit: z
    .number()
    .int()
    .min(1, 'Page size must be at least 1')
    .max(pageSizeMax, `Page size must be at most ${pageSizeMax}`)
    .default(pageSizeDefault),
  cursor: text('Cursor').max(200, 'Cursor is malformed').nullish(),
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

const positionSchema = z.tuple([
  z.string().regex(/^[a-zA-Z]+:(asc|desc)$/),
  z.union([z.string(), z.number(), z.boolean()]),
  z.uuid(),
]);

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

/** The position a cursor holds; refused unless it was made for `sort`. */
export function decodeCursor(cursor: string, sort: string): KeysetPosition {
  let position: KeysetPosition;
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (char) => char.charCodeAt(0)),
    );
    const [sortOfCursor, value, id] = positionSchema.parse(JSON.parse(text));
    position = { sort: sortOfCursor, value, id };
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
