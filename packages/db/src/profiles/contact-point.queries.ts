import { DomainError, type ContactPoint, type ContactPointKey } from '@tessera/domain';
import type { Executor } from '../client.ts';
import { violatedUniqueConstraint } from '../shared/constraints.ts';
import { profileInScope, type Scope } from '../shared/scope.ts';

const contactPointColumns = ['id', 'profile_id', 'key', 'value', 'uuid', 'created_at', 'updated_at'] as const;

function toContactPoint(row: {
  id: string;
  profile_id: string;
  key: string;
  value: string;
  uuid: string | null;
  created_at: Date;
  updated_at: Date;
}): ContactPoint {
  return {
    id: row.id,
    profileId: row.profile_id,
    // The database's check constraint allows only these keys.
    key: row.key as ContactPointKey,
    value: row.value,
    uuid: row.uuid,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A value another contact point of the workspace holds, said for the key it is; or a uuid the profile's. */
function valueTaken(error: unknown, key: ContactPointKey): DomainError | undefined {
  const unique = violatedUniqueConstraint(error);
  if (unique === 'contact_points_profile_uuid_key') {
    return new DomainError(
      'CONTACT_POINT_UUID_TAKEN',
      'Another contact point of this profile has this uuid',
      {
        path: 'uuid',
      },
    );
  }
  if (unique !== 'contact_points_workspace_key_value_key') return undefined;
  return key === 'email'
    ? new DomainError('PROFILE_EMAIL_TAKEN', 'A profile has this email already', { path: 'value' })
    : new DomainError('PROFILE_PHONE_TAKEN', 'A profile has this phone already', { path: 'value' });
}

/** A profile's contact points, none unless the scope sees the profile. */
function contactPointsOf(db: Executor, scope: Scope, profileId: string) {
  return db
    .selectFrom('contact_points')
    .select(contactPointColumns)
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_id', '=', profileId)
    .$if(scope.organizationIds !== null, (q) => q.where(profileInScope(scope, 'contact_points.profile_id')));
}

/** A profile's contact points, emails first, oldest first. */
export async function findContactPoints(
  db: Executor,
  scope: Scope,
  profileId: string,
): Promise<ContactPoint[]> {
  const rows = await contactPointsOf(db, scope, profileId)
    .orderBy('key')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toContactPoint);
}

export async function findContactPoint(
  db: Executor,
  scope: Scope,
  profileId: string,
  id: string,
): Promise<ContactPoint | undefined> {
  const row = await contactPointsOf(db, scope, profileId).where('id', '=', id).executeTakeFirst();
  return row && toContactPoint(row);
}

export async function findContactPointByValue(
  db: Executor,
  scope: Scope,
  profileId: string,
  key: ContactPointKey,
  value: string,
): Promise<ContactPoint | undefined> {
  const row = await contactPointsOf(db, scope, profileId)
    .where('key', '=', key)
    .where('value', '=', value)
    .executeTakeFirst();
  return row && toContactPoint(row);
}

export async function insertContactPoint(
  db: Executor,
  scope: Scope,
  point: {
    id: string;
    profileId: string;
    key: ContactPointKey;
    value: string;
    uuid: string | null;
    now: Date;
  },
): Promise<ContactPoint> {
  try {
    const row = await db
      .insertInto('contact_points')
      .values({
        workspace_id: scope.workspaceId,
        id: point.id,
        profile_id: point.profileId,
        key: point.key,
        value: point.value,
        uuid: point.uuid,
        created_at: point.now,
        updated_at: point.now,
      })
      .returning(contactPointColumns)
      .executeTakeFirstOrThrow();
    return toContactPoint(row);
  } catch (error) {
    throw valueTaken(error, point.key) ?? error;
  }
}

export async function updateContactPointRow(
  db: Executor,
  scope: Scope,
  id: string,
  /** Left out, the uuid stays as it is. */
  point: { key: ContactPointKey; value: string; uuid?: string | null | undefined; now: Date },
): Promise<ContactPoint> {
  try {
    const row = await db
      .updateTable('contact_points')
      .set({
        key: point.key,
        value: point.value,
        ...(point.uuid === undefined ? {} : { uuid: point.uuid }),
        updated_at: point.now,
      })
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', id)
      .returning(contactPointColumns)
      .executeTakeFirstOrThrow();
    return toContactPoint(row);
  } catch (error) {
    throw valueTaken(error, point.key) ?? error;
  }
}

export async function deleteContactPointRow(db: Executor, scope: Scope, id: string): Promise<void> {
  await db
    .deleteFrom('contact_points')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .execute();
}
