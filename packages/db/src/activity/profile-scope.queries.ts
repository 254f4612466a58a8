import type { Executor } from '../client.ts';
import { profileInScope, type Scope } from '../shared/scope.ts';

/**
 * Of these profile ids, those of profiles that exist in scope. With `isLocked`, each one found stays
 * locked against deletion (FOR KEY SHARE) until the transaction ends, so that events written for
 * it in the transaction cannot outlive it or its erasure.
 */
export async function findProfileIdsInScope(
  db: Executor,
  scope: Scope,
  ids: readonly string[],
  options: { isLocked: boolean },
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('profiles')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', 'in', ids)
    .where(profileInScope(scope, 'profiles.id'))
    .$if(options.isLocked, (query) => query.forKeyShare())
    .execute();
  return new Set(rows.map((row) => row.id));
}
