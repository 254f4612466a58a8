import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  defaultSort,
  listInputOf,
  nextSort,
  noFilters,
  parseProfilesListParams,
  withProfilesListParams,
} from './profiles-list-params.ts';

describe('parseProfilesListParams', () => {
  it('reads the search, sort and filters from the address', () => {
    const params = parseProfilesListParams(
      new URLSearchParams('q=%20ada%20&sort=fullName:asc&lifecycle=deleted&tag=vip'),
    );
    expect(params).toEqual({
      ...noFilters,
      q: 'ada',
      sort: { key: 'fullName', order: 'asc' },
      lifecycle: 'deleted',
      tag: 'vip',
    });
  });

  it('reads the enabled, status, country and creation date filters', () => {
    const params = parseProfilesListParams(
      new URLSearchParams(
        'enabled=false&status=%20staff%20&country=036&createdFrom=2024-02-29&createdTo=2024-03-31',
      ),
    );
    expect(params).toMatchObject({
      enabled: false,
      status: 'staff',
      country: '036',
      createdFrom: '2024-02-29',
      createdTo: '2024-03-31',
    });
    expect(parseProfilesListParams(new URLSearchParams('enabled=true')).enabled).toBe(true);
  });

  it('reads the profile type and organization segments, leaving out what is not an id', () => {
    const type = '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60';
    const organization = '0b6c1d2e-3f40-4a5b-8c7d-9e0f1a2b3c4d';
    const params = parseProfilesListParams(
      new URLSearchParams(`profileType=${type}&organization=${organization}`),
    );
    expect(params).toMatchObject({ profileType: type, organization });
    expect(activeFilterCount(params)).toBe(2);
    expect(listInputOf(params, 25).filter).toEqual({ profileTypeId: type, organizationId: organization });
    expect(parseProfilesListParams(new URLSearchParams('profileType=vip&organization=acme'))).toMatchObject({
      profileType: '',
      organization: '',
    });
    const written = withProfilesListParams(new URLSearchParams('organization=x'), {
      profileType: type,
      organization: '',
    });
    expect(written.toString()).toBe(`profileType=${type}`);
  });

  it('leaves out values the API would refuse', () => {
    const params = parseProfilesListParams(new URLSearchParams('sort=password:asc&lifecycle=gone'));
    expect(params.sort).toEqual(defaultSort);
    expect(params.lifecycle).toBe('');
  });

  it('leaves out a filter the API would refuse: no such country, no such day, not a boolean', () => {
    const params = parseProfilesListParams(
      new URLSearchParams('enabled=yes&country=999&createdFrom=2023-02-29&createdTo=2024-3-1'),
    );
    expect(params).toEqual({ ...noFilters, q: '', sort: defaultSort });
  });
});

describe('withProfilesListParams', () => {
  it('writes changes and drops defaults, keeping other parameters', () => {
    const next = withProfilesListParams(new URLSearchParams('q=ada&other=1'), {
      q: '',
      sort: { key: 'updatedAt', order: 'asc' },
      tag: ' vip ',
    });
    expect(next.toString()).toBe('other=1&tag=vip&sort=updatedAt%3Aasc');
    expect(withProfilesListParams(next, { sort: defaultSort }).has('sort')).toBe(false);
  });
});

describe('withProfilesListParams and the filters', () => {
  it('writes the filters and drops them again, keeping the search and the sort', () => {
    const filtered = withProfilesListParams(new URLSearchParams('q=ada&sort=fullName:asc'), {
      enabled: true,
      status: 'staff',
      country: '036',
      createdFrom: '2024-01-01',
      createdTo: '2024-01-31',
    });
    expect(filtered.toString()).toBe(
      'q=ada&sort=fullName%3Aasc&enabled=true&status=staff&country=036&createdFrom=2024-01-01&createdTo=2024-01-31',
    );
    expect(parseProfilesListParams(filtered)).toMatchObject({ enabled: true, createdTo: '2024-01-31' });
    expect(withProfilesListParams(filtered, noFilters).toString()).toBe('q=ada&sort=fullName%3Aasc');
    expect(withProfilesListParams(filtered, { enabled: false }).get('enabled')).toBe('false');
  });
});

describe('activeFilterCount', () => {
  it('counts the filters that narrow the list, not the search or the sort', () => {
    const params = parseProfilesListParams(
      new URLSearchParams('q=ada&sort=fullName:asc&tag=vip&enabled=false'),
    );
    expect(activeFilterCount(params)).toBe(2);
    expect(activeFilterCount(noFilters)).toBe(0);
  });
});

describe('nextSort', () => {
  it('flips the order of the sorted column and starts others in their natural order', () => {
    expect(nextSort({ key: 'fullName', order: 'asc' }, 'fullName')).toEqual({
      key: 'fullName',
      order: 'desc',
    });
    expect(nextSort(defaultSort, 'fullName')).toEqual({ key: 'fullName', order: 'asc' });
    expect(nextSort(defaultSort, 'updatedAt')).toEqual({ key: 'updatedAt', order: 'desc' });
  });
});

describe('listInputOf', () => {
  it('sends no sort with a search, which is ranked', () => {
    const params = parseProfilesListParams(new URLSearchParams('q=ada&sort=fullName:asc&tag=vip'));
    expect(listInputOf(params, 25)).toEqual({ limit: 25, q: 'ada', filter: { tag: 'vip' } });
  });

  it('filters by enabled, status and country, and by whole days of creation in the reader’s time zone', () => {
    const params = parseProfilesListParams(
      new URLSearchParams(
        'enabled=false&status=staff&country=036&createdFrom=2024-03-30&createdTo=2024-03-31',
      ),
    );
    expect(listInputOf(params, 25)).toEqual({
      limit: 25,
      sortBy: 'createdAt',
      sortOrder: 'desc',
      filter: {
        enabled: false,
        status: 'staff',
        countryNumericCode: '036',
        // Berlin: the 30th starts in winter time, the 31st ends in summer time.
        createdFrom: new Date('2024-03-29T23:00:00.000Z'),
        createdTo: new Date('2024-03-31T21:59:59.999Z'),
      },
    });
  });
});
