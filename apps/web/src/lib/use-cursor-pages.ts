import { useInfiniteQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * A list read page by page through its cursor, each page asked for as a plain query: procedures
 * that refuse fields they do not name refuse the `direction` that tRPC's infinite queries add.
 * `fetchPage` fetches the page after `cursor` (null: the first).
 */
export function useCursorPages<Page extends { nextCursor: string | null }>(
  queryKey: QueryKey,
  fetchPage: (queryClient: QueryClient, cursor: string | null) => Promise<Page>,
) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(queryClient, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}
