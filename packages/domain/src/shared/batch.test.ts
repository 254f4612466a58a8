import { describe, expect, it } from 'vitest';
import { ingestResultOf, refuseFutureTimes, timeLeadMaxMs } from './batch.ts';

const now = new Date('2026-03-01T12:00:00Z');
const at = (offsetMs: number) => ({ respondedAt: new Date(now.getTime() + offsetMs) });

describe('refuseFutureTimes', () => {
  it('lets an item be dated a little ahead of the clock', () => {
    expect(() =>
      refuseFutureTimes([at(-1000), at(timeLeadMaxMs)], 'responses', 'respondedAt', now),
    ).not.toThrow();
  });

  it('refuses the first item dated further ahead, at its field', () => {
    expect(() =>
      refuseFutureTimes([at(0), at(timeLeadMaxMs + 1), at(3_600_000)], 'responses', 'respondedAt', now),
    ).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path: 'responses.1.respondedAt' }));
  });
});

describe('ingestResultOf', () => {
  it('counts the items stored now and names the others as duplicates, in batch order', () => {
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(ingestResultOf(items, new Set(['b']))).toEqual({ accepted: 1, duplicates: ['a', 'c'] });
  });
});
