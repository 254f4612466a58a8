import { requirePermission, type CreateContactInput, type CreatedContactView } from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { addMembership } from './memberships.service.ts';
import { addProfile, profileView } from '../profiles/profiles.service.ts';
import { existingOrganization } from '../organizations/organizations.service.ts';

/**
 * Creates a profile as a contact of an organization (reference 004: a contact created from the
 * account's contacts widget gets a profile, with "Contact" = yes): the profile, its membership
 * flagged as a contact (and as a key contact when asked) and their audit entries, in one
 * transaction, so that a refused profile leaves no membership and a refused membership no profile.
 */
export async function createContact(
  ctx: MemberContext,
  input: CreateContactInput,
): Promise<CreatedContactView> {
  requirePermission(ctx.actor.member.role, 'profiles.write');
  const { organizationId, isKeyContact, membershipAttributes, ...fields } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const organization = await existingOrganization(trx, ctx, organizationId, {
      path: 'organizationId',
      lock: 'forKeyShare',
    });
    const profile = await addProfile(trx, ctx, fields);
    const membership = await addMembership(trx, ctx, {
      organizationId: organization.id,
      profileId: profile.id,
      isContact: true,
      isKeyContact,
      attributes: membershipAttributes,
    });
    return { profile: await profileView(ctx, profile, trx), membership };
  });
}
