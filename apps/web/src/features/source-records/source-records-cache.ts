import type { QueryClient } from '@tanstack/react-query';
import type { Trpc } from '../../lib/trpc.ts';

/**
 * After a profile's source record was written or deleted: its records, and what records give a
 * profile (identities, emails and phones, and so the profile itself), are loaded again.
 */
export async function refreshRecordsOf(
  queryClient: QueryClient,
  trpc: Trpc,
  profileId: string,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.sourceRecords.list.queryKey({ profileId }) }),
    queryClient.invalidateQueries({ queryKey: trpc.profiles.identities.list.queryKey({ profileId }) }),
    queryClient.invalidateQueries({ queryKey: trpc.profiles.contactPoints.list.queryKey({ profileId }) }),
    queryClient.invalidateQueries({ queryKey: trpc.profiles.get.queryKey({ id: profileId }) }),
  ]);
}
