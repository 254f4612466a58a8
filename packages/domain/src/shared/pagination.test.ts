import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DomainError } from './errors.ts';
import { decodeCursor, encodeCursor, pageInput } from './pagination.ts';

describe('cursors', () => {
  it('decode to the position they were made from', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('createdAt:desc', 'lastName:asc'),
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean()),
        fc.uuid(),
        (sort, value, id) => {
          expect(decodeCursor(encodeCursor({ sort, value, id }), sort)).toEqual({ sort, value, id });
        },
      ),
    );
  });

  it('refuse anything else with INVALID_CURSOR at cursor', () => {
    const other = encodeCursor({
      sort: 'lastName:asc',
      value: 'Smith',
      id: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60',
    });
    for (const text of ['', 'abc', btoa('[1,2]'), btoa('["createdAt:desc","x","y"]'), other]) {
      expect(() => decodeCursor(text, 'createdAt:desc')).toThrow(
        expect.objectContaining({ code: 'INVALID_CURSOR', path: 'cursor' }) as DomainError,
      );
    }
  });

  it('fit a page input when they hold the longest name, and refuse a value the database cannot hold', () => {
    const longest = encodeCursor({ sort: 'fullName:asc', value: '語'.repeat(800), id: crypto.randomUUID() });
    expect(pageInput.safeParse({ cursor: longest }).success).toBe(true);
    const withNul = encodeCursor({ sort: 'name:asc', value: 'a\u0000b', id: crypto.randomUUID() });
    expect(() => decodeCursor(withNul, 'name:asc')).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR', path: 'cursor' }) as DomainError,
    );
  });
});
