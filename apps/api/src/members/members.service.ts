import {
  assertMemberChangeAllowed,
  DomainError,
  keepsOrganizationScope,
  type CreateMemberInput,
  type Member,
  type MemberId,
  type MemberIdInput,
  type MemberListing,
  type UpdateMemberRoleInput,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import {
  deleteMember,
  findMemberListing,
  findMemberListings,
  insertMember,
  lockMembersForChange,
  updateMemberRole,
} from '@tessera/db/members';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { changeOrganizationScope } from './member-scope.service.ts';

export function listMembers(ctx: MemberContext): Promise<MemberListing[]> {
  return findMemberListings(ctx.db, ctx.scope);
}

interface LockedForChange<Target> {
  /** The acting member as it is now, rather than as the request found it. */
  actor: Member;
  target: Target;
  masterCount: number;
}

/** Locks the acting member, the member changed (if any) and the workspace's masters. */
async function lockForChange(trx: Executor, ctx: MemberContext): Promise<LockedForChange<undefined>>;
async function lockForChange(
  trx: Executor,
  ctx: MemberContext,
  targetId: MemberId,
): Promise<LockedForChange<Member>>;
async function lockForChange(
  trx: Executor,
  ctx: MemberContext,
  targetId?: MemberId,
): Promise<LockedForChange<Member | undefined>> {
  const actorId = ctx.actor.member.id;
  const locked = await lockMembersForChange(
    trx,
    ctx.scope,
    targetId === undefined ? [actorId] : [actorId, targetId],
  );
  const actor = locked.find((member) => member.id === actorId);
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'You are no longer a member of this workspace');
  const masterCount = locked.filter((member) => member.role === 'master').length;
  if (targetId === undefined) return { actor, target: undefined, masterCount };
  const target = locked.find((member) => member.id === targetId);
  if (!target) {
    throw new DomainError('MEMBER_NOT_FOUND', 'No member of this workspace has this id', {
      path: 'id',
      details: { id: targetId },
    });
  }
  return { actor, target, masterCount };
}

async function listingOf(trx: Executor, ctx: MemberContext, id: MemberId): Promise<MemberListing> {
  const listing = await findMemberListing(trx, ctx.scope, id);
  if (!listing) throw new Error(`member ${id} vanished inside its own transaction`);
  return listing;
}

function audited(member: Member & { hasPassword: boolean }) {
  return { email: member.email, name: member.name, role: member.role, hasPassword: member.hasPassword };
}

export async function createMember(ctx: MemberContext, input: CreateMemberInput): Promise<MemberListing> {
  const passwordHash = input.password === null ? null : await ctx.passwords.hash(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const { actor, masterCount } = await lockForChange(trx, ctx);
    assertMemberChangeAllowed({ actor: actor.role, target: undefined, role: input.role, masterCount });
    const member = await insertMember(trx, {
      workspaceId: ctx.scope.workspaceId,
      id: ctx.newId(),
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
    });
    const created = await listingOf(trx, ctx, member.id);
    await recordAudit(trx, ctx, {
      action: 'member.create',
      entityType: 'member',
      entityId: member.id,
      before: null,
      after: audited(created),
    });
    return created;
  });
}

/**
 * Gives a member another role; its sessions and API tokens act with the new role from the next
 * request. A member made admin or above is no longer limited to organizations: it sees every one.
 */
export async function changeMemberRole(
  ctx: MemberContext,
  input: UpdateMemberRoleInput,
): Promise<MemberListing> {
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const { actor, target, masterCount } = await lockForChange(trx, ctx, input.id);
    assertMemberChangeAllowed({ actor: actor.role, target, role: input.role, masterCount });
    if (target.role === input.role) return listingOf(trx, ctx, target.id);
    const before = await listingOf(trx, ctx, target.id);
    await updateMemberRole(trx, ctx.scope, target.id, input.role);
    if (!keepsOrganizationScope(input.role)) await changeOrganizationScope(trx, ctx, target.id, null);
    const after = await listingOf(trx, ctx, target.id);
    await recordAudit(trx, ctx, {
      action: 'member.update_role',
      entityType: 'member',
      entityId: target.id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
  ctx.tokenCache.evictMember(changed.id, ctx.clock.now());
  return changed;
}

/** Removes a member from the workspace; its sessions and API tokens stop working at once. */
export async function removeMember(ctx: MemberContext, input: MemberIdInput): Promise<MemberListing> {
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const { actor, target, masterCount } = await lockForChange(trx, ctx, input.id);
    assertMemberChangeAllowed({ actor: actor.role, target, role: null, masterCount });
    const before = await listingOf(trx, ctx, target.id);
    const { sessionIds, liveTokens } = await deleteMember(trx, ctx.scope, target.id);
    await recordAudit(trx, ctx, {
      action: 'member.remove',
      entityType: 'member',
      entityId: target.id,
      before: { ...audited(before), sessionIds, liveTokens },
      after: null,
    });
    return before;
  });
  ctx.tokenCache.evictMember(removed.id, ctx.clock.now());
  return removed;
}
