import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serializeOutput } from './transformer.ts';

/** Keys superjson refuses to write (it takes them for prototype pollution); Tessera writes them as data. */
const prototypeKeys = ['__proto__', 'constructor', 'prototype'];

/**
 * Plain data as procedures answer it, keys with dots and backslashes included, but none superjson
 * refuses; no object twice.
 */
const plainData = (leaves: fc.Arbitrary<unknown>[]) =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((number) => !Object.is(number, -0)),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: true }),
      ...leaves,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(
        fc.oneof(
          fc.string().filter((key) => !prototypeKeys.includes(key)),
          fc.constantFrom('a.b', 'a\\b', '0', ''),
        ),
        tie('value'),
        {
          maxKeys: 4,
        },
      ),
    ),
  })).value;

/** What a client receives: the envelope as JSON text, read back. */
const received = (envelope: unknown) => superjson.deserialize(JSON.parse(JSON.stringify(envelope)) as never);

describe('serializeOutput', () => {
  it('annotates plain data as superjson does, and it reads back equal', () => {
    fc.assert(
      fc.property(plainData([fc.constant(undefined)]), (value) => {
        const serialized = serializeOutput(value);
        expect(serialized.meta).toEqual(superjson.serialize(value).meta);
        expect(received(serialized)).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the JSON superjson writes where no value is undefined', () => {
    // The same JSON, whose annotations may come in another order: superjson lists those under an
    // empty key (`{"": [[date], date]}`) in an order of its own, which means nothing to a reader.
    const json = (envelope: unknown) => JSON.parse(JSON.stringify(envelope)) as unknown;
    fc.assert(
      fc.property(plainData([]), (value) => {
        expect(json(serializeOutput(value))).toEqual(json(superjson.serialize(value)));
      }),
      { numRuns: 500 },
    );
    const underEmptyKey = { '': [[[new Date(0)]], new Date(0)] };
    expect(json(serializeOutput(underEmptyKey))).toEqual(json(superjson.serialize(underEmptyKey)));
  });

  it('writes the keys superjson refuses as the data they are', () => {
    const value = { constructor: { when: new Date(0) }, prototype: null };
    expect(() => superjson.serialize(value)).toThrow(/prototype pollution/);
    expect(JSON.parse(JSON.stringify(serializeOutput(value)))).toEqual({
      json: { constructor: { when: '1970-01-01T00:00:00.000Z' }, prototype: null },
      meta: { values: { 'constructor.when': ['Date'] }, v: 1 },
    });
  });

  it('tells the answer itself from keys that are empty', () => {
    for (const value of [
      undefined,
      new Date(0),
      { '': undefined },
      { '': { '': undefined } },
      { '': [undefined] },
    ]) {
      const serialized = serializeOutput(value);
      expect(serialized.meta).toEqual(superjson.serialize(value).meta);
      expect(received(serialized)).toEqual(value);
    }
  });

  it('leaves to superjson what plain data cannot hold', () => {
    const values = [
      { count: 10n },
      { tags: new Set(['a']) },
      { byKey: new Map([['a', 1]]) },
      { ratio: Number.NaN },
      { at: new Date(Number.NaN) },
      [Number.POSITIVE_INFINITY, -0],
      { pattern: /a/ },
    ];
    for (const value of values) expect(serializeOutput(value)).toEqual(superjson.serialize(value));
  });

  it('writes an object found twice as two equal copies that read back equal', () => {
    const address = { city: 'Sydney' };
    const serialized = serializeOutput({ address, addresses: [address] });
    expect(serialized).toEqual({ json: { address, addresses: [address] } });
    expect(received(serialized)).toEqual({ address, addresses: [address] });
  });
});
