import type { MemberId, MemberInWorkspace } from '@tessera/domain';
import type { Executor } from '../client.ts';
import type { Scope } from '../shared/scope.ts';
import { executePrepared } from '../shared/prepared.ts';
import { memberInWorkspaceColumns, toMemberInWorkspace } from '../members/member-in-workspace.ts';

export interface NewSession {
  id: string;
  memberId: MemberId;
  tokenHash: string;
  expiresAt: Date;
}

export async function insertSession(db: Executor, scope: Scope, session: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      workspace_id: scope.workspaceId,
      id: session.id,
      member_id: session.memberId,
      token_hash: session.tokenHash,
      expires_at: session.expiresAt,
    })
    .execute();
}

function liveSessionMembers(db: Executor, scope: Scope, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('members', (join) =>
      join
        .onRef('members.workspace_id', '=', 'sessions.workspace_id')
        .onRef('members.id', '=', 'sessions.member_id'),
    )
    .innerJoin('workspaces', 'workspaces.id', 'sessions.workspace_id')
    .select([...memberInWorkspaceColumns, 'sessions.id as session_id'])
    .where('sessions.workspace_id', '=', scope.workspaceId)
    .where('sessions.expires_at', '>', now);
}

/** The member a live session signs in, by the hash of its secret. */
export async function findSessionMember(
  db: Executor,
  scope: Scope,
  tokenHash: string,
  now: Date,
): Promise<(MemberInWorkspace & { sessionId: string }) | undefined> {
  const query = liveSessionMembers(db, scope, now).where('sessions.token_hash', '=', tokenHash);
  const [row] = await executePrepared(db, 'session_member', query.compile());
  return row && { ...toMemberInWorkspace(row), sessionId: row.session_id };
}

/** The member a session signs in, by the session's id, while it is live: not signed out, expired or removed. */
export async function findLiveSessionMember(
  db: Executor,
  scope: Scope,
  sessionId: string,
  now: Date,
): Promise<(MemberInWorkspace & { sessionId: string }) | undefined> {
  const row = await liveSessionMembers(db, scope, now)
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  return row && { ...toMemberInWorkspace(row), sessionId: row.session_id };
}

export async function deleteSession(db: Executor, scope: Scope, sessionId: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', sessionId)
    .execute();
}

/** Deletes a member's sessions that have expired. */
export async function deleteExpiredSessions(
  db: Executor,
  scope: Scope,
  memberId: MemberId,
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('workspace_id', '=', scope.workspaceId)
    .where('member_id', '=', memberId)
    .where('expires_at', '<=', now)
    .execute();
}
