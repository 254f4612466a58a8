import type { ReactNode } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { LoadMoreFooter } from './load-more-footer.tsx';
import type { Membership } from './profile-memberships.ts';

const pageSize = 25;

interface OrganizationMembershipsProps {
  organizationId: string;
  /** Its contacts and key contacts only (reference 004: only they appear in the account's contacts) */
  contactsOnly: boolean;
  /** What is said while there are none */
  emptyText: string;
  /** What the list holds, one and several: `contact`, `contacts` */
  nouns: [singular: string, plural: string];
  /** The list of those loaded so far */
  children: (memberships: Membership[]) => ReactNode;
}

/** An organization's members by name, page by page: loading, failing, empty, or shown with Load more. */
export function OrganizationMemberships(props: OrganizationMembershipsProps) {
  const { organizationId, contactsOnly, emptyText, nouns, children } = props;
  const trpc = useTRPC();
  const input = { organizationId, contactsOnly, limit: pageSize };
  const list = useCursorPages(trpc.memberships.list.infiniteQueryKey(input), (queryClient, cursor) =>
    queryClient.fetchQuery(trpc.memberships.list.queryOptions({ ...input, cursor })),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [singular, plural] = nouns;

  if (list.isPending) return <p className="muted">Loading…</p>;
  if (list.isError && !list.isFetchNextPageError)
    return <p className="field-error">{messageOf(list.error)}</p>;
  if (items.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <>
      {children(items)}
      <LoadMoreFooter
        summary={
          list.hasNextPage
            ? `Showing the first ${items.length} ${plural}`
            : items.length === 1
              ? `1 ${singular}`
              : `${items.length} ${plural}`
        }
        noun={plural}
        hasMore={list.hasNextPage}
        isLoadingMore={list.isFetchingNextPage}
        hasLoadMoreFailed={list.isFetchNextPageError}
        onLoadMore={() => void list.fetchNextPage()}
      />
    </>
  );
}
