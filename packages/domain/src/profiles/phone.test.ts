import fc from 'fast-check';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isPhoneRegion, optionalPhoneSchema, phoneParts, phoneSchema } from './phone.ts';
import { issues } from './zod-issues.testing.ts';

const regionsWithExamples = Object.keys(mobileExamples).filter(isPhoneRegion);

/** Valid mobile numbers of every region: the region's example with its last digits changed. */
const validNumber = fc
  .record({
    region: fc.constantFrom(...regionsWithExamples),
    tail: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ region, tail }) => {
    const example = mobileExamples[region] ?? '';
    const national = example.slice(0, -tail.length) + tail.join('');
    return {
      region,
      phone: parsePhoneNumberFromString(national, { defaultCountry: region, extract: false }),
    };
  })
  .filter(({ phone }) => phone?.isValid() === true)
  .map(({ region, phone }) => ({ region, phone: phone! }));

describe('phoneSchema', () => {
  it('reads a number without country code in the default region and outputs E.164', () => {
    expect(phoneSchema('Mobile phone', 'AU').parse(' 0412 323 123 ')).toBe('+61412323123');
    expect(phoneSchema('Mobile phone', 'US').parse('(213) 373-4253')).toBe('+12133734253');
  });

  it('reads a number with a country code whatever the default region', () => {
    expect(phoneSchema('Mobile phone', 'US').parse('+61 412 323 123')).toBe('+61412323123');
    expect(phoneSchema('Mobile phone', null).parse('+44 20 7946 0958')).toBe('+442079460958');
  });

  it('refuses a number without country code when there is no default region', () => {
    expect(issues(phoneSchema('Mobile phone', null).safeParse('0412 323 123'))).toEqual([
      { path: '', message: 'Mobile phone must start with + and the country code, like +61 412 323 123' },
    ]);
  });

  it('reads the default region in either case', () => {
    expect(phoneSchema('Mobile phone', 'au').parse('0412 323 123')).toBe('+61412323123');
  });

  it('treats a region it does not know as no region', () => {
    expect(phoneSchema('Mobile phone', 'XX').safeParse('0412 323 123').success).toBe(false);
    expect(phoneSchema('Mobile phone', 'XX').parse('+61412323123')).toBe('+61412323123');
  });

  it('refuses a number of the right length that the numbering plan does not assign, at the field', () => {
    const schema = z.object({ mobilePhone: phoneSchema('Mobile phone', 'AU') });
    expect(issues(schema.safeParse({ mobilePhone: '+61 912 345 678' }))).toEqual([
      {
        path: 'mobilePhone',
        message: 'Mobile phone is not a valid phone number: check the country code and the digits',
      },
    ]);
    expect(issues(schema.safeParse({ mobilePhone: '+1 555 123 4567' })).map((i) => i.path)).toEqual([
      'mobilePhone',
    ]);
  });

  it('says why a number is refused when it can', () => {
    const schema = phoneSchema('Phone', 'AU');
    expect(issues(schema.safeParse('12'))[0]?.message).toBe('Phone is too short to be a phone number');
    expect(issues(schema.safeParse('+6141232312312121212'))[0]?.message).toBe(
      'Phone is too long to be a phone number',
    );
    expect(issues(schema.safeParse('call me'))[0]?.message).toBe(
      'Phone must be a phone number, like +61 412 323 123',
    );
    expect(issues(schema.safeParse('+999 123 456'))[0]?.message).toBe(
      'Phone starts with a country code that does not exist',
    );
  });

  it('refuses a number with an extension, which E.164 cannot keep', () => {
    expect(issues(phoneSchema('Phone', 'AU').safeParse('0412 323 123 ext. 5'))[0]?.message).toBe(
      'Phone must not include an extension',
    );
  });

  it('refuses text around the number, blank text, NUL and overlong input', () => {
    const schema = phoneSchema('Phone', 'AU');
    expect(schema.safeParse('my number is 0412 323 123').success).toBe(false);
    expect(issues(schema.safeParse('  '))[0]?.message).toBe('Phone is required');
    expect(schema.safeParse('0412 323 123\u0000').success).toBe(false);
    expect(schema.safeParse(`+61 412 323 123${' '.repeat(60)}x`).success).toBe(false);
    expect(schema.safeParse(null).success).toBe(false);
  });

  it('normalises any valid number, written internationally or nationally in its region, to one E.164', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.constantFrom<CountryCode | null>(null, 'AU', 'US', 'GB'),
        (number, other) => {
          const { region, phone } = number;
          const e164 = phone.number;
          expect(phoneSchema('Phone', region).parse(phone.formatNational())).toBe(e164);
          expect(phoneSchema('Phone', region).parse(phone.formatInternational())).toBe(e164);
          expect(phoneSchema('Phone', other).parse(phone.formatInternational())).toBe(e164);
          expect(phoneSchema('Phone', other).parse(e164)).toBe(e164);
        },
      ),
    );
  });

  it('leaves an E.164 number as it is', () => {
    fc.assert(
      fc.property(validNumber, ({ phone }) => {
        const once = phoneSchema('Phone', null).parse(phone.number);
        expect(phoneSchema('Phone', null).parse(once)).toBe(once);
      }),
    );
  });
});

describe('optionalPhoneSchema', () => {
  it('turns blank and null into null and normalises a number', () => {
    const schema = optionalPhoneSchema('Secondary phone', 'AU');
    expect(schema.parse('  ')).toBeNull();
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse('0412 323 123')).toBe('+61412323123');
  });

  it('refuses a number that is not valid', () => {
    expect(issues(optionalPhoneSchema('Secondary phone', 'AU').safeParse('12'))[0]?.message).toBe(
      'Secondary phone is too short to be a phone number',
    );
  });
});

describe('phoneParts', () => {
  it('splits a number as the reference does (001: mobile_phone_*)', () => {
    expect(phoneParts('+61412323123')).toEqual({
      e164: '+61412323123',
      callingCode: 61,
      national: '412323123',
      nationalWithPrefix: '0412323123',
    });
  });

  it('keeps a leading zero that belongs to the national number and adds no prefix where none is dialled', () => {
    expect(phoneParts('+390212345678')).toMatchObject({
      national: '0212345678',
      nationalWithPrefix: '0212345678',
    });
    expect(phoneParts('+12133734253')).toMatchObject({ callingCode: 1, nationalWithPrefix: '2133734253' });
  });

  it('refuses what is not an E.164 number', () => {
    expect(() => phoneParts('0412 323 123')).toThrow(RangeError);
    expect(() => phoneParts('+61 412 323 123')).toThrow(RangeError);
  });

  it('writes Argentine mobiles as they are dialled at home, with 15 after the area code', () => {
    expect(phoneParts('+5491123456789')).toMatchObject({
      national: '91123456789',
      nationalWithPrefix: '0111523456789',
    });
  });

  it('gives parts that lead back to the same number', () => {
    fc.assert(
      fc.property(validNumber, ({ region, phone }) => {
        const parts = phoneParts(phone.number);
        expect(`+${parts.callingCode}${parts.national}`).toBe(parts.e164);
        expect(parts.nationalWithPrefix).toMatch(/^\d+$/);
        expect(phoneSchema('Phone', region).parse(parts.nationalWithPrefix)).toBe(parts.e164);
      }),
    );
  });
});

describe('isPhoneRegion', () => {
  it('knows upper-case ISO 3166-1 alpha-2 regions with a numbering plan', () => {
    expect(isPhoneRegion('AU')).toBe(true);
    expect(isPhoneRegion('US')).toBe(true);
    expect(isPhoneRegion('au')).toBe(false);
    expect(isPhoneRegion('XX')).toBe(false);
    expect(isPhoneRegion('')).toBe(false);
  });
});
