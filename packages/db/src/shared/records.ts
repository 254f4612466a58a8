import { recordNotFound, type ObjectKind } from '@tessera/domain';
import type { Executor } from '../client.ts';
import { violatedCheckConstraint, violatedForeignKey } from './constraints.ts';
import type { Scope } from './scope.ts';

/**
 * The not-found error a write's violation means when the row named a record that does not exist:
 * each table about records has a foreign key to each kind's table (`…profile_fkey`,
 * `…member_fkey`, `…organization_fkey`) and a check that it names one record (`…record_check`).
 */
export function missingRecord(error: unknown, objectKind: ObjectKind, path: string) {
  const foreignKey = violatedForeignKey(error) ?? '';
  const isMissing =
    foreignKey.endsWith('_profile_fkey') ||
    foreignKey.endsWith('_member_fkey') ||
    foreignKey.endsWith('_organization_fkey') ||
    violatedCheckConstraint(error)?.endsWith('_record_check') === true;
  return isMissing ? recordNotFound(objectKind, path) : undefined;
}

/** Whether a profile or a member exists (organizations are found, and locked, with their own query). */
export async function recordExists(
  db: Executor,
  scope: Scope,
  objectKind: Exclude<ObjectKind, 'organizations'>,
  recordId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(objectKind === 'contacts' ? 'profiles' : 'members')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', recordId)
    .executeTakeFirst();
  return row !== undefined;
}
