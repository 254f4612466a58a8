import { describe, expect, it } from 'vitest';
import { issuePaths } from '../profiles/zod-issues.testing.ts';
import {
  createContactInput,
  createOrganizationInput,
  listMembershipsInput,
  membershipAttributeChangesSchema,
  membershipAttributesSchema,
  setOrganizationScopeInput,
  updateOrganizationInput,
} from './organization.schemas.ts';

const someId = '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60';

describe('an organization as a client writes it', () => {
  it('trims the name and external id and keeps the domain as a lower-case host name', () => {
    expect(
      createOrganizationInput.parse({ name: '  Acme  ', externalId: ' A-1 ', domain: ' WWW.Acme.COM. ' }),
    ).toEqual({ name: 'Acme', externalId: 'A-1', domain: 'www.acme.com' });
  });

  it('refuses a blank name and a name past 200 characters', () => {
    expect(issuePaths(createOrganizationInput.safeParse({ name: '   ' }))).toEqual(['name']);
    expect(issuePaths(createOrganizationInput.safeParse({ name: 'x'.repeat(201) }))).toEqual(['name']);
    expect(createOrganizationInput.safeParse({ name: 'x'.repeat(200) }).success).toBe(true);
  });

  it('refuses an external id past 255 characters and reads a blank one as none', () => {
    expect(issuePaths(createOrganizationInput.safeParse({ name: 'A', externalId: 'x'.repeat(256) }))).toEqual(
      ['externalId'],
    );
    expect(createOrganizationInput.parse({ name: 'A', externalId: '  ' }).externalId).toBeNull();
  });

  it.each([
    'https://acme.com',
    'acme.com/path',
    'acme',
    'acme..com',
    '-acme.com',
    'acme-.com',
    'ac me.com',
    '10.0.0.1',
    `${'a'.repeat(64)}.com`,
    `${'abcdefghi.'.repeat(26)}com`,
    'acmé.com',
  ])('refuses %s as a domain', (domain) => {
    expect(issuePaths(createOrganizationInput.safeParse({ name: 'A', domain }))).toEqual(['domain']);
  });

  it.each(['acme.com', 'eu.shop.acme.co.uk', 'xn--acm-bma.com', '3com.com', `${'a'.repeat(63)}.io`])(
    'keeps %s as a domain',
    (domain) => {
      expect(createOrganizationInput.parse({ name: 'A', domain }).domain).toBe(domain);
    },
  );

  it('clears the external id and the domain on update with null or blank, and leaves out what is not given', () => {
    expect(updateOrganizationInput.parse({ id: someId, externalId: null, domain: '' })).toEqual({
      id: someId,
      externalId: null,
      domain: null,
    });
    expect(updateOrganizationInput.parse({ id: someId })).toEqual({ id: someId });
  });
});

describe('membership attributes', () => {
  it('take lower snake case keys to text, numbers and true/false', () => {
    const attributes = { role: 'admin', seats: 3, is_billing: true };
    expect(membershipAttributesSchema.parse(attributes)).toEqual(attributes);
  });

  it.each([[{ Role: 'admin' }], [{ 'billing-contact': true }], [{ _role: 'x' }], [{ ['k'.repeat(65)]: 1 }]])(
    'refuse the key of %o',
    (attributes) => {
      expect(membershipAttributesSchema.safeParse(attributes).success).toBe(false);
    },
  );

  it.each([
    [{ nested: { a: 1 } }],
    [{ list: [1, 2] }],
    [{ nothing: null }],
    [{ infinite: Number.POSITIVE_INFINITY }],
    [{ long: 'x'.repeat(1001) }],
    [{ broken: 'a\u0000b' }],
  ])('refuse the value of %o', (attributes) => {
    expect(issuePaths(membershipAttributesSchema.safeParse(attributes))[0]).toBe(Object.keys(attributes)[0]);
  });

  it('refuse more than 50 keys', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`key_${index}`, index]));
    expect(membershipAttributesSchema.safeParse(many).success).toBe(false);
  });

  it('take null in a change, to clear a key', () => {
    expect(membershipAttributeChangesSchema.parse({ role: null, seats: 2 })).toEqual({
      role: null,
      seats: 2,
    });
  });
});

describe('listing memberships', () => {
  it('takes an organization, with its contacts only when asked, or a profile', () => {
    expect(listMembershipsInput.parse({ organizationId: someId })).toEqual({
      organizationId: someId,
      contactsOnly: false,
      limit: 25,
    });
    expect(listMembershipsInput.parse({ profileId: someId, limit: 5 })).toEqual({
      profileId: someId,
      limit: 5,
    });
  });

  it('refuses both an organization and a profile, and neither', () => {
    expect(listMembershipsInput.safeParse({ organizationId: someId, profileId: someId }).success).toBe(false);
    expect(listMembershipsInput.safeParse({}).success).toBe(false);
  });
});

describe('an organization scope as a client sets it', () => {
  it('takes organization ids or null', () => {
    expect(
      setOrganizationScopeInput.parse({ memberId: someId, organizationIds: null }).organizationIds,
    ).toBeNull();
    expect(
      issuePaths(setOrganizationScopeInput.safeParse({ memberId: someId, organizationIds: ['x'] })),
    ).toEqual(['organizationIds.0']);
  });
});

describe('a contact as a client creates it in an organization', () => {
  it('takes the profile’s fields as profiles.create does, beside the membership’s', () => {
    expect(
      createContactInput.parse({
        organizationId: someId,
        firstName: ' Ada ',
        membershipAttributes: { role: 'cto' },
      }),
    ).toEqual({
      organizationId: someId,
      firstName: 'Ada',
      isKeyContact: false,
      membershipAttributes: { role: 'cto' },
    });
  });

  it('checks the birthday as profiles.create does', () => {
    expect(
      issuePaths(
        createContactInput.safeParse({
          organizationId: someId,
          firstName: 'Ada',
          birthMonth: 2,
          birthDay: 30,
        }),
      ),
    ).toEqual(['birthDay']);
  });
});
