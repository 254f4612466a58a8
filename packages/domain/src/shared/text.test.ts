import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailSchema, optionalText, requiredText } from './text.ts';

describe('text fields', () => {
  it('refuse a NUL character, which PostgreSQL cannot store', () => {
    expect(requiredText('Name').safeParse('Ada\u0000').success).toBe(false);
    expect(optionalText('Name').safeParse('\u0000').success).toBe(false);
    expect(emailSchema.safeParse('ada\u0000@example.com').success).toBe(false);
  });

  it('refuse half of a surrogate pair, first or second', () => {
    expect(requiredText('Name').safeParse('Ada \uD83D').success).toBe(false);
    expect(requiredText('Name').safeParse('\uDE00 Ada').success).toBe(false);
  });

  it('keep whole characters outside the basic plane', () => {
    expect(requiredText('Name').parse(' Ada 😀 ')).toBe('Ada 😀');
  });

  it('accept any well-formed text without NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }), (value) => {
        const parsed = optionalText('Name').safeParse(value.replaceAll('\u0000', ''));
        expect(parsed.success).toBe(true);
      }),
    );
  });

  it('refuse any text with a lone surrogate, wherever it is', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.integer({ min: 0xd800, max: 0xdfff }),
        fc.string({ maxLength: 20 }),
        (before, unit, after) => {
          // fast-check's strings are printable ASCII here, so the surrogate cannot be completed.
          const value = `${before}${String.fromCharCode(unit)}x${after}`;
          expect(optionalText('Name').safeParse(value).success).toBe(false);
        },
      ),
    );
  });
});
