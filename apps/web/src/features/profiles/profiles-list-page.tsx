import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ProfileSortKey } from '@tessera/domain';
import { useCallback, useRef, type ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTRPC, type Trpc } from '../../lib/trpc.ts';
import { useDebouncedDraft } from '../../lib/use-debounced-draft.ts';
import { ListSearchField } from '../../ui/list-search-field.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { EmptyState, LoadError, Loading } from '../../ui/states.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { useCan, useIsOrganizationScoped } from '../auth/session.tsx';
import { ProfileTypeBadges } from '../profile-types/profile-type-badge.tsx';
import { IdentifierLookup } from '../source-records/identifier-lookup.tsx';
import {
  activeFilterCount,
  defaultSort,
  listInputOf,
  nextSort,
  noFilters,
  parseProfilesListParams,
  withProfilesListParams,
  type ProfilesListParams,
  type ProfilesSort,
} from './profiles-list-params.ts';
import { ProfilesFilterBar } from './profiles-filter-bar.tsx';

/** What other pages may tell the list when they send the member back to it. */
export interface ProfilesListState {
  notice?: string;
}

const pageSize = 25;

export function profilesListOptions(trpc: Trpc, params: ProfilesListParams) {
  return trpc.profiles.list.infiniteQueryOptions(listInputOf(params, pageSize), {
    // A search answers one page of its best matches.
    getNextPageParam: (page) => (params.q ? undefined : page.nextCursor),
    // The rows stay while the next answer loads, so a header or a box in use is not swapped for a spinner.
    placeholderData: keepPreviousData,
  });
}

const sortLabels: Record<ProfileSortKey, string> = {
  createdAt: 'created',
  updatedAt: 'updated',
  firstName: 'first name',
  middleName: 'middle name',
  lastName: 'last name',
  fullName: 'name',
  enabled: 'enabled',
  id: 'id',
};

function captionOf(params: ProfilesListParams): string {
  if (params.q) return `Profiles matching “${params.q}”, best match first`;
  const { key, order } = params.sort;
  if (key === 'createdAt') return order === 'desc' ? 'Profiles, newest first' : 'Profiles, oldest first';
  return `Profiles by ${sortLabels[key]}, ${order === 'asc' ? 'ascending' : 'descending'}`;
}

export function ProfilesListPage() {
  useDocumentTitle('Profiles');
  // A member limited to some organizations adds people as contacts of an organization instead.
  const isScoped = useIsOrganizationScoped();
  const isCreator = useCan('profiles.write') && !isScoped;
  const trpc = useTRPC();
  const location = useLocation();
  const notice = (location.state as ProfilesListState | null)?.notice;
  const [searchParams, setSearchParams] = useSearchParams();
  const params = parseProfilesListParams(searchParams);
  const list = useInfiniteQuery(profilesListOptions(trpc, params));
  const { fetchNextPage } = list;
  const profiles = list.data?.pages.flatMap((page) => page.items) ?? [];
  const rowsRef = useRef<HTMLTableSectionElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const moveFocus = useMoveFocus();
  const isSearching = params.q !== '';
  const hasFilters = activeFilterCount(params) > 0;
  const isDefaultSort = params.sort.key === defaultSort.key && params.sort.order === defaultSort.order;

  const change = useCallback(
    (changes: Partial<ProfilesListParams>, { replace = false } = {}) => {
      setSearchParams((current) => withProfilesListParams(current, changes), { replace });
    },
    [setSearchParams],
  );
  // Typing replaces the history entry, so Back leaves the search rather than stepping through its letters.
  const commitSearch = useCallback((q: string) => change({ q }, { replace: true }), [change]);
  const [searchDraft, setSearchDraft] = useDebouncedDraft(params.q, commitSearch);

  function loadMore() {
    if (list.isFetchingNextPage) return;
    const firstNewRow = profiles.length;
    moveFocus(() => rowsRef.current?.rows[firstNewRow]?.querySelector('a'));
    void fetchNextPage();
  }

  function clearSearch() {
    setSearchDraft('');
    change({ q: '' });
    searchRef.current?.focus();
  }

  function resetFilters() {
    change(noFilters);
    searchRef.current?.focus();
  }

  const isFirstLoad = list.isPending;
  const isShowingOldRows = list.isPlaceholderData;

  return (
    <>
      <div className="page-header">
        <PageHeading>Profiles</PageHeading>
        {isCreator ? (
          <div className="page-actions">
            <Link className="button button-primary" to="/profiles/new">
              New profile
            </Link>
          </div>
        ) : null}
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <search className="list-controls" aria-label="Search and filter profiles">
        <div className="list-search-row">
          <ListSearchField
            id="profile-search"
            label="Search profiles"
            placeholder="Name, email, phone or id"
            value={searchDraft}
            onValueChange={setSearchDraft}
            onClear={clearSearch}
            inputRef={searchRef}
          />
          <IdentifierLookup />
        </div>
        <ProfilesFilterBar params={params} onChange={change} onReset={resetFilters} />
      </search>

      {isFirstLoad ? (
        <Loading label="Loading profiles…" />
      ) : list.isError && !list.isFetchNextPageError ? (
        <LoadError
          title="Could not load profiles"
          error={list.error}
          onRetry={() => void list.refetch()}
          isRetrying={list.isRefetching}
        />
      ) : profiles.length === 0 && !isShowingOldRows ? (
        isSearching || hasFilters ? (
          <EmptyState
            title={
              isSearching
                ? `No profile matches “${params.q}”${hasFilters ? ' with these filters' : ''}`
                : 'No profile matches these filters'
            }
          >
            <div className="state-actions">
              {isSearching ? (
                <button type="button" className="button" onClick={clearSearch}>
                  Clear search
                </button>
              ) : null}
              {hasFilters ? (
                <button type="button" className="button" onClick={resetFilters}>
                  Reset filters
                </button>
              ) : null}
            </div>
          </EmptyState>
        ) : (
          <EmptyState title={isCreator ? 'No profiles yet — create the first one' : 'No profiles yet'}>
            {isCreator ? (
              <Link className="button button-primary" to="/profiles/new">
                New profile
              </Link>
            ) : (
              <p className="muted">Profiles appear here as your team and your integrations add them.</p>
            )}
          </EmptyState>
        )
      ) : (
        <>
          <div className="table-wrap" aria-busy={isShowingOldRows || undefined}>
            <table className={isShowingOldRows ? 'table table-stale' : 'table'}>
              <caption className="visually-hidden">{captionOf(params)}</caption>
              <thead>
                <tr>
                  <SortableHeader column="fullName" sort={isSearching ? null : params.sort} onSort={change}>
                    Name
                  </SortableHeader>
                  <th scope="col">Email</th>
                  <SortableHeader column="updatedAt" sort={isSearching ? null : params.sort} onSort={change}>
                    Updated
                  </SortableHeader>
                </tr>
              </thead>
              <tbody ref={rowsRef}>
                {profiles.map((profile) => (
                  <tr key={profile.id}>
                    <td>
                      <Link to={`/profiles/${profile.id}`}>{profile.fullName}</Link>
                      <ProfileTypeBadges types={profile.profileTypes} />
                    </td>
                    <td>{profile.email ?? <span className="muted">—</span>}</td>
                    <td className="nowrap">
                      <DateTime value={profile.updatedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="list-footer">
            <p className="muted" role="status">
              {isSearching
                ? profiles.length === 1
                  ? `1 profile matches “${params.q}”`
                  : `The ${profiles.length} best matches for “${params.q}”`
                : list.hasNextPage
                  ? `Showing the ${isDefaultSort ? 'newest' : 'first'} ${profiles.length} profiles`
                  : profiles.length === 1
                    ? '1 profile'
                    : `${profiles.length} profiles`}
            </p>
            {list.isFetchNextPageError ? (
              <Alert
                tone="error"
                title="Could not load more profiles"
                actions={
                  <button type="button" className="button" onClick={loadMore}>
                    Retry
                  </button>
                }
              />
            ) : list.hasNextPage && !isShowingOldRows ? (
              // aria-disabled rather than disabled: a disabled button would drop the focus to the page's body.
              <button
                type="button"
                className="button"
                onClick={loadMore}
                aria-disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            ) : null}
          </div>
        </>
      )}
    </>
  );
}

interface SortableHeaderProps {
  column: ProfileSortKey;
  /** The list's sort, or null when the order is not the member's to choose (a ranked search). */
  sort: ProfilesSort | null;
  onSort: (changes: Partial<ProfilesListParams>) => void;
  children: ReactNode;
}

/** A column header that sorts by its column, and says by `aria-sort` when it does. */
function SortableHeader({ column, sort, onSort, children }: SortableHeaderProps) {
  if (!sort) return <th scope="col">{children}</th>;
  const isSorted = sort.key === column;
  const ariaSort = isSorted ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => onSort({ sort: nextSort(sort, column) })}>
        {children}
        <span className="sort-indicator" aria-hidden="true">
          {isSorted ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
