import { DomainError, fullName, type KeysetPosition, type Profile, type WorkspaceId } from '@tessera/domain';
import type { Executor } from '../client.ts';
import type { ProfileRow } from '../schema.ts';
import { violatedUniqueConstraint } from '../shared/constraints.ts';

const profileColumns = [
  'workspace_id',
  'id',
  'first_name',
  'middle_name',
  'last_name',
  'email',
  'version',
  'created_at',
  'updated_at',
] as const;

function toProfile(row: ProfileRow): Profile {
  const name = { firstName: row.first_name, middleName: row.middle_name, lastName: row.last_name };
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    ...name,
    fullName: fullName(name),
    email: row.email,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function emailTaken(error: unknown): DomainError | undefined {
  return violatedUniqueConstraint(error) === 'profiles_workspace_email_key'
    ? new DomainError('PROFILE_EMAIL_TAKEN', 'Another profile has this email already', { path: 'email' })
    : undefined;
}

export interface ProfileFields {
  firstName: string;
  middleName: string | null;
  lastName: string | null;
  email: string | null;
}

export async function insertProfile(
  db: Executor,
  workspaceId: WorkspaceId,
  profile: ProfileFields & { id: string; now: Date },
): Promise<Profile> {
  try {
    const row = await db
      .insertInto('profiles')
      .values({
        workspace_id: workspaceId,
        id: profile.id,
        first_name: profile.firstName,
        middle_name: profile.middleName,
        last_name: profile.lastName,
        email: profile.email,
        created_at: profile.now,
        updated_at: profile.now,
      })
      .returning(profileColumns)
      .executeTakeFirstOrThrow();
    return toProfile(row);
  } catch (error) {
    throw emailTaken(error) ?? error;
  }
}

export async function findProfile(
  db: Executor,
  workspaceId: WorkspaceId,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Profile | undefined> {
  let query = db.selectFrom('profiles').select(profileColumns).where('workspace_id', '=', workspaceId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toProfile(row);
}

/** A page of profiles, newest first, starting after `after`. */
export async function listProfiles(
  db: Executor,
  workspaceId: WorkspaceId,
  page: { limit: number; after: KeysetPosition | undefined },
): Promise<Profile[]> {
  let query = db.selectFrom('profiles').select(profileColumns).where('workspace_id', '=', workspaceId);
  if (page.after) {
    const { createdAt, id } = page.after;
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map(toProfile);
}

/** Writes new field values and bumps the version. */
export async function updateProfile(
  db: Executor,
  workspaceId: WorkspaceId,
  id: string,
  fields: ProfileFields & { now: Date },
): Promise<Profile> {
  try {
    const row = await db
      .updateTable('profiles')
      .set((eb) => ({
        first_name: fields.firstName,
        middle_name: fields.middleName,
        last_name: fields.lastName,
        email: fields.email,
        updated_at: fields.now,
        version: eb('version', '+', 1),
      }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returning(profileColumns)
      .executeTakeFirstOrThrow();
    return toProfile(row);
  } catch (error) {
    throw emailTaken(error) ?? error;
  }
}

export async function deleteProfile(db: Executor, workspaceId: WorkspaceId, id: string): Promise<boolean> {
  const result = await db.deleteFrom('profiles').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
