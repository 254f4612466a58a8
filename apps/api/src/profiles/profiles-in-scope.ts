import type { Executor, Scope } from '@tessera/db';
import { findProfileIdsInScope } from '@tessera/db/activity';
import { DomainError } from '@tessera/domain';

function profileNotFound(path: string): DomainError {
  return new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', { path });
}

/**
 * Locks the profiles that a batch's items name against deletion until the transaction ends (what
 * is written for them cannot outlive them or their erasure); refused at the first item whose
 * profile does not exist in scope (`<list>.<index>.profileId`).
 */
export async function lockProfilesOfBatch(
  trx: Executor,
  scope: Scope,
  items: readonly { profileId: string }[],
  list: string,
): Promise<void> {
  const profileIds = [...new Set(items.map((item) => item.profileId))];
  const found = await findProfileIdsInScope(trx, scope, profileIds, { isLocked: true });
  const index = items.findIndex((item) => !found.has(item.profileId));
  if (index !== -1) throw profileNotFound(`${list}.${index}.profileId`);
}

/** Refused with PROFILE_NOT_FOUND at `profileId` unless the profile exists in scope. */
export async function requireProfileInScope(db: Executor, scope: Scope, profileId: string): Promise<void> {
  const found = await findProfileIdsInScope(db, scope, [profileId], { isLocked: false });
  if (!found.has(profileId)) throw profileNotFound('profileId');
}
