import type { Member, MemberInWorkspace } from '@tessera/domain';

export const memberInWorkspaceColumns = [
  'members.workspace_id',
  'members.id as member_id',
  'members.email',
  'members.name',
  'members.role',
  'workspaces.slug as workspace_slug',
  'workspaces.name as workspace_name',
] as const;

export function toMemberInWorkspace(row: {
  workspace_id: string;
  member_id: string;
  email: string;
  name: string;
  role: Member['role'];
  workspace_slug: string;
  workspace_name: string;
}): MemberInWorkspace {
  return {
    workspaceId: row.workspace_id,
    id: row.member_id,
    email: row.email,
    name: row.name,
    role: row.role,
    workspaceSlug: row.workspace_slug,
    workspaceName: row.workspace_name,
  };
}
