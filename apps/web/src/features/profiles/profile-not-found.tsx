import { Link } from 'react-router';
import { hasDomainCode, issuesOf } from '../../lib/api-errors.ts';
import { EmptyState } from '../../ui/states.tsx';

/** Whether a profile load failed because there is no such profile (or the address holds no valid id). */
export function isProfileMissing(error: unknown): boolean {
  return hasDomainCode(error, 'PROFILE_NOT_FOUND') || issuesOf(error).some((issue) => issue.path === 'id');
}

export function ProfileNotFound() {
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/profiles">Profiles</Link>
      </nav>
      <h1>Profile not found</h1>
      <EmptyState title="No profile in this workspace has this address.">
        <p className="muted">It may have been deleted, or the link may be wrong.</p>
        <Link to="/profiles">Back to profiles</Link>
      </EmptyState>
    </>
  );
}
