import { DomainError } from '../shared/errors.ts';
import type { WorkspaceId } from '../shared/ids.ts';

/**
 * What a profile is in one organization (reference 004: "can have different attributes under each
 * one"): a flat object of lower snake case keys to text, numbers or true/false.
 */
export type MembershipAttributes = Record<string, string | number | boolean>;
/** Changes to membership attributes by key: a value sets it, null clears it. */
export type MembershipAttributeChanges = Record<string, string | number | boolean | null>;

export const membershipAttributesMax = 50;
export const membershipAttributeKeyLengthMax = 64;
export const membershipAttributeTextLengthMax = 1000;

/** A profile's place in an organization, with its own attributes and the contact flags. */
export interface Membership {
  workspaceId: WorkspaceId;
  organizationId: string;
  profileId: string;
  /** Shown in the organization's contacts (reference 004: "Contact" = yes). */
  isContact: boolean;
  /** One of the organization's key contacts, shown in its contacts too. */
  isKeyContact: boolean;
  attributes: MembershipAttributes;
  createdAt: Date;
  updatedAt: Date;
}

/** A membership as lists show it: with the organization's name and the profile's name and email. */
export interface MembershipListing extends Membership {
  organization: { id: string; name: string };
  profile: { id: string; fullName: string; email: string | null };
}

/** Whether an organization's contacts list shows the membership: contacts and key contacts. */
export function isShownAsContact(membership: Pick<Membership, 'isContact' | 'isKeyContact'>): boolean {
  return membership.isContact || membership.isKeyContact;
}

/** A membership's attributes after changes: each value set, each null cleared; refused past the limit. */
export function changedMembershipAttributes(
  stored: MembershipAttributes,
  changes: MembershipAttributeChanges,
): MembershipAttributes {
  const changed: MembershipAttributes = { ...stored };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete changed[key];
    else changed[key] = value;
  }
  const count = Object.keys(changed).length;
  if (count > membershipAttributesMax) {
    throw new DomainError(
      'INVALID_FIELD',
      `A membership has at most ${membershipAttributesMax} attributes; this change would give it ${count}`,
      { path: 'attributes', details: { limit: membershipAttributesMax } },
    );
  }
  return changed;
}

/**
 * Refuses to remove a profile's last membership: a profile that belongs to an organization always
 * belongs to at least one (reference 004). `membershipCount` counts the profile's memberships,
 * the one removed included.
 */
export function assertNotLastMembership(profileId: string, membershipCount: number): void {
  if (membershipCount > 1) return;
  throw new DomainError(
    'LAST_MEMBERSHIP',
    'This is the profile’s only organization: add it to another one first, or delete the profile',
    { path: 'organizationId', details: { profileId } },
  );
}
