import type { WorkspaceId } from '../shared/ids.ts';

export interface ProfileName {
  firstName: string;
  middleName: string | null;
  lastName: string | null;
}

export interface Profile extends ProfileName {
  id: string;
  workspaceId: WorkspaceId;
  /** first, middle and last name joined by single spaces, skipping the missing ones */
  fullName: string;
  email: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function fullName(name: ProfileName): string {
  return [name.firstName, name.middleName, name.lastName]
    .filter((part) => part !== null && part !== '')
    .join(' ');
}
