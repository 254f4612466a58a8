import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  avatarUrlSchema,
  companySchema,
  genderSchema,
  integrationUuidSchema,
  lifecycleSchema,
  occupationSchema,
  tagsSchema,
  titleSchema,
} from './profile-fields.ts';
import { issuePaths } from './zod-issues.testing.ts';

describe('genderSchema', () => {
  it('accepts the four genders and null, nothing else', () => {
    for (const gender of ['female', 'male', 'withheld', 'other', null]) {
      expect(genderSchema.parse(gender)).toBe(gender);
    }
    for (const gender of ['Female', 'f', '', 'unknown'])
      expect(genderSchema.safeParse(gender).success).toBe(false);
  });
});

describe('lifecycleSchema', () => {
  it('accepts the four lifecycle stages', () => {
    for (const stage of ['temporary', 'pending', 'active', 'deleted'])
      expect(lifecycleSchema.parse(stage)).toBe(stage);
    expect(lifecycleSchema.safeParse(null).success).toBe(false);
    expect(lifecycleSchema.safeParse('archived').success).toBe(false);
  });
});

describe('tagsSchema', () => {
  const schema = z.object({ tags: tagsSchema });

  it('trims tags and drops repeats, keeping the first spelling', () => {
    expect(tagsSchema.parse([' VIP ', 'blue', 'vip', 'Blue ', 'green'])).toEqual(['VIP', 'blue', 'green']);
  });

  it('refuses a blank, overlong or non-text tag at its position', () => {
    expect(issuePaths(schema.safeParse({ tags: ['blue', '  '] }))).toEqual(['tags.1']);
    expect(issuePaths(schema.safeParse({ tags: ['x'.repeat(101)] }))).toEqual(['tags.0']);
    expect(issuePaths(schema.safeParse({ tags: ['blue', 3] }))).toEqual(['tags.1']);
    expect(issuePaths(schema.safeParse({ tags: ['a\u0000'] }))).toEqual(['tags.0']);
    expect(tagsSchema.parse(['x'.repeat(100)])).toHaveLength(1);
  });

  it('allows 100 different tags, counted after repeats are dropped, and refuses 101', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => `tag ${i}`);
    expect(tagsSchema.parse([...hundred, ...hundred.map((t) => t.toUpperCase())])).toHaveLength(100);
    expect(issuePaths(schema.safeParse({ tags: [...hundred, 'one more'] }))).toEqual(['tags']);
  });

  it('yields trimmed, distinct tags in the order first given, and is idempotent', () => {
    const tag = fc.stringMatching(/^[ ]{0,2}[A-Za-z0-9][A-Za-z0-9 ]{0,6}[ ]{0,2}$/);
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 30 }), (tags) => {
        const result = tagsSchema.parse(tags);
        const keys = result.map((t) => t.toLowerCase());
        expect(new Set(keys).size).toBe(result.length);
        for (const t of result) expect(t).toBe(t.trim());
        const firsts = tags
          .map((t) => t.trim())
          .filter((t, i, all) => all.findIndex((o) => o.toLowerCase() === t.toLowerCase()) === i);
        expect(result).toEqual(firsts);
        expect(tagsSchema.parse(result)).toEqual(result);
      }),
    );
  });
});

describe('avatarUrlSchema', () => {
  it('accepts an http or https address, trimmed, and turns blank into null', () => {
    expect(avatarUrlSchema.parse(' https://cdn.example.com/me.png ')).toBe('https://cdn.example.com/me.png');
    expect(avatarUrlSchema.parse('http://example.com/me.png')).toBe('http://example.com/me.png');
    expect(avatarUrlSchema.parse('')).toBeNull();
    expect(avatarUrlSchema.parse(null)).toBeNull();
  });

  it('refuses other schemes, malformed addresses and addresses over 2048 characters', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'ftp://example.com/a',
      'example.com/me.png',
    ]) {
      expect(avatarUrlSchema.safeParse(url).success).toBe(false);
    }
    const long = `https://example.com/${'a'.repeat(2029)}`;
    expect(long).toHaveLength(2049);
    expect(avatarUrlSchema.safeParse(long).success).toBe(false);
    expect(avatarUrlSchema.safeParse(long.slice(0, 2048)).success).toBe(true);
  });

  it('refuses at the field', () => {
    expect(issuePaths(z.object({ avatarUrl: avatarUrlSchema }).safeParse({ avatarUrl: 'nope' }))).toEqual([
      'avatarUrl',
    ]);
  });
});

describe('optional text fields', () => {
  it('trim, turn blank into null, and refuse more than 255 characters', () => {
    for (const schema of [integrationUuidSchema, titleSchema, companySchema, occupationSchema]) {
      expect(schema.parse(' Dr ')).toBe('Dr');
      expect(schema.parse(' ')).toBeNull();
      expect(schema.parse(null)).toBeNull();
      expect(schema.safeParse('x'.repeat(256)).success).toBe(false);
      expect(schema.safeParse('x\u0000').success).toBe(false);
    }
  });
});
