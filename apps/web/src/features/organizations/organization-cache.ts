import type { QueryClient } from '@tanstack/react-query';
import type { Trpc } from '../../lib/trpc.ts';
import type { Organization } from './organization.values.ts';

/** After memberships changed: every list of members, contacts and a profile's organizations loads again. */
export async function refreshMemberships(queryClient: QueryClient, trpc: Trpc): Promise<void> {
  await queryClient.invalidateQueries(trpc.memberships.list.pathFilter());
}

/**
 * After an organization was created or changed: its own entry now; the lists, and the memberships
 * that show its name, on their next view.
 */
export async function rememberOrganization(
  queryClient: QueryClient,
  trpc: Trpc,
  organization: Organization,
): Promise<void> {
  queryClient.setQueryData(trpc.organizations.get.queryKey({ id: organization.id }), organization);
  await Promise.all([
    queryClient.invalidateQueries(trpc.organizations.list.pathFilter()),
    refreshMemberships(queryClient, trpc),
  ]);
}

/** After an organization was deleted: it is forgotten, and what listed it loads again. */
export async function forgetOrganization(queryClient: QueryClient, trpc: Trpc, id: string): Promise<void> {
  queryClient.removeQueries(trpc.organizations.get.queryFilter({ id }));
  await Promise.all([
    queryClient.invalidateQueries(trpc.organizations.list.pathFilter()),
    refreshMemberships(queryClient, trpc),
  ]);
}
