import { z } from 'zod';
import { idSchema } from '../shared/ids.ts';
import { pageInput } from '../shared/pagination.ts';
import { emailSchema, optionalEmailSchema, optionalText, requiredText } from '../shared/text.ts';

const profileFields = {
  firstName: requiredText('First name'),
  middleName: optionalText('Middle name').optional(),
  lastName: optionalText('Last name').optional(),
  email: optionalEmailSchema.optional(),
};

export const createProfileInput = z.object(profileFields);
export type CreateProfileInput = z.output<typeof createProfileInput>;

export const updateProfileInput = z.object({
  id: idSchema,
  /** The version the caller last read; the update is refused if the profile changed since. */
  version: z.number().int().min(1).optional(),
  ...z.object(profileFields).partial().shape,
});
export type UpdateProfileInput = z.output<typeof updateProfileInput>;

/** Creates the profile with this email or updates the one that has it; a missing middle or last name is kept. */
export const upsertProfileInput = z.object({
  email: emailSchema,
  firstName: profileFields.firstName,
  middleName: profileFields.middleName,
  lastName: profileFields.lastName,
});
export type UpsertProfileInput = z.output<typeof upsertProfileInput>;

export const profileEmailInput = z.object({ email: emailSchema });
export type ProfileEmailInput = z.output<typeof profileEmailInput>;

export const profileIdInput = z.object({ id: idSchema });
export type ProfileIdInput = z.output<typeof profileIdInput>;

export const listProfilesInput = pageInput.prefault({});
export type ListProfilesInput = z.output<typeof listProfilesInput>;

export const profileOutput = z.object({
  id: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string().nullable(),
  fullName: z.string(),
  email: z.string().nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
