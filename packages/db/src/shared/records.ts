import { recordNotFound, type ObjectKind } from '@tessera/domain';
import type { Executor } from '../client.ts';
import { violatedCheckConstraint, violatedForeignKey } from './constraints.ts';
import type { Scope } from './scope.ts';

/**
 * The not-found error a write's violation means when the row named a record that does not exist:
 * each table about records has a foreign key to each stored kind's table (`…profile_fkey`,
 * `…member_fkey`) and a check that the record is of a stored kind (`…record_check`).
 */
export function missingRecord(error: unknown, objectKind: ObjectKind, path: string) {
  const foreignKey = violatedForeignKey(error) ?? '';
  const isMissing =
    foreignKey.endsWith('_profile_fkey') ||
    foreignKey.endsWith('_member_fkey') ||
    violatedCheckConstraint(error)?.endsWith('_record_check') === true;
  return isMissing ? recordNotFound(objectKind, path) : undefined;
}

/** Whether a record of the kind exists; organizations are not stored yet, so none of them does. */
export async function recordExists(
  db: Executor,
  scope: Scope,
  objectKind: ObjectKind,
  recordId: string,
): Promise<boolean> {
  if (objectKind === 'organizations') return false;
  const row = await db
    .selectFrom(objectKind === 'contacts' ? 'profiles' : 'members')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', recordId)
    .executeTakeFirst();
  return row !== undefined;
}
