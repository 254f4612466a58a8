import { describe, expect, it } from 'vitest';
import { issues } from '../profiles/zod-issues.testing.ts';
import { attributesSchema, identifiersSchema, patchSourceRecordInput } from './source-record.schemas.ts';

describe('source record input', () => {
  it('reads a number identifier value as its text', () => {
    expect(identifiersSchema.parse([{ type: 'phone_number', value: 12345678 }])).toEqual([
      { type: 'phone_number', value: '12345678' },
    ]);
  });

  it('needs one identifier and allows twenty', () => {
    const identifier = { type: 'member_id', value: '1' };
    expect(issues(identifiersSchema.safeParse([]))).toEqual([
      { path: '', message: 'A source record has at least one identifier' },
    ]);
    expect(identifiersSchema.safeParse(Array(20).fill(identifier)).success).toBe(true);
    expect(issues(identifiersSchema.safeParse(Array(21).fill(identifier)))).toEqual([
      { path: '', message: 'A source record has at most 20 identifiers' },
    ]);
  });

  it('bounds the lengths of identifier types and values', () => {
    expect(identifiersSchema.safeParse([{ type: 'x'.repeat(64), value: 'v'.repeat(255) }]).success).toBe(
      true,
    );
    expect(
      issues(identifiersSchema.safeParse([{ type: 'x'.repeat(65), value: 'v'.repeat(256) }])).map(
        (issue) => issue.path,
      ),
    ).toEqual(['0.type', '0.value']);
  });

  it('takes any JSON object as attributes, and refuses other values', () => {
    expect(attributesSchema.parse({ a: [1, { b: null }], c: 'd' })).toEqual({ a: [1, { b: null }], c: 'd' });
    for (const value of [
      [],
      'x',
      null,
      { a: new Date(0) },
      { a: Number.POSITIVE_INFINITY },
      { a: undefined },
    ]) {
      expect(attributesSchema.safeParse(value).success).toBe(false);
    }
  });

  it('refuses attributes with a NUL or a lone surrogate, in a value or a key', () => {
    for (const value of [{ a: 'x\u0000' }, { 'k\u0000': 1 }, { a: ['\ud800'] }]) {
      expect(issues(attributesSchema.safeParse(value))).toEqual([
        { path: '', message: 'Attributes must not contain NUL or broken characters' },
      ]);
    }
  });

  it('bounds how deep and how long attributes are', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 17; level++) deep = { a: deep };
    expect(issues(attributesSchema.safeParse(deep))[0]?.message).toBe(
      'Attributes must nest at most 16 levels deep',
    );
    expect(issues(attributesSchema.safeParse({ a: 'x'.repeat(70_000) }))[0]?.message).toBe(
      'Attributes must be at most 65536 characters as JSON',
    );
  });

  it('takes null in a patch as removing the name or every attribute', () => {
    expect(
      patchSourceRecordInput.parse({ id: '01arz3ndektsv4rrffq69g5fav', name: null, attributes: null }),
    ).toEqual({ id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', name: null, attributes: null });
  });
});
