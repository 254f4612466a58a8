import { z } from 'zod';
import { idSchema } from '../shared/ids.ts';
import { emailSchema, optionalText, requiredText } from '../shared/text.ts';
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
  /** The id an integration knows it by (reference 002); unique among the profile's contact points. */
  uuid: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The uuid of a contact point; blank is none. */
export const contactPointUuidSchema = optionalText('Uuid', 255);

/**
 * The fields of `shape` with an email or a phone and its uuid; left out, the uuid stays as it is.
 * A phone is checked and stored in E.164 by the API, which knows the workspace's region.
 */
function withContactValue<Shape extends z.ZodRawShape>(shape: Shape) {
  const uuid = contactPointUuidSchema.optional();
  return z.discriminatedUnion('key', [
    z.strictObject({ ...shape, key: z.literal('email'), value: emailSchema, uuid }),
    z.strictObject({ ...shape, key: z.literal('phone'), value: requiredText('Phone', phoneLengthMax), uuid }),
  ]);
}

export const profileContactPointsInput = z.strictObject({ profileId: idSchema });
export type ProfileContactPointsInput = z.output<typeof profileContactPointsInput>;

export const contactPointIdInput = z.strictObject({ profileId: idSchema, id: idSchema });
export type ContactPointIdInput = z.output<typeof contactPointIdInput>;

export const createContactPointInput = withContactValue(profileContactPointsInput.shape);
export type CreateContactPointInput = z.output<typeof createContactPointInput>;

export const updateContactPointInput = withContactValue(contactPointIdInput.shape);
export type UpdateContactPointInput = z.output<typeof updateContactPointInput>;

export const contactPointOutput = z.object({
  id: z.string(),
  key: z.enum(contactPointKeys),
  value: z.string(),
  uuid: z.string().nullable(),
  /** Whether this is the profile's `email` or `mobilePhone`. */
  isPrimary: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ContactPointView = z.output<typeof contactPointOutput>;
