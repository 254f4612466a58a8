import { describe, expect, it } from 'vitest';
import {
  aloneProfilesRefusal,
  organizationsSearchOf,
  organizationValuesOf,
  withOrganizationsSearch,
  type Organization,
} from './organization.values.ts';

const acme: Organization = {
  id: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60',
  name: 'Acme',
  externalId: null,
  domain: 'acme.com',
  profileTypes: [],
  attributes: {},
  createdAt: new Date('2026-01-02T03:04:05Z'),
  updatedAt: new Date('2026-01-02T03:04:05Z'),
};

describe('the form of an organization', () => {
  it('shows what the organization does not have as blank', () => {
    expect(organizationValuesOf(acme)).toEqual({ name: 'Acme', externalId: '', domain: 'acme.com' });
  });
});

describe('the search of the organizations list in its address', () => {
  it('is read trimmed, and cut to what the API takes', () => {
    expect(organizationsSearchOf(new URLSearchParams('q=%20acme%20'))).toBe('acme');
    expect(organizationsSearchOf(new URLSearchParams(`q=${'a'.repeat(150)}`))).toHaveLength(100);
    expect(organizationsSearchOf(new URLSearchParams(''))).toBe('');
  });

  it('is written trimmed, left out when blank, and keeps the other parameters', () => {
    const search = new URLSearchParams('q=old&other=1');
    expect(withOrganizationsSearch(search, ' new ').toString()).toBe('q=new&other=1');
    expect(withOrganizationsSearch(search, '  ').toString()).toBe('other=1');
    expect(search.toString()).toBe('q=old&other=1');
  });
});

describe('the refusal to delete an organization some profiles belong to only', () => {
  it('says how many, in the singular or the plural', () => {
    expect(aloneProfilesRefusal(1)).toBe(
      '1 profile belongs to this organization only. Add it to another organization, or delete it, first.',
    );
    expect(aloneProfilesRefusal(3)).toBe(
      '3 profiles belong to this organization only. Add them to another organization, or delete them, first.',
    );
  });
});
