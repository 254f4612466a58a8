import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serializeOutput } from './transformer.ts';

/** Plain data as procedures answer it, keys with dots and backslashes included; no object twice. */
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
      fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('a.b', 'a\\b', '0', '')), tie('value'), {
        maxKeys: 4,
      }),
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

  it('writes the JSON text superjson writes where no value is undefined', () => {
    fc.assert(
      fc.property(plainData([]), (value) => {
        expect(JSON.stringify(serializeOutput(value))).toBe(JSON.stringify(superjson.serialize(value)));
      }),
      { numRuns: 500 },
    );
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
