import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  distinctIdentifiers,
  emailOf,
  isStandardType,
  matchTypeOf,
  normalizeIdentifier,
  phoneOf,
} from './identifier.ts';
import { isReservedSource } from './source-record.ts';

describe('identifiers', () => {
  it('lower-case email, google and twitter values, and trim every value', () => {
    expect(normalizeIdentifier({ type: 'email', value: ' Jane@Example.COM ' }, null)).toEqual({
      type: 'email',
      value: 'jane@example.com',
    });
    expect(normalizeIdentifier({ type: 'twitter', value: 'FooBar' }, null).value).toBe('foobar');
    expect(normalizeIdentifier({ type: 'google', value: 'Jane@Gmail.com' }, null).value).toBe(
      'jane@gmail.com',
    );
    expect(normalizeIdentifier({ type: 'member_id', value: ' AbC ' }, null).value).toBe('AbC');
  });

  it('write a phone number in E.164 where it parses, in the workspace region, and keep it as given where not', () => {
    expect(normalizeIdentifier({ type: 'phone_number', value: '0412 323 123' }, 'AU').value).toBe(
      '+61412323123',
    );
    expect(normalizeIdentifier({ type: 'phone_number', value: '+61 412 323 123' }, null).value).toBe(
      '+61412323123',
    );
    expect(normalizeIdentifier({ type: 'phone_number', value: '12345678' }, null).value).toBe('12345678');
  });

  it('normalise to a value that normalises to itself', () => {
    const type = fc.constantFrom('email', 'google', 'twitter', 'phone_number', 'external_id', 'shop_id');
    fc.assert(
      fc.property(type, fc.string(), fc.constantFrom(null, 'AU', 'US'), (kind, value, region) => {
        const once = normalizeIdentifier({ type: kind, value }, region);
        expect(normalizeIdentifier(once, region)).toEqual(once);
      }),
    );
  });

  it('match a google identity as an email, and know the standard types', () => {
    expect(matchTypeOf('google')).toBe('email');
    expect(matchTypeOf('member_id')).toBe('member_id');
    expect(['email', 'phone_number', 'external_id', 'twitter', 'facebook', 'sdk'].every(isStandardType)).toBe(
      true,
    );
    expect(isStandardType('google')).toBe(false);
  });

  it('drop repeats, a google value repeating an email one included, keeping the first', () => {
    expect(
      distinctIdentifiers([
        { type: 'email', value: 'a@x.test' },
        { type: 'member_id', value: '1' },
        { type: 'google', value: 'a@x.test' },
        { type: 'member_id', value: '1' },
        { type: 'shop_id', value: '1' },
      ]),
    ).toEqual([
      { type: 'email', value: 'a@x.test' },
      { type: 'member_id', value: '1' },
      { type: 'shop_id', value: '1' },
    ]);
  });

  it('give a contact point only for a valid email and a phone in E.164', () => {
    expect(emailOf({ type: 'email', value: 'a@x.test' })).toBe('a@x.test');
    expect(emailOf({ type: 'google', value: 'a@x.test' })).toBe('a@x.test');
    expect(emailOf({ type: 'email', value: 'not an email' })).toBeUndefined();
    expect(phoneOf({ type: 'phone_number', value: '+61412323123' })).toBe('+61412323123');
    expect(phoneOf({ type: 'phone_number', value: '12345678' })).toBeUndefined();
    expect(phoneOf({ type: 'sms', value: '+61412323123' })).toBeUndefined();
  });
});

describe('sources', () => {
  it('keep zendesk and tessera, in any case and spacing', () => {
    for (const source of ['zendesk', 'tessera', ' Zendesk ', 'TESSERA'])
      expect(isReservedSource(source)).toBe(true);
    for (const source of ['coolbikes', 'zendesk2', 'my-tessera'])
      expect(isReservedSource(source)).toBe(false);
  });
});
