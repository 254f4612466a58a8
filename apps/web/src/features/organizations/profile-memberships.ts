import { useQuery } from '@tanstack/react-query';
import { pageSizeMax } from '@tessera/domain';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';

export type Membership = RouterOutputs['memberships']['list']['items'][number];

/**
 * The organizations a profile belongs to, by name: the first hundred, one page. The same query as
 * the profile's usage sections, so the page asks for them once.
 */
export function useProfileMemberships(profileId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.memberships.list.queryOptions({ profileId, limit: pageSizeMax }));
}
