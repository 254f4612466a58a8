import type { Executor } from '@tessera/db';
import {
  countMembershipsOfProfile,
  deleteMembershipRow,
  findMembership,
  findMembershipListing,
  findOrganizationMembers,
  findProfileMemberships,
  insertMembership,
  lockProfilesForMemberships,
  updateMembershipRow,
  type MembershipKey,
} from '@tessera/db/memberships';
import { findProfile } from '@tessera/db/profiles';
import {
  assertNotLastMembership,
  changedMembershipAttributes,
  decodeCursor,
  DomainError,
  encodeCursor,
  type CreateMembershipInput,
  type ListMembershipsInput,
  type Membership,
  type MembershipKeyInput,
  type MembershipListing,
  type MembershipView,
  type Page,
  type UpdateMembershipInput,
} from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { existingOrganization } from '../organizations/organizations.service.ts';
import { deletedProfile } from '../profiles/profiles.service.ts';

export function toMembershipView(listing: MembershipListing): MembershipView {
  const { workspaceId: _workspaceId, ...view } = listing;
  return view;
}

function membershipNotFound(): DomainError {
  return new DomainError('MEMBERSHIP_NOT_FOUND', 'This profile does not belong to this organization', {
    path: 'profileId',
  });
}

function profileNotFound(id: string): DomainError {
  return new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', {
    path: 'profileId',
    details: { id },
  });
}

/** What an audit entry keeps of a membership: it is recorded in its profile's trail. */
function audited(membership: Membership) {
  return {
    organizationId: membership.organizationId,
    isContact: membership.isContact,
    isKeyContact: membership.isKeyContact,
    attributes: membership.attributes,
  };
}

/** A membership as a client reads it, read in the caller's transaction. */
async function viewOf(db: Executor, ctx: MemberContext, key: MembershipKey): Promise<MembershipView> {
  const listing = await findMembershipListing(db, ctx.scope, key);
  if (!listing) throw new Error('a membership vanished inside its own transaction');
  return toMembershipView(listing);
}

/**
 * Adds a profile to an organization, in the caller's transaction, with its audit entry; the
 * organization is held against deletion until the transaction ends.
 */
export async function addMembership(
  trx: Executor,
  ctx: MemberContext,
  membership: MembershipKey & Pick<Membership, 'isContact' | 'isKeyContact' | 'attributes'>,
): Promise<MembershipView> {
  const added = await insertMembership(trx, ctx.scope, { ...membership, now: ctx.clock.now() });
  await recordAudit(trx, ctx, {
    action: 'membership.create',
    entityType: 'profile',
    entityId: added.profileId,
    before: null,
    after: audited(added),
  });
  return viewOf(trx, ctx, added);
}

/** Adds a profile the member sees to an organization it sees; a deleted profile is refused. */
export async function createMembership(
  ctx: MemberContext,
  input: CreateMembershipInput,
): Promise<MembershipView> {
  return ctx.db.transaction().execute(async (trx) => {
    await existingOrganization(trx, ctx, input.organizationId, {
      path: 'organizationId',
      lock: 'forKeyShare',
    });
    const profile = await findProfile(trx, ctx.scope, input.profileId);
    if (!profile) throw profileNotFound(input.profileId);
    if (profile.lifecycle === 'deleted') throw deletedProfile('profileId', profile.id);
    return addMembership(trx, ctx, input);
  });
}

/** Changes a membership's flags, and sets or clears (null) its attributes by key. */
export async function updateMembership(
  ctx: MemberContext,
  input: UpdateMembershipInput,
): Promise<MembershipView> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findMembership(trx, ctx.scope, input, { forUpdate: true });
    if (!before) throw membershipNotFound();
    const after = {
      ...before,
      isContact: input.isContact ?? before.isContact,
      isKeyContact: input.isKeyContact ?? before.isKeyContact,
      attributes: changedMembershipAttributes(before.attributes, input.attributes ?? {}),
    };
    await updateMembershipRow(trx, ctx.scope, input, { ...after, now: ctx.clock.now() });
    await recordAudit(trx, ctx, {
      action: 'membership.update',
      entityType: 'profile',
      entityId: before.profileId,
      before: audited(before),
      after: audited(after),
    });
    return viewOf(trx, ctx, input);
  });
}

/**
 * Takes a profile out of an organization. Its last one is refused with LAST_MEMBERSHIP: a profile
 * that belongs to an organization always belongs to one (reference 004); delete the profile, or
 * add it to another organization first.
 */
export async function deleteMembership(
  ctx: MemberContext,
  input: MembershipKeyInput,
): Promise<MembershipKey> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockProfilesForMemberships(trx, ctx.scope, [input.profileId]);
    const before = await findMembership(trx, ctx.scope, input);
    if (!before) throw membershipNotFound();
    assertNotLastMembership(
      before.profileId,
      await countMembershipsOfProfile(trx, ctx.scope, before.profileId),
    );
    await deleteMembershipRow(trx, ctx.scope, input);
    await recordAudit(trx, ctx, {
      action: 'membership.delete',
      entityType: 'profile',
      entityId: before.profileId,
      before: audited(before),
      after: null,
    });
    return { organizationId: before.organizationId, profileId: before.profileId };
  });
}

const memberSort = 'fullName:asc';
const organizationSort = 'name:asc';

/**
 * An organization's members that are not deleted, by name (its contacts and key contacts only,
 * with `contactsOnly`), or the organizations a profile belongs to, by name: those the member sees.
 */
export async function listMemberships(
  ctx: MemberContext,
  input: ListMembershipsInput,
): Promise<Page<MembershipView>> {
  const page = async (
    sort: string,
    find: (after: { value: string; id: string } | undefined) => Promise<MembershipListing[]>,
    positionOf: (listing: MembershipListing) => { value: string; id: string },
  ): Promise<Page<MembershipView>> => {
    const position = input.cursor ? decodeCursor(input.cursor, sort) : undefined;
    const rows = await find(position && { value: String(position.value), id: position.id });
    const items = rows.slice(0, input.limit);
    const last = items.at(-1);
    return {
      items: items.map(toMembershipView),
      nextCursor: rows.length > input.limit && last ? encodeCursor({ sort, ...positionOf(last) }) : null,
    };
  };
  if ('organizationId' in input) {
    const organization = await existingOrganization(ctx.db, ctx, input.organizationId, {
      path: 'organizationId',
    });
    return page(
      memberSort,
      (after) =>
        findOrganizationMembers(ctx.db, ctx.scope, {
          organizationId: organization.id,
          contactsOnly: input.contactsOnly,
          limit: input.limit + 1,
          after: after && { fullName: after.value, profileId: after.id },
        }),
      (listing) => ({ value: listing.profile.fullName, id: listing.profileId }),
    );
  }
  const profile = await findProfile(ctx.db, ctx.scope, input.profileId);
  if (!profile) throw profileNotFound(input.profileId);
  return page(
    organizationSort,
    (after) =>
      findProfileMemberships(ctx.db, ctx.scope, {
        profileId: profile.id,
        limit: input.limit + 1,
        after: after && { name: after.value, organizationId: after.id },
      }),
    (listing) => ({ value: listing.organization.name, id: listing.organizationId }),
  );
}
