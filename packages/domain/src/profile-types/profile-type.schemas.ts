import { z } from 'zod';
import { attributeSlugSchema } from '../attribute-definitions/attribute-definition.schemas.ts';
import { idSchema } from '../shared/ids.ts';
import { jsonObjectSchema } from '../shared/json.ts';
import { pageInput } from '../shared/pagination.ts';
import { slugSchema } from '../shared/slug.ts';
import { objectKindSchema, objectKinds } from '../shared/structure.ts';
import { optionalText, requiredText, text } from '../shared/text.ts';
import { profileTypeCategories } from './profile-type.ts';

export const attributesPerTypeMax = 200;

/** A record's custom attribute values as a client writes them, by slug. */
export const attributeValuesSchema = jsonObjectSchema('Attributes', { depthMax: 16, lengthMax: 262_144 });

const badgeColorSchema = text('Badge colour')
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'Badge colour must be a hex colour, like #1f6feb')
  .nullable();

const categorySchema = z.enum(profileTypeCategories, {
  error: `Category must be one of ${profileTypeCategories.join(', ')}`,
});

const attributeSlugsSchema = z
  .array(attributeSlugSchema, { error: 'Attributes must be a list of attribute slugs' })
  .max(attributesPerTypeMax, `A profile type bundles at most ${attributesPerTypeMax} attributes`)
  .refine((slugs) => new Set(slugs).size === slugs.length, 'Each attribute is listed once');

const typeFields = {
  slug: slugSchema('Slug'),
  title: requiredText('Title'),
  description: optionalText('Description', 1000).optional(),
  badgeColor: badgeColorSchema.optional(),
  /** What the type is for; by default the category named as its object kind is. */
  category: categorySchema.optional(),
  /** Attribute definitions of the same object kind, by slug, in the order records show them. */
  attributes: attributeSlugsSchema.optional(),
  defaultValues: jsonObjectSchema('Default values', { depthMax: 16, lengthMax: 262_144 }).optional(),
};

export const createProfileTypeInput = z.strictObject({
  objectKind: objectKindSchema,
  ...typeFields,
  defaultWorkflowId: idSchema.nullable().optional(),
});
export type CreateProfileTypeInput = z.output<typeof createProfileTypeInput>;

/** The object kind stays; the default workflow is set by its own operation. */
export const updateProfileTypeInput = z.strictObject({
  id: idSchema,
  ...z.strictObject(typeFields).partial().shape,
});
export type UpdateProfileTypeInput = z.output<typeof updateProfileTypeInput>;

export const setDefaultWorkflowInput = z.strictObject({ id: idSchema, workflowId: idSchema.nullable() });
export type SetDefaultWorkflowInput = z.output<typeof setDefaultWorkflowInput>;

/** A profile type and a record of its object kind. */
export const adoptionInput = z.strictObject({ id: idSchema, recordId: idSchema });
export type AdoptionInput = z.output<typeof adoptionInput>;

/**
 * A record adopts a type, given values for attributes the type brings (those required without a
 * default, say) by slug; null removes one.
 */
export const attachProfileTypeInput = adoptionInput.extend({ attributes: attributeValuesSchema.optional() });
export type AttachProfileTypeInput = z.output<typeof attachProfileTypeInput>;

export const listAdoptersInput = pageInput.extend({ id: idSchema });
export type ListAdoptersInput = z.output<typeof listAdoptersInput>;

/** A record of any object kind. */
export const recordInput = z.strictObject({ objectKind: objectKindSchema, recordId: idSchema });
export type RecordInput = z.output<typeof recordInput>;

/** Sets a record's custom attribute values by slug; null removes one. */
export const setAttributeValuesInput = recordInput.extend({ attributes: attributeValuesSchema });
export type SetAttributeValuesInput = z.output<typeof setAttributeValuesInput>;

export const profileTypeOutput = z.object({
  id: z.string(),
  objectKind: z.enum(objectKinds),
  slug: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  badgeColor: z.string().nullable(),
  category: categorySchema,
  attributes: z.array(z.string()),
  defaultWorkflowId: z.string().nullable(),
  defaultValues: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProfileTypeView = z.output<typeof profileTypeOutput>;

/** A profile type as a record that adopted it shows it. */
export const adoptedProfileTypeOutput = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  badgeColor: z.string().nullable(),
});

/** A record's profile types and the values of their attributes. */
export const recordAttributesOutput = z.object({
  objectKind: z.enum(objectKinds),
  recordId: z.string(),
  profileTypes: z.array(adoptedProfileTypeOutput),
  attributes: z.record(z.string(), z.unknown()),
});
export type RecordAttributesView = z.output<typeof recordAttributesOutput>;

export const adoptersOutput = z.object({
  items: z.array(z.object({ recordId: z.string(), name: z.string().nullable(), adoptedAt: z.date() })),
  nextCursor: z.string().nullable(),
});
export type AdoptersView = z.output<typeof adoptersOutput>;
