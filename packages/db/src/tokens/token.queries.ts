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
  readOnly: boolean;
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
      read_only: token.readOnly,
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
      'api_tokens.read_only',
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
    readOnly: row.read_only,
  };
}

export async function findToken(db: Executor, scope: Scope, id: string): Promise<ApiToken | undefined> {
  const row = await tokensOf(db, scope).where('api_tokens.id', '=', id).executeTakeFirst();
  return row && toApiToken(row);
}

/** The workspace's tokens, or only those of one member, live ones first, newest first. */
export async function findTokens(
  db: Executor,
  scope: Scope,
  filter: { memberId?: MemberId } = {},
): Promise<ApiToken[]> {
  let query = tokensOf(db, scope);
  if (filter.memberId !== undefined) query = query.where('api_tokens.member_id', '=', filter.memberId);
  const rows = await query
    .orderBy((eb) => eb('api_tokens.revoked_at', 'is', null), 'desc')
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id', 'desc')
    .execute();
  return rows.map(toApiToken);
}

/**
 * Marks a live token revoked, given `memberId` only one of that member's; returns it, or undefined
 * if there is no such live token.
 */
export async function markTokenRevoked(
  db: Executor,
  scope: Scope,
  id: string,
  now: Date,
  filter: { memberId?: MemberId } = {},
): Promise<ApiToken | undefined> {
  let query = db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null);
  if (filter.memberId !== undefined) query = query.where('member_id', '=', filter.memberId);
  const revoked = await query.returning('id').executeTakeFirst();
  return revoked && findToken(db, scope, id);
}

type TokenMember = MemberInWorkspace & { tokenId: string; lastUsedAt: Date | null; isReadOnly: boolean };

function liveTokenMembers(db: Executor, scope: Scope) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('members', (join) =>
      join
        .onRef('members.workspace_id', '=', 'api_tokens.workspace_id')
        .onRef('members.id', '=', 'api_tokens.member_id'),
    )
    .innerJoin('workspaces', 'workspaces.id', 'api_tokens.workspace_id')
    .select([
      ...memberInWorkspaceColumns,
      'api_tokens.id as token_id',
      'api_tokens.last_used_at',
      'api_tokens.read_only',
    ])
    .where('api_tokens.workspace_id', '=', scope.workspaceId)
    .where('api_tokens.revoked_at', 'is', null);
}

function toTokenMember(
  row: Awaited<ReturnType<ReturnType<typeof liveTokenMembers>['executeTakeFirstOrThrow']>>,
): TokenMember {
  return {
    ...toMemberInWorkspace(row),
    tokenId: row.token_id,
    lastUsedAt: row.last_used_at,
    isReadOnly: row.read_only,
  };
}

/** The member a live token acts for, by the hash of its secret. */
export async function findTokenMember(
  db: Executor,
  scope: Scope,
  tokenHash: string,
): Promise<TokenMember | undefined> {
  const query = liveTokenMembers(db, scope).where('api_tokens.token_hash', '=', tokenHash);
  const [row] = await executePrepared(db, 'token_member', query.compile());
  return row && toTokenMember(row);
}

/** The member a token acts for, by the token's id, while it is live: its member not removed, it not revoked. */
export async function findLiveTokenMember(
  db: Executor,
  scope: Scope,
  tokenId: string,
): Promise<TokenMember | undefined> {
  const row = await liveTokenMembers(db, scope).where('api_tokens.id', '=', tokenId).executeTakeFirst();
  return row && toTokenMember(row);
}

export async function markTokenUsed(db: Executor, scope: Scope, id: string, now: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .execute();
}
