import {
  DomainError,
  type Member,
  type MemberInWorkspace,
  type Role,
  type WorkspaceId,
} from '@tessera/domain';
import type { Executor } from '../client.ts';
import { violatedUniqueConstraint } from '../shared/constraints.ts';
import { memberInWorkspaceColumns, toMemberInWorkspace } from './member-in-workspace.ts';

const memberColumns = ['workspace_id', 'id', 'email', 'name', 'role'] as const;

function toMember(row: {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: Role;
}): Member {
  return { workspaceId: row.workspace_id, id: row.id, email: row.email, name: row.name, role: row.role };
}

export type MemberWithPassword = MemberInWorkspace & { passwordHash: string | null };

export async function insertMember(
  db: Executor,
  member: Member & { passwordHash: string | null },
): Promise<Member> {
  try {
    const row = await db
      .insertInto('members')
      .values({
        workspace_id: member.workspaceId,
        id: member.id,
        email: member.email,
        name: member.name,
        role: member.role,
        password_hash: member.passwordHash,
      })
      .returning(memberColumns)
      .executeTakeFirstOrThrow();
    return toMember(row);
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'members_workspace_email_key') {
      throw new DomainError('MEMBER_EMAIL_TAKEN', 'A member of this workspace has this email already', {
        path: 'email',
      });
    }
    throw error;
  }
}

/** The members with this email in every workspace, for signing in. */
export async function findMembersForSignIn(db: Executor, email: string): Promise<MemberWithPassword[]> {
  const rows = await db
    .selectFrom('members')
    .innerJoin('workspaces', 'workspaces.id', 'members.workspace_id')
    .select([...memberInWorkspaceColumns, 'members.password_hash'])
    .where('members.email', '=', email)
    .orderBy('workspaces.slug')
    .execute();
  return rows.map((row) => ({ ...toMemberInWorkspace(row), passwordHash: row.password_hash }));
}

export async function findMemberByEmail(
  db: Executor,
  workspaceId: WorkspaceId,
  email: string,
): Promise<Member | undefined> {
  const row = await db
    .selectFrom('members')
    .select(memberColumns)
    .where('workspace_id', '=', workspaceId)
    .where('email', '=', email)
    .executeTakeFirst();
  return row && toMember(row);
}
