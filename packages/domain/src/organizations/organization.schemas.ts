import { z } from 'zod';
import { roleSchema } from '../members/role.ts';
import { adoptedProfileTypeOutput } from '../profile-types/profile-type.schemas.ts';
import { refineBirthday } from '../profiles/birthday.ts';
import { createProfileInput, profileOutput } from '../profiles/profile.schemas.ts';
import { idSchema } from '../shared/ids.ts';
import { pageInput } from '../shared/pagination.ts';
import { optionalText, requiredText, text } from '../shared/text.ts';
import {
  membershipAttributeKeyLengthMax,
  membershipAttributesMax,
  membershipAttributeTextLengthMax,
} from '../memberships/membership.ts';
import {
  isHostName,
  organizationDomainLengthMax,
  organizationExternalIdLengthMax,
  organizationNameLengthMax,
} from './organization.ts';
import { organizationScopeMax } from './organization-scope.ts';

/** A host name, trimmed and lower-cased, a final dot dropped; blank becomes null. */
const domainSchema = text('Domain')
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/\.$/, ''))
  .pipe(
    z
      .string()
      .max(organizationDomainLengthMax, {
        error: `Domain must be at most ${organizationDomainLengthMax} characters`,
        abort: true,
      })
      .refine(
        (value) => value === '' || isHostName(value),
        'Domain must be a host name, like example.com (no https:// and no path)',
      ),
  )
  .transform((value) => (value === '' ? null : value))
  .nullable();

const organizationFields = {
  name: requiredText('Name', organizationNameLengthMax),
  /** The account's id in the systems it comes from; unique in the workspace. */
  externalId: optionalText('External id', organizationExternalIdLengthMax),
  domain: domainSchema,
};

export const createOrganizationInput = z.strictObject({
  name: organizationFields.name,
  externalId: organizationFields.externalId.optional(),
  domain: organizationFields.domain.optional(),
});
export type CreateOrganizationInput = z.output<typeof createOrganizationInput>;

/** Left out is unchanged; null (or blank) clears the external id or the domain. */
export const updateOrganizationInput = z.strictObject({
  id: idSchema,
  ...z.strictObject(organizationFields).partial().shape,
});
export type UpdateOrganizationInput = z.output<typeof updateOrganizationInput>;

export const organizationIdInput = z.strictObject({ id: idSchema });
export type OrganizationIdInput = z.output<typeof organizationIdInput>;

export const listOrganizationsInput = pageInput
  .extend({
    /**
     * A search over the name, external id and domain, tolerant of partial input: one page of the
     * best matches, exact and word-start matches first; the cursor does not apply to it.
     */
    q: optionalText('Search', 100).optional(),
  })
  .refine((input) => !(input.q && input.cursor), {
    path: ['q'],
    message: 'A search answers one page of its best matches: leave out the cursor',
  })
  .prefault({});
export type ListOrganizationsInput = z.output<typeof listOrganizationsInput>;

/** What may leave the server of an organization. */
export const organizationOutput = z.object({
  id: z.string(),
  name: z.string(),
  externalId: z.string().nullable(),
  domain: z.string().nullable(),
  /** The profile types it adopted, as they are named now. */
  profileTypes: z.array(adoptedProfileTypeOutput),
  /** Its values of the attributes its profile types bundle, by slug. */
  attributes: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type OrganizationView = z.output<typeof organizationOutput>;

export const organizationPageOutput = z.object({
  items: z.array(organizationOutput),
  nextCursor: z.string().nullable(),
});

const membershipAttributeKeySchema = z
  .string()
  .max(membershipAttributeKeyLengthMax, `A key must be at most ${membershipAttributeKeyLengthMax} characters`)
  .regex(
    /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,
    'A key must be lower snake case: a letter, then letters, digits and single underscores',
  );

const membershipAttributeValueSchema = z.union(
  [
    text('A value').max(
      membershipAttributeTextLengthMax,
      `A value must be at most ${membershipAttributeTextLengthMax} characters`,
    ),
    z.number(),
    z.boolean(),
  ],
  { error: 'A value must be text, a finite number, or true or false' },
);

function attributesObject<V extends z.ZodType>(value: V) {
  return z
    .record(membershipAttributeKeySchema, value, {
      error: 'Attributes must be an object of keys to text, numbers or true/false',
    })
    .refine(
      (attributes) => Object.keys(attributes).length <= membershipAttributesMax,
      `A membership has at most ${membershipAttributesMax} attributes`,
    );
}

/**
 * A profile's attributes in one organization: at most 50 keys in lower snake case (at most 64
 * characters), each text (at most 1,000 characters), a finite number, or true or false.
 */
export const membershipAttributesSchema = attributesObject(membershipAttributeValueSchema);
/** Changes to membership attributes: a value sets its key, null clears it. */
export const membershipAttributeChangesSchema = attributesObject(membershipAttributeValueSchema.nullable());

const membershipKey = { organizationId: idSchema, profileId: idSchema };

export const createMembershipInput = z.strictObject({
  ...membershipKey,
  isContact: z.boolean({ error: 'isContact must be true or false' }).default(false),
  isKeyContact: z.boolean({ error: 'isKeyContact must be true or false' }).default(false),
  attributes: membershipAttributesSchema.default({}),
});
export type CreateMembershipInput = z.output<typeof createMembershipInput>;

/** Left out is unchanged; `attributes` sets the keys given and clears those given null. */
export const updateMembershipInput = z.strictObject({
  ...membershipKey,
  isContact: z.boolean({ error: 'isContact must be true or false' }).optional(),
  isKeyContact: z.boolean({ error: 'isKeyContact must be true or false' }).optional(),
  attributes: membershipAttributeChangesSchema.optional(),
});
export type UpdateMembershipInput = z.output<typeof updateMembershipInput>;

export const membershipKeyInput = z.strictObject(membershipKey);
export type MembershipKeyInput = z.output<typeof membershipKeyInput>;

const oneOfMessage = 'Give either organizationId (its members) or profileId (its organizations)';

/**
 * An organization's members, by name (with `contactsOnly`, its contacts and key contacts: reference
 * 004's contacts widget), or a profile's organizations, by name.
 */
export const listMembershipsInput = z.union(
  [
    z.strictObject({
      ...pageInput.shape,
      organizationId: idSchema,
      contactsOnly: z.boolean({ error: 'contactsOnly must be true or false' }).default(false),
    }),
    z.strictObject({ ...pageInput.shape, profileId: idSchema }),
  ],
  { error: oneOfMessage },
);
export type ListMembershipsInput = z.output<typeof listMembershipsInput>;

/** What may leave the server of a membership. */
export const membershipOutput = z.object({
  organizationId: z.string(),
  profileId: z.string(),
  isContact: z.boolean(),
  isKeyContact: z.boolean(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  organization: z.object({ id: z.string(), name: z.string() }),
  profile: z.object({ id: z.string(), fullName: z.string(), email: z.string().nullable() }),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type MembershipView = z.output<typeof membershipOutput>;

export const membershipPageOutput = z.object({
  items: z.array(membershipOutput),
  nextCursor: z.string().nullable(),
});

/**
 * Creates a profile as a contact of an organization (reference 004: a contact created from the
 * account's contacts widget), its membership flagged as a contact, in one transaction: the
 * profile's fields as `profiles.create` takes them, beside the organization, whether the contact
 * is a key contact and the membership's own attributes.
 */
export const createContactInput = z
  .strictObject({
    ...createProfileInput.shape,
    organizationId: idSchema,
    isKeyContact: z.boolean({ error: 'isKeyContact must be true or false' }).default(false),
    membershipAttributes: membershipAttributesSchema.default({}),
  })
  .superRefine(refineBirthday);
export type CreateContactInput = z.output<typeof createContactInput>;

export const createdContactOutput = z.object({ profile: profileOutput, membership: membershipOutput });
export type CreatedContactView = z.output<typeof createdContactOutput>;

/** Limits an agent or viewer to these organizations; an empty list or null lets it see every one. */
export const setOrganizationScopeInput = z.strictObject({
  memberId: idSchema,
  organizationIds: z
    .array(idSchema, { error: 'organizationIds must be a list of organization ids, or null' })
    .max(organizationScopeMax, `A member can be limited to at most ${organizationScopeMax} organizations`)
    .nullable(),
});
export type SetOrganizationScopeInput = z.output<typeof setOrganizationScopeInput>;

export const memberOrganizationScopeInput = z.strictObject({ memberId: idSchema });
export type MemberOrganizationScopeInput = z.output<typeof memberOrganizationScopeInput>;

/** The organizations a member may see: null for every one. */
export const organizationScopeOutput = z.object({
  memberId: z.string(),
  role: roleSchema,
  organizationIds: z.array(z.string()).nullable(),
});
export type OrganizationScopeView = z.output<typeof organizationScopeOutput>;
