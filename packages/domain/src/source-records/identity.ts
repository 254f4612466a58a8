import { z } from 'zod';
import { idSchema, sortableIdSchema } from '../shared/ids.ts';

/**
 * How an outside system knows a profile (001: identities): the system (`handle`, a source of its
 * records), the identifier's type and value. One identity of a profile that has any is primary,
 * and its identifier is the profile's `externalId`.
 */
export interface ProfileIdentity {
  id: string;
  profileId: string;
  handle: string;
  type: string;
  identifier: string;
  isPrimary: boolean;
  createdAt: Date;
}

export const profileIdentitiesInput = z.strictObject({ profileId: idSchema });
export type ProfileIdentitiesInput = z.output<typeof profileIdentitiesInput>;

export const setPrimaryIdentityInput = z.strictObject({ profileId: idSchema, id: sortableIdSchema });
export type SetPrimaryIdentityInput = z.output<typeof setPrimaryIdentityInput>;

export const identityOutput = z.object({
  id: z.string(),
  handle: z.string(),
  type: z.string(),
  identifier: z.string(),
  isPrimary: z.boolean(),
  createdAt: z.date(),
});
export type IdentityView = z.output<typeof identityOutput>;

/** The profile's external id: its primary identity's identifier (001: external_id). */
export function externalIdOf(identities: readonly Pick<ProfileIdentity, 'identifier' | 'isPrimary'>[]) {
  return identities.find((identity) => identity.isPrimary)?.identifier ?? null;
}
