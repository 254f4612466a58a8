import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fullName } from './profile.ts';
import { createProfileInput, updateProfileInput } from './profile.schemas.ts';

/** The addresses fast-check makes that our email rule accepts (it is stricter than RFC 5322). */
const validEmail = fc.emailAddress().filter((email) => z.email().safeParse(email.toLowerCase()).success);

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return result.error?.issues.map((issue) => issue.path.join('.')) ?? [];
}

describe('fullName', () => {
  it('joins first, middle and last name with single spaces', () => {
    expect(fullName({ firstName: 'Mary', middleName: 'Jane', lastName: 'Smith' })).toBe('Mary Jane Smith');
  });

  it('skips the parts that are missing', () => {
    expect(fullName({ firstName: 'Mary', middleName: null, lastName: 'Smith' })).toBe('Mary Smith');
    expect(fullName({ firstName: 'Cher', middleName: null, lastName: null })).toBe('Cher');
  });

  it('skips blank parts as it skips missing ones', () => {
    expect(fullName({ firstName: 'Mary', middleName: '', lastName: 'Smith' })).toBe('Mary Smith');
  });
});

describe('createProfileInput', () => {
  it('trims names and lower-cases and trims the email', () => {
    const input = createProfileInput.parse({
      firstName: '  Ada ',
      lastName: ' Lovelace ',
      email: ' Ada@Example.COM ',
    });
    expect(input).toEqual({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });
  });

  it('turns blank optional fields into null', () => {
    const input = createProfileInput.parse({ firstName: 'Ada', middleName: '  ', lastName: '', email: ' ' });
    expect(input).toEqual({ firstName: 'Ada', middleName: null, lastName: null, email: null });
  });

  it('refuses a missing or blank first name at firstName', () => {
    expect(issuePaths(createProfileInput.safeParse({}))).toEqual(['firstName']);
    expect(issuePaths(createProfileInput.safeParse({ firstName: '   ' }))).toEqual(['firstName']);
  });

  it('refuses a malformed email at email', () => {
    expect(issuePaths(createProfileInput.safeParse({ firstName: 'Ada', email: 'ada@' }))).toEqual(['email']);
    expect(issuePaths(createProfileInput.safeParse({ firstName: 'Ada', email: 'not an email' }))).toEqual([
      'email',
    ]);
  });

  it('refuses names over 255 characters at the field', () => {
    const long = 'x'.repeat(256);
    expect(issuePaths(createProfileInput.safeParse({ firstName: long }))).toEqual(['firstName']);
    expect(issuePaths(createProfileInput.safeParse({ firstName: 'Ada', lastName: long }))).toEqual([
      'lastName',
    ]);
    expect(createProfileInput.safeParse({ firstName: 'x'.repeat(255) }).success).toBe(true);
  });

  it('normalises any valid email to its trimmed lower-case form', () => {
    fc.assert(
      fc.property(validEmail, fc.stringMatching(/^[ \t]{0,3}$/), (email, pad) => {
        const parsed = createProfileInput.parse({
          firstName: 'A',
          email: `${pad}${email.toUpperCase()}${pad}`,
        });
        expect(parsed.email).toBe(email.toLowerCase());
      }),
    );
  });
});

describe('updateProfileInput', () => {
  it('leaves out the fields the caller did not send', () => {
    const input = updateProfileInput.parse({ id: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60', lastName: 'Byron' });
    expect(input).toEqual({ id: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60', lastName: 'Byron' });
  });

  it('refuses a blank first name and an id that is not a uuid', () => {
    expect(issuePaths(updateProfileInput.safeParse({ id: 'nope', firstName: '' }))).toEqual([
      'id',
      'firstName',
    ]);
  });
});
