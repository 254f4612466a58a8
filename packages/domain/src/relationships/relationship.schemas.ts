import { z } from 'zod';
import { idSchema } from '../shared/ids.ts';
import { slugSchema } from '../shared/slug.ts';
import { objectKindSchema, objectKinds } from '../shared/structure.ts';
import { optionalText, requiredText } from '../shared/text.ts';
import { cardinalities } from './relationship.ts';

const cardinalitySchema = z.enum(cardinalities, {
  error: `Cardinality must be one of ${cardinalities.join(', ')}`,
});

const describedFields = {
  slug: slugSchema('Slug'),
  name: requiredText('Name'),
  description: optionalText('Description', 1000).optional(),
  cardinality: cardinalitySchema,
};

/** The kinds it links and the profile type it is scoped to stay as created: links were made under them. */
export const createRelationshipInput = z.strictObject({
  ...describedFields,
  sourceKind: objectKindSchema,
  targetKind: objectKindSchema,
  targetProfileTypeId: idSchema.nullable().optional(),
});
export type CreateRelationshipInput = z.output<typeof createRelationshipInput>;

export const updateRelationshipInput = z.strictObject({
  id: idSchema,
  ...z.strictObject(describedFields).partial().shape,
});
export type UpdateRelationshipInput = z.output<typeof updateRelationshipInput>;

export const linkInput = z.strictObject({ id: idSchema, sourceId: idSchema, targetId: idSchema });
export type LinkInput = z.output<typeof linkInput>;

export const relationshipOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  sourceKind: z.enum(objectKinds),
  targetKind: z.enum(objectKinds),
  cardinality: cardinalitySchema,
  targetProfileTypeId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type RelationshipView = z.output<typeof relationshipOutput>;

export const linkOutput = z.object({
  relationshipId: z.string(),
  sourceKind: z.enum(objectKinds),
  sourceId: z.string(),
  targetKind: z.enum(objectKinds),
  targetId: z.string(),
  createdAt: z.date(),
});
export type LinkView = z.output<typeof linkOutput>;
