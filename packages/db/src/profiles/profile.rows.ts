import { fullName, type Profile } from '@tessera/domain';
import type { ProfileRow } from './profile.table.ts';

/** The columns a `Profile` is read from. */
export const profileColumns = [
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

export function toProfile(row: ProfileRow): Profile {
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
