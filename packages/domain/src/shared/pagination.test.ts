import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DomainError } from './errors.ts';
import { decodeCursor, encodeCursor } from './pagination.ts';

describe('cursors', () => {
  it('decode to the position they were made from', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date('2999-12-31'), noInvalidDate: true }),
        fc.uuid(),
        (createdAt, id) => {
          expect(decodeCursor(encodeCursor({ createdAt, id }))).toEqual({ createdAt, id });
        },
      ),
    );
  });

  it('refuse anything else with INVALID_CURSOR at cursor', () => {
    for (const text of ['', 'abc', btoa('[1,2]'), btoa('["2020-01-01T00:00:00.000Z","x"]')]) {
      expect(() => decodeCursor(text)).toThrow(
        expect.objectContaining({ code: 'INVALID_CURSOR', path: 'cursor' }) as DomainError,
      );
    }
  });
});
