import { describe, expect, it } from 'vitest';
import {
  defaultSort,
  listInputOf,
  nextSort,
  parseProfilesListParams,
  withProfilesListParams,
} from './profiles-list-params.ts';

describe('parseProfilesListParams', () => {
  it('reads the search, sort and filters from the address', () => {
    const params = parseProfilesListParams(
      new URLSearchParams('q=%20ada%20&sort=fullName:asc&lifecycle=deleted&tag=vip'),
    );
    expect(params).toEqual({
      q: 'ada',
      sort: { key: 'fullName', order: 'asc' },
      lifecycle: 'deleted',
      tag: 'vip',
    });
  });

  it('leaves out values the API would refuse', () => {
    const params = parseProfilesListParams(new URLSearchParams('sort=password:asc&lifecycle=gone'));
    expect(params.sort).toEqual(defaultSort);
    expect(params.lifecycle).toBe('');
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
});
