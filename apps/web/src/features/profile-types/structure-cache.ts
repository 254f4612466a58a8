import type { QueryClient } from '@tanstack/react-query';
import type { ObjectKind } from '@tessera/domain';
import type { RouterOutputs, Trpc } from '../../lib/trpc.ts';

export type RecordAttributes = RouterOutputs['attributeValues']['get'];

/**
 * After a profile type, attribute definition or workflow was created, changed or deleted: the
 * structure loads again at once, shown or not, so a list opened next is already up to date; what
 * records show of it (a renamed type's badge, its attributes, the stages) loads again when next shown.
 */
export async function refreshStructure(queryClient: QueryClient, trpc: Trpc): Promise<void> {
  const everywhere = { refetchType: 'all' } as const;
  await Promise.all([
    queryClient.invalidateQueries({ ...trpc.profileTypes.pathFilter(), ...everywhere }),
    queryClient.invalidateQueries({ ...trpc.attributeDefinitions.pathFilter(), ...everywhere }),
    queryClient.invalidateQueries({ ...trpc.workflows.list.pathFilter(), ...everywhere }),
    queryClient.invalidateQueries({ ...trpc.workflows.get.pathFilter(), ...everywhere }),
    queryClient.invalidateQueries(trpc.workflows.recordStages.pathFilter()),
    queryClient.invalidateQueries(trpc.attributeValues.pathFilter()),
    queryClient.invalidateQueries(trpc.profiles.get.pathFilter()),
    queryClient.invalidateQueries(trpc.profiles.list.pathFilter()),
  ]);
}

/**
 * After a record's types, values or stages changed: what it shows now is kept, and the record
 * itself (a profile carries its types and values) loads again, as do its stages, which a type's
 * default workflow may have set.
 */
export async function refreshRecord(
  queryClient: QueryClient,
  trpc: Trpc,
  shown: RecordAttributes,
): Promise<void> {
  const { objectKind, recordId } = shown;
  queryClient.setQueryData(trpc.attributeValues.get.queryKey({ objectKind, recordId }), shown);
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: trpc.workflows.recordStages.queryKey({ objectKind, recordId }),
    }),
    ...recordQueries(trpc, objectKind, recordId).map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  ]);
}

/** The queries that show a record of the kind with its profile types. */
function recordQueries(trpc: Trpc, objectKind: ObjectKind, recordId: string) {
  switch (objectKind) {
    case 'contacts':
      return [trpc.profiles.get.queryKey({ id: recordId }), trpc.profiles.list.pathKey()];
    case 'organizations':
      return [trpc.organizations.get.queryKey({ id: recordId }), trpc.organizations.list.pathKey()];
    case 'users':
      return [];
  }
}
