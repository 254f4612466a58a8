import {
  apiTokenPrefix,
  type ApiToken,
  can,
  DomainError,
  type CreateTokenInput,
  type MemberId,
  type TokenIdInput,
  type WorkspaceId,
} from '@tessera/domain';
import { findToken, findTokens, insertToken, markTokenRevoked } from '@tessera/db/tokens';
import { workspaceScope, type Executor } from '@tessera/db';
import type { AppDeps, MemberContext } from '../context.ts';
import { recordAudit, recordOperatorAudit, type AuditedChange } from '../audit/audit.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';

export interface IssuedToken {
  token: ApiToken;
  /** The token itself: shown once, never stored. */
  secret: string;
}

/** Makes a new API token for a member; only its hash is kept. */
export async function issueToken(
  trx: Executor,
  deps: Pick<AppDeps, 'newId'>,
  owner: { workspaceId: WorkspaceId; memberId: MemberId },
  name: string,
  options: { readOnly?: boolean } = {},
): Promise<IssuedToken> {
  const secret = newSecret(owner.workspaceId, apiTokenPrefix);
  const id = deps.newId();
  const scope = workspaceScope(owner.workspaceId);
  await insertToken(trx, scope, {
    id,
    memberId: owner.memberId,
    name,
    tokenHash: hashSecret(secret),
    lastFour: secret.slice(-4),
    readOnly: options.readOnly ?? false,
  });
  const token = await findToken(trx, scope, id);
  if (!token) throw new Error(`token ${id} vanished inside its own transaction`);
  return { token, secret };
}

function audited(token: ApiToken) {
  return {
    name: token.name,
    memberId: token.memberId,
    lastFour: token.lastFour,
    readOnly: token.readOnly,
    revokedAt: token.revokedAt,
  };
}

function created(token: ApiToken): AuditedChange {
  return {
    action: 'token.create',
    entityType: 'token',
    entityId: token.id,
    before: null,
    after: audited(token),
  };
}

export async function createToken(ctx: MemberContext, input: CreateTokenInput): Promise<IssuedToken> {
  const { member } = ctx.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const issued = await issueToken(
      trx,
      ctx,
      { workspaceId: member.workspaceId, memberId: member.id },
      input.name,
      { readOnly: input.readOnly },
    );
    await recordAudit(trx, ctx, created(issued.token));
    return issued;
  });
}

/** Issues a token from the command line, where no member acts. */
export async function createTokenByOperator(
  deps: Pick<AppDeps, 'db' | 'newId' | 'clock'>,
  owner: { workspaceId: WorkspaceId; memberId: MemberId },
  name: string,
): Promise<IssuedToken> {
  return deps.db.transaction().execute(async (trx) => {
    const issued = await issueToken(trx, deps, owner, name);
    await recordOperatorAudit(trx, deps, workspaceScope(owner.workspaceId), created(issued.token));
    return issued;
  });
}

/** Members who may not manage the workspace's tokens work with their own only. */
function ownedBy(ctx: MemberContext): { memberId?: MemberId } {
  const { member } = ctx.actor;
  return can(member.role, 'tokens.manage') ? {} : { memberId: member.id };
}

/** Every token of the workspace for admins and above; a member's own for the others. */
export function listTokens(ctx: MemberContext): Promise<ApiToken[]> {
  return findTokens(ctx.db, ctx.scope, ownedBy(ctx));
}

export async function revokeToken(ctx: MemberContext, input: TokenIdInput): Promise<ApiToken> {
  const revoked = await ctx.db.transaction().execute(async (trx) => {
    const revoked = await markTokenRevoked(trx, ctx.scope, input.id, ctx.clock.now(), ownedBy(ctx));
    if (!revoked) {
      throw new DomainError('TOKEN_NOT_FOUND', 'No live token has this id', {
        path: 'id',
        details: { id: input.id },
      });
    }
    await recordAudit(trx, ctx, {
      action: 'token.revoke',
      entityType: 'token',
      entityId: revoked.id,
      before: { ...audited(revoked), revokedAt: null },
      after: audited(revoked),
    });
    return revoked;
  });
  ctx.tokenCache.evictToken(revoked.id, ctx.clock.now());
  return revoked;
}
