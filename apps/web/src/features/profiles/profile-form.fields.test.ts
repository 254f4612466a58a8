import { createProfileInput } from '@tessera/domain';
import { describe, expect, it } from 'vitest';
import { schemaIssues, splitIssues } from '../../lib/field-errors.ts';
import {
  emptyProfileValues,
  profileFieldNames,
  profileFields,
  profileValuesOf,
} from './profile-form.fields.ts';

const ada = { firstName: 'Ada', middleName: null, lastName: 'Lovelace', email: 'ada@example.com' };

describe('profileFields', () => {
  it('names each field once', () => {
    expect(new Set(profileFieldNames).size).toBe(profileFields.length);
  });

  it('has a field for every input the domain reports an issue about', () => {
    const { error } = createProfileInput.safeParse({
      firstName: '',
      middleName: 'x'.repeat(256),
      lastName: 'x'.repeat(256),
      email: 'ada@',
    });
    const split = error && splitIssues(schemaIssues(error), profileFieldNames);
    expect(split?.form).toBeNull();
    expect(Object.keys(split?.fields ?? {}).sort()).toEqual([...profileFieldNames].sort());
  });
});

describe('emptyProfileValues', () => {
  it('holds empty text for every field', () => {
    expect(emptyProfileValues).toEqual({ firstName: '', middleName: '', lastName: '', email: '' });
  });
});

describe('profileValuesOf', () => {
  it('fills the form with the profile’s fields, a missing one as empty text', () => {
    expect(profileValuesOf(ada)).toEqual({
      firstName: 'Ada',
      middleName: '',
      lastName: 'Lovelace',
      email: 'ada@example.com',
    });
  });

  it('gives values the domain reads back as the same profile', () => {
    expect(createProfileInput.parse(profileValuesOf(ada))).toEqual({
      firstName: ada.firstName,
      middleName: ada.middleName,
      lastName: ada.lastName,
      email: ada.email,
    });
  });
});
