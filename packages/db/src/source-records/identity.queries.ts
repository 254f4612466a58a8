import { DomainError, matchTypeOf, type ProfileIdentity } from '@tessera/domain';
import { sql } from 'kysely';
import type { Executor } from '../client.ts';
import { profileInScope, type Scope } from '../shared/scope.ts';
import { standardTypesSql } from './standard-types.ts';

const identityColumns = [
  'id',
  'profile_id',
  'handle',
  'type',
  'identifier',
  'is_primary',
  'created_at',
] as const;

function toIdentity(row: {
  id: string;
  profile_id: string;
  handle: string;
  type: string;
  identifier: string;
  is_primary: boolean;
  created_at: Date;
}): ProfileIdentity {
  return {
    id: row.id,
    profileId: row.profile_id,
    handle: row.handle,
    type: row.type,
    identifier: row.identifier,
    isPrimary: row.is_primary,
    createdAt: row.created_at,
  };
}

/** A profile's identities, the primary first, then oldest first; none unless the scope sees the profile. */
export async function findProfileIdentities(
  db: Executor,
  scope: Scope,
  profileId: string,
): Promise<ProfileIdentity[]> {
  const rows = await db
    .selectFrom('profile_identities')
    .select(identityColumns)
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_id', '=', profileId)
    .$if(scope.organizationIds !== null, (q) =>
      q.where(profileInScope(scope, 'profile_identities.profile_id')),
    )
    .orderBy('is_primary', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toIdentity);
}

export interface NewIdentity {
  id: string;
  handle: string;
  type: string;
  identifier: string;
  isPrimary: boolean;
}

/**
 * Adds identities to a profile; one it has already stays as it is. A standard identity names one
 * profile: if another profile has one of these (a request that raced this one gave it to it),
 * nothing is added and SOURCE_RECORD_PROFILE_CONFLICT is thrown.
 */
export async function addProfileIdentities(
  db: Executor,
  scope: Scope,
  profileId: string,
  identities: readonly NewIdentity[],
  now: Date,
): Promise<void> {
  if (identities.length === 0) return;
  const rows = identities.map((identity) => ({
    workspace_id: scope.workspaceId,
    id: identity.id,
    profile_id: profileId,
    handle: identity.handle,
    type: identity.type,
    match_type: matchTypeOf(identity.type),
    identifier: identity.identifier,
    is_primary: identity.isPrimary,
    created_at: now,
  }));
  await db
    .insertInto('profile_identities')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
  const { rows: others } = await sql<{ profile_id: string }>`
    select profile_id from profile_identities
    where workspace_id = ${scope.workspaceId} and match_type in (${standardTypesSql})
      and (match_type, identifier) in (${sql.join(rows.map((row) => sql`(${row.match_type}, ${row.identifier})`))})
      and profile_id <> ${profileId}
    limit 1`.execute(db);
  if (others.length > 0) {
    throw new DomainError(
      'SOURCE_RECORD_PROFILE_CONFLICT',
      'These identifiers identify two different profiles',
      { path: 'identifiers' },
    );
  }
}

/** Makes an identity of the profile its primary one; undefined, and nothing changed, if the profile has no such identity. */
export async function setPrimaryIdentityRow(
  db: Executor,
  scope: Scope,
  profileId: string,
  id: string,
): Promise<ProfileIdentity | undefined> {
  const ofProfile = db
    .updateTable('profile_identities')
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_id', '=', profileId);
  const found = await db
    .selectFrom('profile_identities')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_id', '=', profileId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) return undefined;
  // Two statements: the one-primary index is checked row by row, so one statement that moved the
  // flag could meet two primaries on its way.
  await ofProfile.set({ is_primary: false }).where('is_primary', '=', true).where('id', '<>', id).execute();
  const row = await ofProfile
    .set({ is_primary: true })
    .where('id', '=', id)
    .returning(identityColumns)
    .executeTakeFirstOrThrow();
  return toIdentity(row);
}
