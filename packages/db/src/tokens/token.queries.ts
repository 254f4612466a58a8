import type { ApiToken, MemberId, MemberInWorkspace } from '@tessera/domain';
import type { Executor } from '../client.ts';
import type { Scope } from '../shared/scope.ts';
import { executePrepared } from '../shared/prepared.ts';
import { memberInWorkspaceColumns, toMemberInWorkspace } from '../members/member-in-workspace.ts';

export interface NewApiToken {
  id: string;
  memberId: MemberId;
  name: string;
  tokenHash: string;
  lastFour: string;
}

export async function insertToken(db: Executor, scope: Scope, token: NewApiToken): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      workspace_id: scope.workspaceId,
      id: token.id,
      member_id: token.memberId,
      name: token.name,
      token_hash: token.tokenHash,
      last_four: token.lastFour,
    })
    .execute();
}

function tokensOf(db: Executor, scope: Scope) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('members', (join) =>
      join
        .onRef('members.workspace_id', '=', 'api_tokens.workspace_id')
        .onRef('members.id', '=', 'api_tokens.member_id'),
    )
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.member_id',
      'members.email',
      'api_tokens.last_four',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
    ])
    .where('api_tokens.workspace_id', '=', scope.workspaceId);
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof tokensOf>['executeTakeFirstOrThrow']>>;

function toApiToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    memberId: row.member_id,
    memberEmail: row.email,
    lastFour: row.last_four,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function findToken(db: Executor, scope: Scope, id: string): Promise<ApiToken | undefined> {
  const row = await tokensOf(db, scope).where('api_tokens.id', '=', id).executeTakeFirst();
  return row && toApiToken(row);
}

/** The workspace's tokens, live ones first, newest first. */
export async function findTokens(db: Executor, scope: Scope): Promise<ApiToken[]> {
  const rows = await tokensOf(db, scope)
    .orderBy((eb) => eb('api_tokens.revoked_at', 'is', null), 'desc')
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id', 'desc')
    .execute();
  return rows.map(toApiToken);
}

/** Marks a live token revoked; returns it, or undefined if there is no live token with this id. */
export async function markTokenRevoked(
  db: Executor,
  scope: Scope,
  id: string,
  now: Date,
): Promise<ApiToken | undefined> {
  const revoked = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return revoked && findToken(db, scope, id);
}

/** The member a live token acts for, by the hash of its secret. */
export async function findTokenMember(
  db: Executor,
  scope: Scope,
  tokenHash: string,
): Promise<(MemberInWorkspace & { tokenId: string; lastUsedAt: Date | null }) | undefined> {
  const query = db
    .selectFrom('api_tokens')
    .innerJoin('members', (join) =>
      join
        .onRef('members.workspace_id', '=', 'api_tokens.workspace_id')
        .onRef('members.id', '=', 'api_tokens.member_id'),
    )
    .innerJoin('workspaces', 'workspaces.id', 'api_tokens.workspace_id')
    .select([...memberInWorkspaceColumns, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.workspace_id', '=', scope.workspaceId)
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null);
  const [row] = await executePrepared(db, 'token_member', query.compile());
  return row && { ...toMemberInWorkspace(row), tokenId: row.token_id, lastUsedAt: row.last_used_at };
}

export async function markTokenUsed(db: Executor, scope: Scope, id: string, now: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .execute();
}
