import type { Executor } from '@tessera/db';
import {
  findMemberListing,
  findMemberOrganizationScope,
  lockMember,
  setMemberOrganizationScope,
} from '@tessera/db/members';
import { findOrganizationIds } from '@tessera/db/organizations';
import {
  DomainError,
  organizationScopeFor,
  type MemberId,
  type MemberOrganizationScopeInput,
  type OrganizationScopeView,
  type SetOrganizationScopeInput,
} from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';

function memberNotFound(id: string): DomainError {
  return new DomainError('MEMBER_NOT_FOUND', 'No member of this workspace has this id', {
    path: 'memberId',
    details: { id },
  });
}

function isSameScope(one: readonly string[] | null, other: readonly string[] | null): boolean {
  if (one === null || other === null) return one === other;
  return one.length === other.length && one.every((id) => other.includes(id));
}

/** The organizations a member may see: null for every one. */
export async function getOrganizationScope(
  ctx: MemberContext,
  input: MemberOrganizationScopeInput,
): Promise<OrganizationScopeView> {
  const member = await findMemberListing(ctx.db, ctx.scope, input.memberId);
  const organizationIds = await findMemberOrganizationScope(ctx.db, ctx.scope, input.memberId);
  if (!member || organizationIds === undefined) throw memberNotFound(input.memberId);
  return { memberId: member.id, role: member.role, organizationIds };
}

/**
 * Writes a member's organization scope and its audit entry, in the caller's transaction, unless
 * it is the scope the member has; the member is locked (`lockMember`). Its API tokens must be
 * evicted from the token cache once the transaction commits.
 */
export async function changeOrganizationScope(
  trx: Executor,
  ctx: MemberContext,
  memberId: MemberId,
  organizationIds: readonly string[] | null,
): Promise<void> {
  const before = (await findMemberOrganizationScope(trx, ctx.scope, memberId)) ?? null;
  if (isSameScope(before, organizationIds)) return;
  await setMemberOrganizationScope(trx, ctx.scope, memberId, organizationIds);
  await recordAudit(trx, ctx, {
    action: 'member.set_organization_scope',
    entityType: 'member',
    entityId: memberId,
    before: { organizationIds: before },
    after: { organizationIds },
  });
}

/**
 * Limits an agent or viewer to some organizations of the workspace (reference 004: admins define
 * the accounts each member may see), or with an empty list or null lets it see every one. It acts
 * with the new scope from its next request, through its sessions and its API tokens alike.
 */
export async function setOrganizationScope(
  ctx: MemberContext,
  input: SetOrganizationScopeInput,
): Promise<OrganizationScopeView> {
  const view = await ctx.db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, ctx.scope, input.memberId);
    if (!member) throw memberNotFound(input.memberId);
    const organizationIds = organizationScopeFor(member.role, input.organizationIds);
    if (organizationIds !== null) {
      const found = await findOrganizationIds(trx, ctx.scope, organizationIds);
      const missing = (input.organizationIds ?? []).findIndex((id) => !found.includes(id));
      if (missing !== -1) {
        throw new DomainError('ORGANIZATION_NOT_FOUND', 'No organization has this id', {
          path: `organizationIds.${missing}`,
        });
      }
    }
    await changeOrganizationScope(trx, ctx, member.id, organizationIds);
    return { memberId: member.id, role: member.role, organizationIds };
  });
  ctx.tokenCache.evictMember(view.memberId, ctx.clock.now());
  return view;
}
