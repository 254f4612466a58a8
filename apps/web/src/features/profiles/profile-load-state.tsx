import { Link } from 'react-router';
import { hasDomainCode, issuesOf } from '../../lib/api-errors.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { EmptyState, LoadError, Loading } from '../../ui/states.tsx';

/** Whether a profile load failed because there is no such profile (or the address holds no valid id). */
function isProfileMissing(error: unknown): boolean {
  return hasDomainCode(error, 'PROFILE_NOT_FOUND') || issuesOf(error).some((issue) => issue.path === 'id');
}

function ProfileNotFound() {
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/profiles">Profiles</Link>
      </nav>
      <PageHeading>Profile not found</PageHeading>
      <EmptyState title="No profile in this workspace has this address.">
        <p className="muted">It may have been deleted, or the link may be wrong.</p>
        <Link to="/profiles">Back to profiles</Link>
      </EmptyState>
    </>
  );
}

/** What a profile page shows while its profile loads, or when it cannot: not found, or the error with a retry. */
interface ProfileQuery {
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

export function ProfileLoadState({ query }: { query: ProfileQuery }) {
  if (query.isPending) return <Loading label="Loading profile…" />;
  if (isProfileMissing(query.error)) return <ProfileNotFound />;
  return (
    <LoadError
      title="Could not load this profile"
      error={query.error}
      onRetry={() => void query.refetch()}
      isRetrying={query.isFetching}
    />
  );
}
