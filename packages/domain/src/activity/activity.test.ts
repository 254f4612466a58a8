import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { decodeEventCursor, encodeEventCursor } from './activity-cursor.ts';

function failureOf(run: () => void): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('event cursors', () => {
  it('give back the position they were made of, for any event id', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 32 }),
        fc.date({ min: new Date(0), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (id, occurredAt) => {
          fc.pre(id.length <= 128);
          expect(decodeEventCursor(encodeEventCursor({ occurredAt, id }))).toEqual({ occurredAt, id });
        },
      ),
    );
  });

  it('refuse text that is not one of them', () => {
    for (const cursor of ['', 'not a cursor', btoa('["createdAt:desc","2026-01-01T00:00:00.000Z","x"]')]) {
      expect(failureOf(() => decodeEventCursor(cursor))).toMatchObject({
        code: 'INVALID_CURSOR',
        path: 'cursor',
      });
    }
  });
});
