import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTRPC } from '../../lib/trpc.ts';
import { useDebouncedDraft } from '../../lib/use-debounced-draft.ts';
import { ListSearchField } from '../../ui/list-search-field.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { Missing } from '../../ui/details.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { EmptyState, LoadError, Loading } from '../../ui/states.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { useCan, useIsOrganizationScoped } from '../auth/session.tsx';
import { ProfileTypeBadges } from '../profile-types/profile-type-badge.tsx';
import { LoadMoreFooter } from './load-more-footer.tsx';
import { OrganizationForm } from './organization-form.tsx';
import { organizationsSearchOf, withOrganizationsSearch } from './organization.values.ts';

/** What other pages may tell the list when they send the member back to it. */
export interface OrganizationsListState {
  notice?: string;
}

const pageSize = 25;

/** The organizations the member sees, by name or as the best matches of a search kept in the address. */
export function OrganizationsListPage() {
  useDocumentTitle('Organizations');
  const isScoped = useIsOrganizationScoped();
  const isCreator = useCan('organizations.write') && !isScoped;
  const trpc = useTRPC();
  const navigate = useNavigate();
  const notice = (useLocation().state as OrganizationsListState | null)?.notice;
  const [searchParams, setSearchParams] = useSearchParams();
  const q = organizationsSearchOf(searchParams);
  const list = useInfiniteQuery(
    trpc.organizations.list.infiniteQueryOptions(
      { limit: pageSize, ...(q ? { q } : {}) },
      {
        // A search answers one page of its best matches.
        getNextPageParam: (page) => (q ? undefined : page.nextCursor),
        placeholderData: keepPreviousData,
      },
    ),
  );
  const organizations = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [isCreating, setIsCreating] = useState(false);
  const rowsRef = useRef<HTMLTableSectionElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const moveFocus = useMoveFocus();
  // Typing replaces the history entry, so Back leaves the search rather than stepping through its letters.
  const commitSearch = useCallback(
    (text: string) => setSearchParams((current) => withOrganizationsSearch(current, text), { replace: true }),
    [setSearchParams],
  );
  const [searchDraft, setSearchDraft] = useDebouncedDraft(q, commitSearch);
  const isShowingOldRows = list.isPlaceholderData;

  function loadMore() {
    if (list.isFetchingNextPage) return;
    const firstNewRow = organizations.length;
    moveFocus(() => rowsRef.current?.rows[firstNewRow]?.querySelector('a'));
    void list.fetchNextPage();
  }

  function clearSearch() {
    setSearchDraft('');
    setSearchParams((current) => withOrganizationsSearch(current, ''));
    searchRef.current?.focus();
  }

  function startCreating() {
    setIsCreating(true);
    moveFocus(() => document.getElementById('new-organization-name'));
  }

  return (
    <>
      <div className="page-header">
        <PageHeading>Organizations</PageHeading>
        {isCreator && !isCreating ? (
          <div className="page-actions">
            <button type="button" className="button button-primary" onClick={startCreating}>
              New organization
            </button>
          </div>
        ) : null}
      </div>
      <p className="page-intro muted">
        The companies your customers belong to. A profile can belong to several, with attributes of its own in
        each.
      </p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {isCreating ? (
        <OrganizationForm
          onSaved={(created) => void navigate(`/organizations/${created.id}`)}
          onCancel={() => setIsCreating(false)}
        />
      ) : null}

      <search className="list-controls" aria-label="Search organizations">
        <ListSearchField
          id="organization-search"
          label="Search organizations"
          placeholder="Name, external id or domain"
          value={searchDraft}
          onValueChange={setSearchDraft}
          onClear={clearSearch}
          inputRef={searchRef}
        />
      </search>

      {list.isPending ? (
        <Loading label="Loading organizations…" />
      ) : list.isError && !list.isFetchNextPageError ? (
        <LoadError
          title="Could not load organizations"
          error={list.error}
          onRetry={() => void list.refetch()}
          isRetrying={list.isRefetching}
        />
      ) : organizations.length === 0 && !isShowingOldRows ? (
        q ? (
          <EmptyState title={`No organization matches “${q}”`}>
            <div className="state-actions">
              <button type="button" className="button" onClick={clearSearch}>
                Clear search
              </button>
            </div>
          </EmptyState>
        ) : (
          <EmptyState title="No organizations yet">
            <p className="muted">
              {isCreator
                ? 'Create the first one, or let your integrations add them.'
                : 'Organizations appear here as your team and your integrations add them.'}
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <div className="table-wrap" aria-busy={isShowingOldRows || undefined}>
            <table className={`table organizations-table${isShowingOldRows ? ' table-stale' : ''}`}>
              <caption className="visually-hidden">
                {q ? `Organizations matching “${q}”, best match first` : 'Organizations by name'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">External id</th>
                  <th scope="col">Domain</th>
                </tr>
              </thead>
              <tbody ref={rowsRef}>
                {organizations.map((organization) => (
                  <tr key={organization.id}>
                    <td>
                      <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
                      <ProfileTypeBadges types={organization.profileTypes} />
                    </td>
                    <td data-label="External id">
                      {organization.externalId ? <code>{organization.externalId}</code> : <Missing />}
                    </td>
                    <td data-label="Domain">{organization.domain ?? <Missing />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMoreFooter
            summary={
              q
                ? organizations.length === 1
                  ? `1 organization matches “${q}”`
                  : `The ${organizations.length} best matches for “${q}”`
                : list.hasNextPage
                  ? `Showing the first ${organizations.length} organizations`
                  : organizations.length === 1
                    ? '1 organization'
                    : `${organizations.length} organizations`
            }
            noun="organizations"
            hasMore={list.hasNextPage && !isShowingOldRows}
            isLoadingMore={list.isFetchingNextPage}
            hasLoadMoreFailed={list.isFetchNextPageError}
            onLoadMore={loadMore}
          />
        </>
      )}
    </>
  );
}
