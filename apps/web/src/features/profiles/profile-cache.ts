import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { RouterOutputs, Trpc } from '../../lib/trpc.ts';
import type { Profile } from './profile-form.tsx';

type ProfilePage = RouterOutputs['profiles']['list'];

/** Keeps the cache in step after a profile was created or changed: its own entry now, the list on its next view. */
export async function rememberProfile(queryClient: QueryClient, trpc: Trpc, profile: Profile): Promise<void> {
  queryClient.setQueryData(trpc.profiles.get.queryKey({ id: profile.id }), profile);
  await queryClient.invalidateQueries(trpc.profiles.list.pathFilter());
}

/** Takes a deleted profile out of the lists already loaded, so it does not flash back before they refetch. */
export function dropFromLists(queryClient: QueryClient, trpc: Trpc, id: string): void {
  queryClient.setQueriesData<InfiniteData<ProfilePage>>(
    { queryKey: trpc.profiles.list.infiniteQueryKey() },
    (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.filter((item) => item.id !== id),
            })),
          }
        : data,
  );
}

export async function forgetProfile(queryClient: QueryClient, trpc: Trpc, id: string): Promise<void> {
  queryClient.removeQueries(trpc.profiles.get.queryFilter({ id }));
  await queryClient.invalidateQueries(trpc.profiles.list.pathFilter());
}
