import { describe, expect, it } from 'vitest';
import { changedFields, decodeAuditCursor, encodeAuditCursor, isErasedState } from './audit-history.ts';

describe('changedFields', () => {
  it('lists each field whose value differs, with its value before and after', () => {
    expect(
      changedFields(
        { firstName: 'Ada', lastName: 'Byron', email: 'ada@example.com', version: 1 },
        { firstName: 'Ada', lastName: 'Lovelace', email: null, version: 2 },
      ),
    ).toEqual([
      { field: 'lastName', before: 'Byron', after: 'Lovelace' },
      { field: 'email', before: 'ada@example.com', after: null },
    ]);
  });

  it('goes into nested objects field by field and compares lists as a whole', () => {
    expect(
      changedFields(
        { attributes: { plan: 'gold', seats: 3 }, tags: ['a', 'b'] },
        { attributes: { plan: 'gold', seats: 4, region: 'EU' }, tags: ['b', 'a'] },
      ),
    ).toEqual([
      { field: 'attributes.seats', before: 3, after: 4 },
      { field: 'attributes.region', before: null, after: 'EU' },
      { field: 'tags', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
  });

  it('reads a creation and a deletion as every field from or to null, and an absent field as null', () => {
    expect(changedFields(null, { name: 'Acme', domain: null })).toEqual([
      { field: 'name', before: null, after: 'Acme' },
    ]);
    expect(changedFields({ name: 'Acme' }, null)).toEqual([{ field: 'name', before: 'Acme', after: null }]);
    expect(changedFields({ a: null }, {})).toEqual([]);
  });

  it('sees no change in objects whose keys are in another order, nor in the version and update time', () => {
    expect(
      changedFields(
        { address: { city: 'Paris', zip: '75001' }, version: 3, updatedAt: '2026-01-01T00:00:00.000Z' },
        { address: { zip: '75001', city: 'Paris' }, version: 4, updatedAt: '2026-01-02T00:00:00.000Z' },
      ),
    ).toEqual([]);
  });

  it('reads an emptied object as its fields removed', () => {
    expect(changedFields({ attributes: { plan: 'gold' } }, { attributes: {} })).toEqual([
      { field: 'attributes.plan', before: 'gold', after: null },
    ]);
    expect(changedFields({ attributes: null }, { attributes: {} })).toEqual([]);
  });
});

describe('isErasedState', () => {
  it('recognises the state an erasure leaves, and nothing else', () => {
    expect(isErasedState({ erased: true })).toBe(true);
    expect(isErasedState({ erased: true, name: 'Ada' })).toBe(false);
    expect(isErasedState({ erased: 'true' })).toBe(false);
    expect(isErasedState(null)).toBe(false);
  });
});

describe('audit cursors', () => {
  it('carry a position, and refuse one that is not', () => {
    expect(
      decodeAuditCursor(encodeAuditCursor({ position: '42', id: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('42');
    expect(() =>
      decodeAuditCursor(encodeAuditCursor({ position: 'x', id: '00000000-0000-4000-8000-000000000000' })),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', path: 'cursor' }) as Error);
  });
});
