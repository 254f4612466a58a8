import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyState, LoadError, Loading } from '../../ui/states.tsx';
import { useCan } from '../auth/session.tsx';

/** What other pages may tell the list when they send the member back to it. */
export interface ProfilesListState {
  notice?: string;
}

const pageSize = 25;

export function ProfilesListPage() {
  useDocumentTitle('Profiles');
  const isWriter = useCan('profiles.write');
  const trpc = useTRPC();
  const location = useLocation();
  const notice = (location.state as ProfilesListState | null)?.notice;
  const list = useInfiniteQuery(
    trpc.profiles.list.infiniteQueryOptions(
      { limit: pageSize },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const { fetchNextPage } = list;
  const profiles = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <div className="page-header">
        <h1>Profiles</h1>
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
              <tbody>
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
                  <button type="button" className="button" onClick={() => void fetchNextPage()}>
                    Retry
                  </button>
                }
              />
            ) : list.hasNextPage ? (
              <button
                type="button"
                className="button"
                onClick={() => void fetchNextPage()}
                disabled={list.isFetchingNextPage}
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
