import type { Executor } from '@tessera/db';
import { findOrganization } from '@tessera/db/organizations';
import { findProfile } from '@tessera/db/profiles';
import { recordExists } from '@tessera/db/profile-types';
import { recordNotFound, requirePermission, type Action, type ObjectKind } from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { deletedProfile } from '../profiles/profiles.service.ts';

/**
 * What a role must allow to read or change a record of each kind: a profile's types and values
 * are the profile's, a member's are the member's, an organization's the organization's.
 */
const recordActions = {
  contacts: { read: 'profiles.read', write: 'profiles.write' },
  users: { read: 'members.read', write: 'members.manage' },
  organizations: { read: 'organizations.read', write: 'organizations.write' },
} as const satisfies Record<ObjectKind, Record<'read' | 'write', Action>>;

/** Refused unless the member may read or change records of the kind. */
export function requireRecordAccess(
  ctx: MemberContext,
  objectKind: ObjectKind,
  access: 'read' | 'write',
): void {
  requirePermission(ctx.actor.member.role, recordActions[objectKind][access]);
}

/**
 * Refused unless the member may read or change records of the kind, and the record exists where
 * the member's scope sees it (a deleted profile is not changed).
 */
export async function requireRecord(
  db: Executor,
  ctx: MemberContext,
  record: { objectKind: ObjectKind; recordId: string; access: 'read' | 'write' },
  path = 'recordId',
): Promise<void> {
  const { objectKind, recordId, access } = record;
  requireRecordAccess(ctx, objectKind, access);
  if (objectKind === 'contacts') {
    const profile = await findProfile(db, ctx.scope, recordId);
    if (!profile) throw recordNotFound(objectKind, path);
    if (access === 'write' && profile.lifecycle === 'deleted') throw deletedProfile(path, recordId);
  } else if (objectKind === 'organizations') {
    // Held until the transaction ends, so that the rows written about it meet it still there.
    const organization = await findOrganization(db, ctx.scope, recordId, { lock: 'forKeyShare' });
    if (!organization) throw recordNotFound(objectKind, path);
  } else if (!(await recordExists(db, ctx.scope, objectKind, recordId))) {
    throw recordNotFound(objectKind, path);
  }
}

/** What an audit entry about a record names it by. */
export function auditedRecordType(objectKind: ObjectKind): string {
  return { contacts: 'profile', users: 'member', organizations: 'organization' }[objectKind];
}
