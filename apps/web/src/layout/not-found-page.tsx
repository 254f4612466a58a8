import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { EmptyState } from '../ui/states.tsx';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <EmptyState title="There is no page at this address.">
        <Link to="/profiles">Go to profiles</Link>
      </EmptyState>
    </>
  );
}
