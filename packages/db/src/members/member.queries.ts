import {
  DomainError,
  type Member,
  type MemberId,
  type MemberInWorkspace,
  type MemberListing,
  type Role,
  type WorkspaceId,
} from '@tessera/domain';
import type { Executor } from '../client.ts';
import { violatedUniqueConstraint } from '../shared/constraints.ts';
import type { Scope } from '../shared/scope.ts';
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

function listingsOf(db: Executor, scope: Scope) {
  return db
    .selectFrom('members')
    .select((eb) => [
      ...memberColumns,
      'created_at',
      eb('password_hash', 'is not', null).$castTo<boolean>().as('has_password'),
      eb
        .selectFrom('api_tokens')
        .select(eb.cast<number>(eb.fn.countAll(), 'integer').as('count'))
        .whereRef('api_tokens.workspace_id', '=', 'members.workspace_id')
        .whereRef('api_tokens.member_id', '=', 'members.id')
        .where('api_tokens.revoked_at', 'is', null)
        .as('live_token_count'),
    ])
    .where('workspace_id', '=', scope.workspaceId);
}

type ListingRow = Awaited<ReturnType<ReturnType<typeof listingsOf>['executeTakeFirstOrThrow']>>;

function toMemberListing(row: ListingRow): MemberListing {
  return {
    ...toMember(row),
    hasPassword: row.has_password,
    liveTokenCount: row.live_token_count ?? 0,
    createdAt: row.created_at,
  };
}

/** The workspace's members by name. */
export async function findMemberListings(db: Executor, scope: Scope): Promise<MemberListing[]> {
  const rows = await listingsOf(db, scope).orderBy('name').orderBy('email').execute();
  return rows.map(toMemberListing);
}

export async function findMemberListing(
  db: Executor,
  scope: Scope,
  id: MemberId,
): Promise<MemberListing | undefined> {
  const row = await listingsOf(db, scope).where('id', '=', id).executeTakeFirst();
  return row && toMemberListing(row);
}

/**
 * Locks these members and every master of the workspace until the transaction ends, and returns
 * them as they are once locked. Changes of roles and removals take these locks first, so that two
 * of them at once cannot each leave the other's master as the last one and then both go ahead;
 * rows are locked in id order, so that two changes never wait on each other.
 */
export async function lockMembersForChange(
  db: Executor,
  scope: Scope,
  ids: readonly [MemberId, ...MemberId[]],
): Promise<Member[]> {
  const rows = await db
    .selectFrom('members')
    .select(memberColumns)
    .where('workspace_id', '=', scope.workspaceId)
    .where((eb) => eb.or([eb('id', 'in', ids), eb('role', '=', 'master')]))
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map(toMember);
}

/** A member, locked until the transaction ends, so that its role and its organization scope change one at a time. */
export async function lockMember(db: Executor, scope: Scope, id: MemberId): Promise<Member | undefined> {
  const row = await db
    .selectFrom('members')
    .select(memberColumns)
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toMember(row);
}

export async function updateMemberRole(db: Executor, scope: Scope, id: MemberId, role: Role): Promise<void> {
  await db
    .updateTable('members')
    .set({ role })
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .execute();
}

export interface DeletedMember {
  /** The member's sessions, ended. */
  sessionIds: string[];
  /** The member's API tokens that were live, revoked with it. */
  liveTokens: { id: string; name: string; lastFour: string }[];
}

/** Deletes a member with its sessions and API tokens, and says which of them went. */
export async function deleteMember(db: Executor, scope: Scope, id: MemberId): Promise<DeletedMember> {
  const sessions = await db
    .deleteFrom('sessions')
    .where('workspace_id', '=', scope.workspaceId)
    .where('member_id', '=', id)
    .returning('id')
    .execute();
  const tokens = await db
    .deleteFrom('api_tokens')
    .where('workspace_id', '=', scope.workspaceId)
    .where('member_id', '=', id)
    .returning(['id', 'name', 'last_four', 'revoked_at'])
    .execute();
  await db.deleteFrom('members').where('workspace_id', '=', scope.workspaceId).where('id', '=', id).execute();
  return {
    sessionIds: sessions.map((session) => session.id),
    liveTokens: tokens
      .filter((token) => token.revoked_at === null)
      .map((token) => ({ id: token.id, name: token.name, lastFour: token.last_four })),
  };
}
