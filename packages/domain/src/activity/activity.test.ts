import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { decodeEventCursor, encodeEventCursor } from './activity-cursor.ts';
import { ingestResultOf, occurredAtLeadMaxMs, refuseFutureEvents } from './activity.ts';

const now = new Date('2026-03-01T12:00:00Z');
const at = (offsetMs: number) => ({ occurredAt: new Date(now.getTime() + offsetMs) });

function failureOf(run: () => void): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('refuseFutureEvents', () => {
  it('lets an event be dated a little ahead of the clock', () => {
    expect(failureOf(() => refuseFutureEvents([at(-1000), at(occurredAtLeadMaxMs)], now))).toBeUndefined();
  });

  it('refuses the first event dated further ahead, at its field', () => {
    const failure = failureOf(() =>
      refuseFutureEvents([at(0), at(occurredAtLeadMaxMs + 1), at(3_600_000)], now),
    );
    expect(failure).toMatchObject({ code: 'INVALID_FIELD', path: 'events.1.occurredAt' });
  });
});

describe('ingestResultOf', () => {
  it('counts the events stored now and names the others as duplicates, in batch order', () => {
    const events = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(ingestResultOf(events, new Set(['b']))).toEqual({ accepted: 1, duplicates: ['a', 'c'] });
  });
});

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
