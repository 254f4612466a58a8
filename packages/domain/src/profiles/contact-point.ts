import { z } from 'zod';
import { idSchema } from '../shared/ids.ts';
import { emailSchema, requiredText } from '../shared/text.ts';
import { phoneLengthMax } from './phone.ts';

export const contactPointKeys = ['email', 'phone'] as const;
export type ContactPointKey = (typeof contactPointKeys)[number];

/**
 * An email or phone of a profile (reference 002: contacts). Each value belongs to one profile of a
 * workspace; the profile's `email` and `mobilePhone` are its primary ones.
 */
export interface ContactPoint {
  id: string;
  profileId: string;
  key: ContactPointKey;
  /** An email as stored (trimmed, lower-cased) or a phone in E.164. */
  value: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A phone is checked and stored in E.164 by the API, which knows the workspace's region. */
const contactPointValue = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('email'), value: emailSchema }),
  z.strictObject({ key: z.literal('phone'), value: requiredText('Phone', phoneLengthMax) }),
]);

export const profileContactPointsInput = z.strictObject({ profileId: idSchema });
export type ProfileContactPointsInput = z.output<typeof profileContactPointsInput>;

export const contactPointIdInput = z.strictObject({ profileId: idSchema, id: idSchema });
export type ContactPointIdInput = z.output<typeof contactPointIdInput>;

export const createContactPointInput = z.intersection(profileContactPointsInput, contactPointValue);
export type CreateContactPointInput = z.output<typeof createContactPointInput>;

export const updateContactPointInput = z.intersection(contactPointIdInput, contactPointValue);
export type UpdateContactPointInput = z.output<typeof updateContactPointInput>;

export const contactPointOutput = z.object({
  id: z.string(),
  key: z.enum(contactPointKeys),
  value: z.string(),
  /** Whether this is the profile's `email` or `mobilePhone`. */
  isPrimary: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ContactPointView = z.output<typeof contactPointOutput>;
