import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { EmptyState } from '../ui/states.tsx';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <EmptyState title="There is no page at this address.">
        <Link to="/profiles">Go to profiles</Link>
      </EmptyState>
    </>
  );
}
