import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../shared/json.ts';
import { applyMergePatch } from './merge-patch.ts';

describe('JSON merge patch', () => {
  it('gives the results of RFC 7396, appendix A', () => {
    const cases: [JsonValue, JsonValue, JsonValue][] = [
      [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
      [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
      [{ a: 'b' }, { a: null }, {}],
      [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
      [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
      [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
      [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
      [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
      [
        ['a', 'b'],
        ['c', 'd'],
        ['c', 'd'],
      ],
      [{ a: 'b' }, ['c'], ['c']],
      [{ a: 'foo' }, null, null],
      [{ a: 'foo' }, 'bar', 'bar'],
      [{ e: null }, { a: 1 }, { e: null, a: 1 }],
      [[1, 2], { a: 'b', c: null }, { a: 'b' }],
      [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
    ];
    for (const [target, patch, result] of cases) expect(applyMergePatch(target, patch)).toEqual(result);
  });

  it('removes a key with null and keeps the others', () => {
    expect(applyMergePatch({ tier: 'gold', height: '103cm' }, { tier: null })).toEqual({ height: '103cm' });
  });

  it('leaves the target as it was', () => {
    const target = { a: { b: 1 } };
    applyMergePatch(target, { a: { b: 2, c: 3 } });
    expect(target).toEqual({ a: { b: 1 } });
  });

  it('keeps __proto__ as an own key, touching no prototype', () => {
    const patch = JSON.parse('{"__proto__":{"polluted":true}}') as JsonValue;
    const merged = applyMergePatch({}, patch) as Record<string, JsonValue>;
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(merged)).toBe('{"__proto__":{"polluted":true}}');
  });

  const json = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
  const object = fc.dictionary(fc.string({ maxLength: 3 }), json);

  it('sets every key a patch gives a value, and removes every key it gives null', () => {
    fc.assert(
      fc.property(object, object, (target, patch) => {
        const merged = applyMergePatch(target, patch) as Record<string, JsonValue>;
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) expect(Object.hasOwn(merged, key)).toBe(false);
          else expect(Object.hasOwn(merged, key)).toBe(true);
        }
        for (const [key, value] of Object.entries(target)) {
          if (!Object.hasOwn(patch, key)) expect(merged[key]).toEqual(value);
        }
      }),
    );
  });

  it('changes nothing a second time', () => {
    fc.assert(
      fc.property(json, json, (target, patch) => {
        const once = applyMergePatch(target, patch);
        expect(applyMergePatch(once, patch)).toEqual(once);
      }),
    );
  });

  it('makes a patch without nulls the whole result when it is not an object', () => {
    fc.assert(
      fc.property(json, json, (target, patch) => {
        fc.pre(typeof patch !== 'object' || patch === null || Array.isArray(patch));
        expect(applyMergePatch(target, patch)).toEqual(patch);
      }),
    );
  });
});
