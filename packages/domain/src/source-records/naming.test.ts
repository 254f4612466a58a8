import { describe, expect, it } from 'vitest';
import { sourceRecordName } from './naming.ts';

const email = { type: 'email', value: 'jane@example.com' };
const externalId = { type: 'external_id', value: 'FooBar123' };
const phone = { type: 'phone_number', value: '0411 555 666' };
const twitter = { type: 'twitter', value: 'foobar' };
const facebook = { type: 'facebook', value: 'FooBar' };
const sdk = { type: 'sdk', value: 'FooBarSDK' };
const other = { type: 'Shado', value: 'FooBar' };

describe('the name of a source record given none, row by row of the reference table', () => {
  it('is the email address', () => {
    expect(sourceRecordName([other, sdk, facebook, twitter, phone, externalId, email])).toBe(
      'jane@example.com',
    );
  });

  it('is "User " and the external id without an email', () => {
    expect(sourceRecordName([other, sdk, facebook, twitter, phone, externalId])).toBe('User FooBar123');
  });

  it('is "User " and the phone number without an external id', () => {
    expect(sourceRecordName([other, sdk, facebook, twitter, phone])).toBe('User 0411 555 666');
  });

  it('is "Twitter user " and the username without a phone number', () => {
    expect(sourceRecordName([other, sdk, facebook, twitter])).toBe('Twitter user foobar');
  });

  it('is "Facebook user " and the username without twitter', () => {
    expect(sourceRecordName([other, sdk, facebook])).toBe('Facebook user FooBar');
  });

  it('is "SDK user " and the value without facebook', () => {
    expect(sourceRecordName([other, sdk])).toBe('SDK user FooBarSDK');
  });

  it('is "{type} user {value}" of the first identifier with none of those', () => {
    expect(sourceRecordName([other, { type: 'member_id', value: '0634335' }])).toBe('Shado user FooBar');
  });

  it('takes the first identifier of the type that names it', () => {
    expect(sourceRecordName([externalId, { type: 'external_id', value: 'second' }])).toBe('User FooBar123');
  });
});
