import { workspaceScope } from '@tessera/db';
import { apiTokenPrefix, DomainError, type Me, type SignInInput } from '@tessera/domain';
import { findMemberOrganizationScope, findMembersForSignIn } from '@tessera/db/members';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSessionMember,
  findSessionMember,
  insertSession,
} from '@tessera/db/sessions';
import { findLiveTokenMember, findTokenMember, markTokenUsed } from '@tessera/db/tokens';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor, AppDeps, MemberContext, RequestContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { hashSecret, newSecret, workspaceOfSecret } from './secrets.ts';

export const sessionCookieName = 'tessera_session';
const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;
/** How stale a token's `lastUsedAt` may get before a request writes it again. */
const tokenUseResolutionMs = 60 * 1000;

/** Refused with TOKEN_READ_ONLY when the actor acts through a read-only API token. */
export function refuseReadOnlyWrite(actor: Actor): void {
  if (actor.isReadOnly) {
    throw new DomainError('TOKEN_READ_ONLY', 'This API token is read-only: it may not change anything');
  }
}

/** Finds who a request acts as, from its bearer token or its session cookie. */
export async function authenticate(deps: AppDeps, headers: IncomingHttpHeaders): Promise<Actor | null> {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const workspaceId = token && workspaceOfSecret(token, apiTokenPrefix);
    if (!token || !workspaceId) return null;
    const tokenHash = hashSecret(token);
    const now = deps.clock.now();
    const cached = deps.tokenCache.get(tokenHash, now);
    if (cached) return cached;
    const found = await findTokenMember(deps.db, workspaceScope(workspaceId), tokenHash);
    if (!found) return null;
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > tokenUseResolutionMs) {
      await markTokenUsed(deps.db, workspaceScope(workspaceId), found.tokenId, now);
    }
    const { tokenId, lastUsedAt: _lastUsedAt, isReadOnly, ...member } = found;
    const organizationIds = await findMemberOrganizationScope(
      deps.db,
      workspaceScope(workspaceId),
      member.id,
    );
    if (organizationIds === undefined) return null;
    const actor = { member, sessionId: null, tokenId, isReadOnly, organizationIds };
    deps.tokenCache.set(tokenHash, actor, now);
    return actor;
  }
  const secret = headers.cookie ? parseCookies(headers.cookie)[sessionCookieName] : undefined;
  const workspaceId = secret && workspaceOfSecret(secret);
  if (!secret || !workspaceId) return null;
  const found = await findSessionMember(
    deps.db,
    workspaceScope(workspaceId),
    hashSecret(secret),
    deps.clock.now(),
  );
  if (!found) return null;
  const { sessionId, ...member } = found;
  const organizationIds = await findMemberOrganizationScope(deps.db, workspaceScope(workspaceId), member.id);
  if (organizationIds === undefined) return null;
  return { member, sessionId, tokenId: null, organizationIds };
}

/**
 * Who an actor is now, read from the database past the token cache: null once its API token is
 * revoked, its session ended or its member removed; with its role and organization scope as they are now.
 */
export async function findActorAgain(deps: AppDeps, actor: Actor): Promise<Actor | null> {
  const scope = workspaceScope(actor.member.workspaceId);
  const found = actor.tokenId
    ? await findLiveTokenMember(deps.db, scope, actor.tokenId)
    : actor.sessionId
      ? await findLiveSessionMember(deps.db, scope, actor.sessionId, deps.clock.now())
      : undefined;
  if (!found) return null;
  const organizationIds = await findMemberOrganizationScope(deps.db, scope, found.id);
  if (organizationIds === undefined) return null;
  const { workspaceId, id, email, name, role, workspaceSlug, workspaceName } = found;
  return {
    ...actor,
    member: { workspaceId, id, email, name, role, workspaceSlug, workspaceName },
    isReadOnly: 'isReadOnly' in found && found.isReadOnly,
    organizationIds,
  };
}

function sessionCookie(ctx: RequestContext, secret: string, maxAgeSeconds: number): string {
  return serializeCookie(sessionCookieName, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.isCookieSecure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export async function signIn(ctx: RequestContext, input: SignInInput): Promise<Me> {
  const retryAfterSeconds = ctx.signInThrottle.retryAfterSeconds(input.email, ctx.ip, ctx.clock.now());
  if (retryAfterSeconds > 0) {
    throw new DomainError(
      'SIGN_IN_THROTTLED',
      `Too many failed sign-ins: try again in ${retryAfterSeconds} s`,
      {
        details: { retryAfterSeconds },
      },
    );
  }
  const candidates = (await findMembersForSignIn(ctx.db, input.email)).filter(
    (member) => input.workspace === undefined || member.workspaceSlug === input.workspace,
  );
  const matching = [];
  for (const candidate of candidates) {
    if (await ctx.passwords.verify(candidate.passwordHash, input.password)) matching.push(candidate);
  }
  if (candidates.length === 0) await ctx.passwords.verify(null, input.password);
  const [member, ...others] = matching;
  if (!member) {
    ctx.signInThrottle.recordFailure(input.email, ctx.ip, ctx.clock.now());
    throw new DomainError('INVALID_CREDENTIALS', 'The email or the password is wrong', { path: 'password' });
  }
  ctx.signInThrottle.recordSuccess(input.email, ctx.ip, ctx.clock.now());
  if (others.length > 0) {
    throw new DomainError(
      'WORKSPACE_REQUIRED',
      'This email signs in to several workspaces: name the workspace',
      {
        path: 'workspace',
      },
    );
  }
  const scope = workspaceScope(member.workspaceId);
  const secret = newSecret(member.workspaceId);
  const sessionId = ctx.newId();
  const { passwordHash: _passwordHash, ...signedIn } = member;
  const organizationIds = await findMemberOrganizationScope(ctx.db, scope, member.id);
  const actor: Actor = { member: signedIn, sessionId, tokenId: null, organizationIds };
  await ctx.db.transaction().execute(async (trx) => {
    await deleteExpiredSessions(trx, scope, member.id, ctx.clock.now());
    await insertSession(trx, scope, {
      id: sessionId,
      memberId: member.id,
      tokenHash: hashSecret(secret),
      expiresAt: new Date(ctx.clock.now().getTime() + sessionLifetimeMs),
    });
    await recordAudit(
      trx,
      { ...ctx, actor, scope },
      { ...sessionChange(actor), action: 'member.sign_in', before: null, after: { sessionId } },
    );
  });
  ctx.setCookie(sessionCookie(ctx, secret, sessionLifetimeMs / 1000));
  return toMe(actor);
}

function sessionChange(actor: Actor) {
  return { entityType: 'member', entityId: actor.member.id };
}

export async function signOut(ctx: MemberContext): Promise<{ isSignedOut: true }> {
  const { sessionId } = ctx.actor;
  if (sessionId) {
    await ctx.db.transaction().execute(async (trx) => {
      await deleteSession(trx, ctx.scope, sessionId);
      await recordAudit(trx, ctx, {
        ...sessionChange(ctx.actor),
        action: 'member.sign_out',
        before: { sessionId },
        after: null,
      });
    });
  }
  ctx.setCookie(sessionCookie(ctx, '', 0));
  return { isSignedOut: true };
}

export function toMe(actor: Actor): Me {
  const { member } = actor;
  return {
    member: { id: member.id, email: member.email, name: member.name, role: member.role },
    workspace: { id: member.workspaceId, slug: member.workspaceSlug, name: member.workspaceName },
    via: actor.tokenId ? 'token' : 'session',
    organizationIds: actor.organizationIds ? [...actor.organizationIds] : null,
  };
}
