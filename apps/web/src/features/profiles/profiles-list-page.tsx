import { useInfiniteQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { useTRPC, type Trpc } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { EmptyState, LoadError, Loading } from '../../ui/states.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { useCan } from '../auth/session.tsx';

/** What other pages may tell the list when they send the member back to it. */
export interface ProfilesListState {
  notice?: string;
}

const pageSize = 25;

export function profilesListOptions(trpc: Trpc) {
  return trpc.profiles.list.infiniteQueryOptions(
    { limit: pageSize },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

export function ProfilesListPage() {
  useDocumentTitle('Profiles');
  const isWriter = useCan('profiles.write');
  const trpc = useTRPC();
  const location = useLocation();
  const notice = (location.state as ProfilesListState | null)?.notice;
  const list = useInfiniteQuery(profilesListOptions(trpc));
  const { fetchNextPage } = list;
  const profiles = list.data?.pages.flatMap((page) => page.items) ?? [];
  const rowsRef = useRef<HTMLTableSectionElement>(null);
  const moveFocus = useMoveFocus();

  function loadMore() {
    if (list.isFetchingNextPage) return;
    const firstNewRow = profiles.length;
    moveFocus(() => rowsRef.current?.rows[firstNewRow]?.querySelector('a'));
    void fetchNextPage();
  }

  return (
    <>
      <div className="page-header">
        <PageHeading>Profiles</PageHeading>
        {isWriter ? (
          <div className="page-actions">
            <Link className="button button-primary" to="/profiles/new">
              New profile
            </Link>
          </div>
        ) : null}
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      {list.isPending ? (
        <Loading label="Loading profiles…" />
      ) : list.isError ? (
        <LoadError
          title="Could not load profiles"
          error={list.error}
          onRetry={() => void list.refetch()}
          isRetrying={list.isRefetching}
        />
      ) : profiles.length === 0 ? (
        <EmptyState title={isWriter ? 'No profiles yet — create the first one' : 'No profiles yet'}>
          {isWriter ? (
            <Link className="button button-primary" to="/profiles/new">
              New profile
            </Link>
          ) : (
            <p className="muted">Profiles appear here as your team and your integrations add them.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Profiles, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody ref={rowsRef}>
                {profiles.map((profile) => (
                  <tr key={profile.id}>
                    <td>
                      <Link to={`/profiles/${profile.id}`}>{profile.fullName}</Link>
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
              {list.hasNextPage
                ? `Showing the newest ${profiles.length} profiles`
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
            ) : list.hasNextPage ? (
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
