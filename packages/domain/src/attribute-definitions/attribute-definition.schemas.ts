import { z } from 'zod';
import { idSchema } from '../shared/ids.ts';
import { objectKindSchema, objectKinds } from '../shared/structure.ts';
import { snakeCaseSlugSchema } from '../shared/slug.ts';
import { optionalText, requiredText } from '../shared/text.ts';
import {
  attributeDataTypes,
  longTextLengthMax,
  optionsMax,
  optionValueLengthMax,
  patternLengthMax,
} from './attribute-definition.ts';

export const attributeSlugSchema = snakeCaseSlugSchema('Slug');

const dataTypeSchema = z.enum(attributeDataTypes, {
  error: `Data type must be one of ${attributeDataTypes.join(', ')}`,
});

const optionSchema = z
  .strictObject({
    value: requiredText('Option value', optionValueLengthMax),
    label: requiredText('Option label').optional(),
  })
  .transform((option) => ({ value: option.value, label: option.label ?? option.value }));

const bound = (label: string) =>
  z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be finite`);
const lengthBound = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} must be 0 or more`)
    .max(longTextLengthMax, `${label} must be at most ${longTextLengthMax}`);

/** The rules of a definition, each optional: left out is "none" on create and "unchanged" on update. */
const ruleFields = {
  options: z
    .array(optionSchema, { error: 'Options must be a list of {value, label}' })
    .max(optionsMax, `An attribute has at most ${optionsMax} options`)
    .optional(),
  min: bound('min').nullable().optional(),
  max: bound('max').nullable().optional(),
  minLength: lengthBound('minLength').nullable().optional(),
  maxLength: lengthBound('maxLength').nullable().optional(),
  pattern: requiredText('Pattern', patternLengthMax).nullable().optional(),
};

const describedFields = {
  label: requiredText('Label'),
  description: optionalText('Description', 1000).optional(),
  isRequired: z.boolean({ error: 'isRequired must be true or false' }).optional(),
};

export const createAttributeDefinitionInput = z.strictObject({
  objectKind: objectKindSchema,
  slug: attributeSlugSchema,
  dataType: dataTypeSchema,
  ...describedFields,
  ...ruleFields,
});
export type CreateAttributeDefinitionInput = z.output<typeof createAttributeDefinitionInput>;

/** The slug and object kind stay: records keep values under the slug. */
export const updateAttributeDefinitionInput = z.strictObject({
  id: idSchema,
  dataType: dataTypeSchema.optional(),
  label: describedFields.label.optional(),
  description: describedFields.description,
  isRequired: describedFields.isRequired,
  ...ruleFields,
});
export type UpdateAttributeDefinitionInput = z.output<typeof updateAttributeDefinitionInput>;

export const attributeDefinitionOutput = z.object({
  id: z.string(),
  objectKind: z.enum(objectKinds),
  slug: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  dataType: z.enum(attributeDataTypes),
  isRequired: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  min: z.number().nullable(),
  max: z.number().nullable(),
  minLength: z.number().nullable(),
  maxLength: z.number().nullable(),
  pattern: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AttributeDefinitionView = z.output<typeof attributeDefinitionOutput>;
