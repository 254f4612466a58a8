import { z } from 'zod';
import { adoptedProfileTypeOutput } from '../profile-types/profile-type.schemas.ts';
import { idSchema } from '../shared/ids.ts';
import { pageInput } from '../shared/pagination.ts';
import { emailSchema, optionalEmailSchema, optionalText, requiredText } from '../shared/text.ts';
import { birthdayFields, refineBirthday } from './birthday.ts';
import { countryNumericCodeSchema } from './country.ts';
import { currencyCodeSchema } from './currency.ts';
import { phoneLengthMax } from './phone.ts';
import {
  avatarUrlSchema,
  companySchema,
  genderSchema,
  integrationUuidSchema,
  lifecycles,
  occupationSchema,
  tagsSchema,
  titleSchema,
} from './profile-fields.ts';

export const addressesMax = 20;

export const addressSchema = z.strictObject({
  label: optionalText('Label', 100)
    .optional()
    .transform((value) => value ?? null),
  line1: requiredText('Address line 1'),
  line2: optionalText('Address line 2')
    .optional()
    .transform((value) => value ?? null),
  city: optionalText('City')
    .optional()
    .transform((value) => value ?? null),
  region: optionalText('Region')
    .optional()
    .transform((value) => value ?? null),
  postalCode: optionalText('Postal code', 20)
    .optional()
    .transform((value) => value ?? null),
  countryNumericCode: countryNumericCodeSchema
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  isDefault: z.boolean({ error: 'isDefault must be true or false' }).default(false),
});

/** A profile's addresses: one is the default, the first when none is marked. */
export const addressesSchema = z
  .array(addressSchema, { error: 'Addresses must be a list' })
  .max(addressesMax, `A profile can have at most ${addressesMax} addresses`)
  .superRefine((addresses, ctx) => {
    const defaults = addresses.flatMap((address, index) => (address.isDefault ? [index] : []));
    for (const index of defaults.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'isDefault'],
        message: 'Only one address can be the default',
      });
    }
  })
  .transform((addresses) =>
    addresses.some((address) => address.isDefault)
      ? addresses
      : addresses.map((address, index) => ({ ...address, isDefault: index === 0 })),
  );

/** A phone as typed: it is read in the workspace's default region and stored in E.164 by the API. */
function phoneInput(label: string) {
  return optionalText(label, phoneLengthMax);
}

/** A location configured in the workspace, named by its id or by its external id. */
function locationInput(label: string) {
  return optionalText(label, 255);
}

const dateTimeSchema = z
  .union([
    z.date(),
    z.iso.datetime({ offset: true, error: 'Must be a date and time, like 2024-05-01T09:30:00Z' }),
  ])
  .transform((value) => (value instanceof Date ? value : new Date(value)))
  .refine((value) => !Number.isNaN(value.getTime()), 'Must be a valid date and time');

const statusesSchema = z
  .array(requiredText('Status', 64), { error: 'Statuses must be a list of status handles' })
  .max(50, 'A profile can have at most 50 statuses')
  .transform((handles) => [...new Set(handles)]);

/** The fields a client writes, each optional: left out is "not given" on create and "unchanged" on update. */
const profileFields = {
  title: titleSchema.optional(),
  firstName: requiredText('First name'),
  middleName: optionalText('Middle name').optional(),
  lastName: optionalText('Last name').optional(),
  email: optionalEmailSchema.optional(),
  mobilePhone: phoneInput('Mobile phone').optional(),
  secondaryPhone: phoneInput('Secondary phone').optional(),
  gender: genderSchema.optional(),
  ...birthdayFields,
  countryNumericCode: countryNumericCodeSchema.nullable().optional(),
  currency: currencyCodeSchema.nullable().optional(),
  joinedAt: dateTimeSchema.nullable().optional(),
  company: companySchema.optional(),
  occupation: occupationSchema.optional(),
  avatarUrl: avatarUrlSchema.optional(),
  preferredLocation: locationInput('Preferred location').optional(),
  joinedLocation: locationInput('Joined location').optional(),
  tags: tagsSchema.optional(),
  statuses: statusesSchema.optional(),
  addresses: addressesSchema.optional(),
  /** `deleted` is reached only through `profiles.delete`. */
  lifecycle: z
    .enum(lifecycles.filter((lifecycle) => lifecycle !== 'deleted') as ['temporary', 'pending', 'active'], {
      error: 'Lifecycle must be temporary, pending or active',
    })
    .optional(),
  enabled: z.boolean({ error: 'Enabled must be true or false' }).optional(),
  integrationUuid: integrationUuidSchema.optional(),
};

export const createProfileInput = z.strictObject(profileFields).superRefine(refineBirthday);
export type CreateProfileInput = z.output<typeof createProfileInput>;

export const updateProfileInput = z.strictObject({
  id: idSchema,
  /** The version the caller last read; the update is refused if the profile changed since. */
  version: z.number().int().min(1).optional(),
  ...z.strictObject(profileFields).partial().shape,
});
export type UpdateProfileInput = z.output<typeof updateProfileInput>;

/** Creates the profile with this email or updates the one that has it; a missing middle or last name is kept. */
export const upsertProfileInput = z.strictObject({
  email: emailSchema,
  firstName: profileFields.firstName,
  middleName: profileFields.middleName,
  lastName: profileFields.lastName,
});
export type UpsertProfileInput = z.output<typeof upsertProfileInput>;

export const profileEmailInput = z.strictObject({ email: emailSchema });
export type ProfileEmailInput = z.output<typeof profileEmailInput>;

export const profileIdInput = z.strictObject({ id: idSchema });
export type ProfileIdInput = z.output<typeof profileIdInput>;

export const setProfileTierInput = z.strictObject({
  id: idSchema,
  /** A tier's handle, or null to take the profile's tier away. */
  tier: requiredText('Tier', 64).nullable(),
});
export type SetProfileTierInput = z.output<typeof setProfileTierInput>;

/** What profiles can be sorted by (reference 002's sort_by); ties are broken by id. */
export const profileSortKeys = [
  'createdAt',
  'updatedAt',
  'firstName',
  'middleName',
  'lastName',
  'fullName',
  'enabled',
  'id',
] as const;
export type ProfileSortKey = (typeof profileSortKeys)[number];

/** The deepest page reachable by offset; deeper, a cursor costs the same at any depth. */
export const profileOffsetMax = 10_000;

const dateBound = (label: string) =>
  z
    .union([z.date(), z.iso.datetime({ offset: true, error: `${label} must be a date and time` })])
    .transform((value) => (value instanceof Date ? value : new Date(value)));

/** Filters that combine with each other (reference 002's filter[...]); each is an exact match. */
export const profileFilterInput = z
  .strictObject({
    enabled: z.boolean({ error: 'enabled must be true or false' }),
    firstName: requiredText('First name'),
    middleName: requiredText('Middle name'),
    lastName: requiredText('Last name'),
    fullName: requiredText('Full name', 800),
    integrationUuid: requiredText('Integration id'),
    email: emailSchema,
    /** Read in the workspace's region, as a profile's phones are. */
    phone: requiredText('Phone', phoneLengthMax),
    tag: requiredText('Tag', 100),
    status: requiredText('Status', 64),
    /** Deleted profiles are listed only when this asks for them. */
    lifecycle: z.enum(lifecycles, { error: 'Lifecycle must be temporary, pending, active or deleted' }),
    countryNumericCode: countryNumericCodeSchema,
    createdFrom: dateBound('createdFrom'),
    createdTo: dateBound('createdTo'),
    updatedFrom: dateBound('updatedFrom'),
    updatedTo: dateBound('updatedTo'),
    /** Profiles that adopted this profile type (a segment); none for a type they cannot adopt. */
    profileTypeId: idSchema,
    /** The organization's members; none for an organization the member does not see. */
    organizationId: idSchema,
  })
  .partial();
export type ProfileFilter = z.output<typeof profileFilterInput>;

export const listProfilesInput = pageInput
  .extend({
    /** Rows to skip; a cursor (`cursor`) is the way past the first pages. */
    offset: z
      .number()
      .int()
      .min(0, 'Offset must be 0 or more')
      .max(profileOffsetMax, `Offset must be at most ${profileOffsetMax}: page deeper with the cursor`)
      .optional(),
    sortBy: z
      .enum(profileSortKeys, { error: `sortBy must be one of ${profileSortKeys.join(', ')}` })
      .default('createdAt'),
    sortOrder: z.enum(['asc', 'desc'], { error: 'sortOrder must be asc or desc' }).default('desc'),
    filter: profileFilterInput.default({}),
    /**
     * A search over names, emails, phones, identifiers and ids, tolerant of partial input (each word
     * anywhere; a phone also as typed in the workspace's region): one page of the best matches,
     * exact and prefix matches first; the sort, cursor and offset do not apply to it.
     */
    q: optionalText('Search', 100).optional(),
  })
  .refine((input) => !(input.cursor && input.offset), {
    path: ['offset'],
    message: 'Give either a cursor or an offset, not both',
  })
  .refine((input) => !(input.q && (input.cursor || input.offset)), {
    path: ['q'],
    message: 'A search answers one page of its best matches: leave out the cursor and the offset',
  })
  .prefault({});
export type ListProfilesInput = z.output<typeof listProfilesInput>;

const phoneOutput = z.object({
  e164: z.string(),
  callingCode: z.number(),
  national: z.string(),
  nationalWithPrefix: z.string(),
});

const locationOutput = z.object({ id: z.string(), name: z.string(), externalId: z.string().nullable() });

const addressOutput = z.object({
  label: z.string().nullable(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  countryNumericCode: z.string().nullable(),
  isDefault: z.boolean(),
});

/** What may leave the server of a profile: its fields and the values derived from them. */
export const profileOutput = z.object({
  id: z.string(),
  title: z.string().nullable(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string().nullable(),
  fullName: z.string(),
  email: z.string().nullable(),
  mobilePhone: phoneOutput.nullable(),
  secondaryPhone: phoneOutput.nullable(),
  gender: z.enum(['female', 'male', 'withheld', 'other']).nullable(),
  birthYear: z.number().nullable(),
  birthMonth: z.number().nullable(),
  birthDay: z.number().nullable(),
  birthDate: z.string().nullable(),
  nextBirthday: z.string().nullable(),
  daysUntilBirthday: z.number().nullable(),
  daysSinceBirthday: z.number().nullable(),
  countryNumericCode: z.string().nullable(),
  country: z
    .object({
      numericCode: z.string(),
      alpha2Code: z.string(),
      alpha3Code: z.string(),
      name: z.string(),
      regionCode: z.string(),
      regionName: z.string(),
    })
    .nullable(),
  currency: z.string().nullable(),
  joinedAt: z.date().nullable(),
  company: z.string().nullable(),
  occupation: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  preferredLocation: locationOutput.nullable(),
  joinedLocation: locationOutput.nullable(),
  tier: z.object({ id: z.string(), handle: z.string(), name: z.string(), rank: z.number() }).nullable(),
  tags: z.array(z.string()),
  statuses: z.array(z.string()),
  address: addressOutput.nullable(),
  addresses: z.array(addressOutput),
  lifecycle: z.enum(lifecycles),
  enabled: z.boolean(),
  integrationUuid: z.string().nullable(),
  externalId: z.string().nullable(),
  /** The profile types it adopted, as they are named now. */
  profileTypes: z.array(adoptedProfileTypeOutput),
  /** Its values of the attributes its profile types bundle, by slug. */
  attributes: z.record(z.string(), z.unknown()),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProfileView = z.output<typeof profileOutput>;
