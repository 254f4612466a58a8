import { createProfileInput, updateProfileInput } from '@tessera/domain';
import { describe, expect, it } from 'vitest';
import { schemaIssues, splitIssues } from '../../lib/field-errors.ts';
import {
  emptyProfileValues,
  profileFieldNames,
  profileErrorPaths,
  profileFields,
  profileInputOf,
  profileValuesOf,
} from './profile-form.fields.ts';

const ada: Parameters<typeof profileValuesOf>[0] = {
  title: 'Countess',
  firstName: 'Ada',
  middleName: null,
  lastName: 'Lovelace',
  email: 'ada@example.com',
  mobilePhone: { e164: '+61412345678' },
  secondaryPhone: null,
  gender: 'female',
  birthYear: 1985,
  birthMonth: 12,
  birthDay: 10,
  countryNumericCode: '826',
  currency: 'GBP',
  joinedAt: new Date('2024-05-01T09:30:00Z'),
  company: null,
  occupation: 'Mathematician',
  avatarUrl: null,
  preferredLocation: { id: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60' },
  joinedLocation: null,
  addresses: [
    {
      label: 'Home',
      line1: '12 St James’s Square',
      line2: null,
      city: 'London',
      region: null,
      postalCode: 'SW1Y 4JH',
      countryNumericCode: '826',
      isDefault: false,
    },
    {
      label: null,
      line1: 'Ockham Park',
      line2: null,
      city: 'Ockham',
      region: 'Surrey',
      postalCode: null,
      countryNumericCode: null,
      isDefault: true,
    },
  ],
  tags: ['analytical', 'engine'],
  statuses: ['staff'],
  lifecycle: 'active',
  enabled: true,
  integrationUuid: null,
};

describe('profileFields', () => {
  it('names each field once', () => {
    expect(new Set(profileFieldNames).size).toBe(profileFields.length);
  });

  it('has a field for every input the domain reports an issue about', () => {
    const { error } = createProfileInput.safeParse({
      title: 'x'.repeat(256),
      firstName: '',
      middleName: 'x'.repeat(256),
      lastName: 'x'.repeat(256),
      email: 'ada@',
      mobilePhone: 'x'.repeat(65),
      secondaryPhone: 'x'.repeat(65),
      gender: 'unknown',
      birthYear: 1,
      birthMonth: 13,
      birthDay: 32,
      countryNumericCode: '1',
      currency: 'x',
      joinedAt: 'yesterday',
      company: 'x'.repeat(256),
      occupation: 'x'.repeat(256),
      avatarUrl: 'ftp://example.com',
      preferredLocation: 'x'.repeat(256),
      joinedLocation: 'x'.repeat(256),
      addresses: 'Ockham Park',
      tags: [''],
      statuses: [''],
      lifecycle: 'deleted',
      enabled: 'yes',
      integrationUuid: 'x'.repeat(256),
    });
    const split = error && splitIssues(schemaIssues(error), profileFieldNames);
    expect(split?.form).toBeNull();
    expect(Object.keys(split?.fields ?? {}).sort()).toEqual([...profileFieldNames].sort());
  });
});

describe('emptyProfileValues', () => {
  it('holds empty values, an active and enabled lifecycle', () => {
    expect(emptyProfileValues).toMatchObject({ firstName: '', email: '', tags: '', statuses: [] });
    expect(emptyProfileValues.lifecycle).toBe('active');
    expect(emptyProfileValues.enabled).toBe(true);
  });

  it('reads as a profile with nothing but a first name once one is given', () => {
    const input = createProfileInput.parse(profileInputOf({ ...emptyProfileValues, firstName: 'Ada' }));
    expect(input).toMatchObject({ firstName: 'Ada', email: null, tags: [], statuses: [], currency: null });
  });
});

describe('profileValuesOf', () => {
  it('fills the form with the profile’s fields, a missing one as empty text', () => {
    expect(profileValuesOf(ada)).toMatchObject({
      firstName: 'Ada',
      middleName: '',
      mobilePhone: '+61412345678',
      birthYear: '1985',
      preferredLocation: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60',
      joinedLocation: '',
      tags: 'analytical, engine',
      statuses: ['staff'],
    });
    expect(profileValuesOf(ada).addresses[1]).toEqual({
      label: '',
      line1: 'Ockham Park',
      line2: '',
      city: 'Ockham',
      region: 'Surrey',
      postalCode: '',
      countryNumericCode: '',
      isDefault: true,
    });
  });

  it('shows a deleted profile as active, as saving it restores it', () => {
    expect(profileValuesOf({ ...ada, lifecycle: 'deleted' }).lifecycle).toBe('active');
  });

  it('gives values the domain reads back as the same profile', () => {
    const id = '0b6f3c1e-2d4a-4e8b-9c7d-1a2b3c4d5e6f';
    expect(updateProfileInput.parse({ id, ...profileInputOf(profileValuesOf(ada)) })).toEqual({
      ...ada,
      id,
      mobilePhone: '+61412345678',
      preferredLocation: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60',
      joinedAt: new Date('2024-05-01T09:30:00Z'),
    });
  });
});

describe('profileErrorPaths', () => {
  it('names each field of each address, so that an issue about one lands at it', () => {
    const paths = profileErrorPaths(profileValuesOf(ada));
    expect(paths).toContain('addresses');
    expect(paths).toContain('addresses.1.line1');
    expect(paths).toContain('addresses.1.isDefault');
    expect(paths).not.toContain('addresses.2.line1');
  });

  it('shows the domain’s issue about an address at its field', () => {
    const values = profileValuesOf(ada);
    const input = profileInputOf({ ...values, addresses: [{ ...values.addresses[0]!, line1: ' ' }] });
    const { error } = createProfileInput.safeParse(input);
    const split = error && splitIssues(schemaIssues(error), profileErrorPaths(values));
    expect(split).toEqual({ fields: { 'addresses.0.line1': 'Address line 1 is required' }, form: null });
  });
});

describe('profileInputOf', () => {
  it('splits tags at commas and leaves blank ones out', () => {
    expect(profileInputOf({ ...emptyProfileValues, tags: ' vip, ,newsletter ' }).tags).toEqual([
      'vip',
      'newsletter',
    ]);
  });

  it('gives the birth parts as numbers, or as text the domain refuses at their field', () => {
    const input = profileInputOf({ ...emptyProfileValues, birthYear: '1990', birthMonth: 'May' });
    expect(input).toMatchObject({ birthYear: 1990, birthMonth: 'May', birthDay: null });
    const { error } = createProfileInput.safeParse({ ...input, firstName: 'Ada' });
    expect(error?.issues.map((issue) => issue.path.join('.'))).toEqual(['birthMonth']);
  });
});
