import {
  countryByNumericCode,
  daysInMonth,
  idSchema,
  lifecycles,
  profileSortKeys,
  type Lifecycle,
  type ProfileSortKey,
} from '@tessera/domain';

export type SortOrder = 'asc' | 'desc';

export interface ProfilesSort {
  key: ProfileSortKey;
  order: SortOrder;
}

/** The filters of the list, as kept in its address; each left out (empty, null) filters nothing. */
export interface ProfilesFilters {
  lifecycle: Lifecycle | '';
  tag: string;
  /** `?enabled=true` or `false` */
  enabled: boolean | null;
  /** A status handle */
  status: string;
  /** A country's numeric code, like 036 */
  country: string;
  /** The first day of creation, `YYYY-MM-DD` in the reader's time zone */
  createdFrom: string;
  /** The last day of creation, included */
  createdTo: string;
  /** The id of a profile type: the profiles that adopted it */
  profileType: string;
  /** The id of an organization: its members */
  organization: string;
}

/** What the list shows, as kept in its address: `?q=`, `?sort=fullName:asc` and the filters. */
export interface ProfilesListParams extends ProfilesFilters {
  q: string;
  sort: ProfilesSort;
}

export const defaultSort: ProfilesSort = { key: 'createdAt', order: 'desc' };

export const noFilters: ProfilesFilters = {
  lifecycle: '',
  tag: '',
  enabled: null,
  status: '',
  country: '',
  createdFrom: '',
  createdTo: '',
  profileType: '',
  organization: '',
};

/** The longest search, tag and status the API takes (`listProfilesInput`); longer ones are cut rather than refused. */
const searchLengthMax = 100;
const tagLengthMax = 100;
const statusLengthMax = 64;

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

function parseEnabled(text: string | null): boolean | null {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return null;
}

/** A calendar day as `YYYY-MM-DD`, or '' when the text is not one. */
function parseDay(text: string | null): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!match) return '';
  const [, year = '', month = '', day = ''] = match;
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  const isDay =
    monthNumber >= 1 &&
    monthNumber <= 12 &&
    dayNumber >= 1 &&
    dayNumber <= daysInMonth(Number(year), monthNumber);
  return isDay ? `${year}-${month}-${day}` : '';
}

function parseId(text: string | null): string {
  const id = (text ?? '').trim();
  return idSchema.safeParse(id).success ? id : '';
}

function parseCountry(text: string | null): string {
  const code = (text ?? '').trim();
  return countryByNumericCode(code) ? code : '';
}

/** Reads the list's address; a value the API would refuse is left out rather than shown as an error. */
export function parseProfilesListParams(search: URLSearchParams): ProfilesListParams {
  const lifecycle = search.get('lifecycle') ?? '';
  return {
    q: (search.get('q') ?? '').trim().slice(0, searchLengthMax),
    sort: parseSort(search.get('sort')),
    lifecycle: isLifecycle(lifecycle) ? lifecycle : '',
    tag: (search.get('tag') ?? '').trim().slice(0, tagLengthMax),
    enabled: parseEnabled(search.get('enabled')),
    status: (search.get('status') ?? '').trim().slice(0, statusLengthMax),
    country: parseCountry(search.get('country')),
    createdFrom: parseDay(search.get('createdFrom')),
    createdTo: parseDay(search.get('createdTo')),
    profileType: parseId(search.get('profileType')),
    organization: parseId(search.get('organization')),
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
  if (changes.enabled !== undefined) set('enabled', changes.enabled === null ? '' : String(changes.enabled));
  if (changes.status !== undefined) set('status', changes.status.trim());
  if (changes.country !== undefined) set('country', changes.country);
  if (changes.createdFrom !== undefined) set('createdFrom', changes.createdFrom);
  if (changes.createdTo !== undefined) set('createdTo', changes.createdTo);
  if (changes.profileType !== undefined) set('profileType', changes.profileType);
  if (changes.organization !== undefined) set('organization', changes.organization);
  if (changes.sort !== undefined) {
    const { key, order } = changes.sort;
    set('sort', key === defaultSort.key && order === defaultSort.order ? '' : `${key}:${order}`);
  }
  return next;
}

/** How many filters narrow the list. */
export function activeFilterCount(params: ProfilesFilters): number {
  return (Object.keys(noFilters) as (keyof ProfilesFilters)[]).filter(
    (name) => params[name] !== noFilters[name],
  ).length;
}

/** The sort a column header asks for: the other order of the current column, or the column's natural first order. */
export function nextSort(current: ProfilesSort, key: ProfileSortKey): ProfilesSort {
  if (current.key === key) return { key, order: current.order === 'asc' ? 'desc' : 'asc' };
  const isDate = key === 'createdAt' || key === 'updatedAt';
  return { key, order: isDate ? 'desc' : 'asc' };
}

/** The start of a `YYYY-MM-DD` day in the reader's time zone, `days` later. */
function startOfDay(day: string, days = 0): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date + days);
}

/** The input of `profiles.list` for these params; a search is ranked, so it takes no sort. */
export function listInputOf(params: ProfilesListParams, limit: number) {
  const filter = {
    ...(params.lifecycle ? { lifecycle: params.lifecycle } : {}),
    ...(params.tag ? { tag: params.tag } : {}),
    ...(params.enabled === null ? {} : { enabled: params.enabled }),
    ...(params.status ? { status: params.status } : {}),
    ...(params.country ? { countryNumericCode: params.country } : {}),
    ...(params.createdFrom ? { createdFrom: startOfDay(params.createdFrom) } : {}),
    // The API's bound is inclusive: the last moment of the day.
    ...(params.createdTo ? { createdTo: new Date(startOfDay(params.createdTo, 1).getTime() - 1) } : {}),
    ...(params.profileType ? { profileTypeId: params.profileType } : {}),
    ...(params.organization ? { organizationId: params.organization } : {}),
  };
  if (params.q) return { limit, q: params.q, filter };
  return { limit, sortBy: params.sort.key, sortOrder: params.sort.order, filter };
}
