import type { DomainErrorCode } from '@tessera/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { hasDomainCode, issuesOf } from '../../lib/api-errors.ts';
import { PageHeading } from '../../ui/page-heading.tsx';
import { EmptyState, LoadError, Loading } from '../../ui/states.tsx';
import { StructureBreadcrumbs } from './structure-page.tsx';

interface StructureQuery<T> {
  data: T | undefined;
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

interface StructureLoadedProps<T> {
  query: StructureQuery<T>;
  /** `profile type`, `attribute`, `workflow` */
  noun: string;
  notFoundCode: DomainErrorCode;
  listPath: string;
  listTitle: string;
  children: (item: T) => ReactNode;
}

/**
 * An edit page under its way back to the list: the form once its item is loaded; until then
 * a spinner, or that there is no such item, or the error with a retry.
 */
export function StructureLoaded<T>({
  query,
  noun,
  notFoundCode,
  listPath,
  listTitle,
  children,
}: StructureLoadedProps<T>) {
  return (
    <>
      <StructureBreadcrumbs listPath={listPath} listTitle={listTitle} />
      {query.data !== undefined ? (
        children(query.data)
      ) : query.isPending ? (
        <Loading label={`Loading ${noun}…`} />
      ) : hasDomainCode(query.error, notFoundCode) ||
        issuesOf(query.error).some((issue) => issue.path === 'id') ? (
        <>
          <PageHeading>{`No such ${noun}`}</PageHeading>
          <EmptyState title={`No ${noun} in this workspace has this address.`}>
            <p className="muted">It may have been deleted, or the link may be wrong.</p>
            <Link to={listPath}>Back to {listTitle.toLowerCase()}</Link>
          </EmptyState>
        </>
      ) : (
        <LoadError
          title={`Could not load this ${noun}`}
          error={query.error}
          onRetry={() => void query.refetch()}
          isRetrying={query.isFetching}
        />
      )}
    </>
  );
}
