import { lifecycles, profileSortKeys, type Lifecycle, type ProfileSortKey } from '@tessera/domain';

export type SortOrder = 'asc' | 'desc';

export interface ProfilesSort {
  key: ProfileSortKey;
  order: SortOrder;
}

/** What the list shows, as kept in its address: `?q=`, `?sort=fullName:asc`, `?lifecycle=`, `?tag=`. */
export interface ProfilesListParams {
  q: string;
  sort: ProfilesSort;
  lifecycle: Lifecycle | '';
  tag: string;
}

export const defaultSort: ProfilesSort = { key: 'createdAt', order: 'desc' };

/** The longest search and tag the API takes (`listProfilesInput`); longer ones are cut rather than refused. */
const searchLengthMax = 100;
const tagLengthMax = 100;

function isSortKey(value: string): value is ProfileSortKey {
  return (profileSortKeys as readonly string[]).includes(value);
}

function isLifecycle(value: string): value is Lifecycle {
  return (lifecycles as readonly string[]).includes(value);
}

function parseSort(text: string | null): ProfilesSort {
  const [key = '', order = ''] = (text ?? '').split(':');
  if (!isSortKey(key)) return defaultSort;
  return { key, order: order === 'asc' || order === 'desc' ? order : 'asc' };
}

/** Reads the list's address; a value the API would refuse is left out rather than shown as an error. */
export function parseProfilesListParams(search: URLSearchParams): ProfilesListParams {
  const lifecycle = search.get('lifecycle') ?? '';
  return {
    q: (search.get('q') ?? '').trim().slice(0, searchLengthMax),
    sort: parseSort(search.get('sort')),
    lifecycle: isLifecycle(lifecycle) ? lifecycle : '',
    tag: (search.get('tag') ?? '').trim().slice(0, tagLengthMax),
  };
}

/** Writes `changes` into the address `search`, leaving out what is at its default so that plain URLs stay plain. */
export function withProfilesListParams(
  search: URLSearchParams,
  changes: Partial<ProfilesListParams>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  const set = (name: string, value: string) => {
    if (value) next.set(name, value);
    else next.delete(name);
  };
  if (changes.q !== undefined) set('q', changes.q.trim());
  if (changes.tag !== undefined) set('tag', changes.tag.trim());
  if (changes.lifecycle !== undefined) set('lifecycle', changes.lifecycle);
  if (changes.sort !== undefined) {
    const { key, order } = changes.sort;
    set('sort', key === defaultSort.key && order === defaultSort.order ? '' : `${key}:${order}`);
  }
  return next;
}

/** The sort a column header asks for: the other order of the current column, or the column's natural first order. */
export function nextSort(current: ProfilesSort, key: ProfileSortKey): ProfilesSort {
  if (current.key === key) return { key, order: current.order === 'asc' ? 'desc' : 'asc' };
  const isDate = key === 'createdAt' || key === 'updatedAt';
  return { key, order: isDate ? 'desc' : 'asc' };
}

/** The input of `profiles.list` for these params; a search is ranked, so it takes no sort. */
export function listInputOf(params: ProfilesListParams, limit: number) {
  const filter = {
    ...(params.lifecycle ? { lifecycle: params.lifecycle } : {}),
    ...(params.tag ? { tag: params.tag } : {}),
  };
  if (params.q) return { limit, q: params.q, filter };
  return { limit, sortBy: params.sort.key, sortOrder: params.sort.order, filter };
}
