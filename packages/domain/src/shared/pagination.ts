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

/** The position after a row in a list ordered by `createdAt` then `id`, newest first. */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const positionSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeCursor(position: KeysetPosition): string {
  const text = JSON.stringify([position.createdAt.toISOString(), position.id]);
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const text = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const [createdAt, id] = positionSchema.parse(JSON.parse(text));
    return { createdAt: new Date(createdAt), id };
  } catch {
    throw new DomainError('INVALID_CURSOR', 'The cursor is malformed; start again from the first page', {
      path: 'cursor',
    });
  }
}
