import { z } from 'zod';
import { attributeDataTypes } from '../attribute-definitions/attribute-definition.ts';
import { createAttributeDefinitionInput } from '../attribute-definitions/attribute-definition.schemas.ts';
import { createProfileTypeInput } from '../profile-types/profile-type.schemas.ts';
import { profileTypeCategories } from '../profile-types/profile-type.ts';
import { slugSchema } from '../shared/slug.ts';
import { objectKinds } from '../shared/structure.ts';
import { createWorkflowInput } from '../workflows/workflow.schemas.ts';
import {
  seedEntriesMax,
  seedEntryKey,
  seedObjectTypes,
  type AttributeSeedData,
  type ProfileSeedData,
  type SeedEntry,
  type SeedObjectType,
  type WorkflowSeedData,
} from './seed-document.ts';

// An entry's fields are checked by the very schemas that check a definition, workflow or profile
// type created through the API; a field left out takes the value it takes there (none, false, []).

const dataError = {
  error: (issue: { code: string }) => (issue.code === 'invalid_type' ? 'data must be an object' : undefined),
};

const definitionFields = createAttributeDefinitionInput.shape;

const attributeData = z
  .strictObject(
    {
      slug: definitionFields.slug,
      label: definitionFields.label,
      object_type: definitionFields.objectKind,
      data_type: definitionFields.dataType,
      required: z.boolean({ error: 'required must be true or false' }).optional(),
      description: definitionFields.description,
      options: definitionFields.options,
      min: definitionFields.min,
      max: definitionFields.max,
      min_length: definitionFields.minLength,
      max_length: definitionFields.maxLength,
      pattern: definitionFields.pattern,
    },
    dataError,
  )
  .transform((data): AttributeSeedData => ({
    slug: data.slug,
    label: data.label,
    object_type: data.object_type,
    data_type: data.data_type,
    required: data.required ?? false,
    description: data.description ?? null,
    options: data.options ?? [],
    min: data.min ?? null,
    max: data.max ?? null,
    min_length: data.min_length ?? null,
    max_length: data.max_length ?? null,
    pattern: data.pattern ?? null,
  }));

const workflowFields = createWorkflowInput.shape;

const workflowData = z
  .strictObject(
    {
      slug: workflowFields.slug,
      name: workflowFields.name,
      object_type: workflowFields.objectKind,
      description: workflowFields.description,
      stages: workflowFields.stages,
    },
    dataError,
  )
  .transform((data): WorkflowSeedData => ({
    slug: data.slug,
    name: data.name,
    object_type: data.object_type,
    description: data.description ?? null,
    stages: data.stages,
  }));

const typeFields = createProfileTypeInput.shape;

const profileData = z
  .strictObject(
    {
      title: typeFields.title,
      slug: typeFields.slug,
      description: typeFields.description,
      badge_color: typeFields.badgeColor,
      type: typeFields.category,
      object_type: typeFields.objectKind,
      attributes: typeFields.attributes,
      default_workflow: slugSchema('Default workflow').nullable().optional(),
      default_values: typeFields.defaultValues,
    },
    dataError,
  )
  .transform((data): ProfileSeedData => ({
    title: data.title,
    slug: data.slug,
    description: data.description ?? null,
    badge_color: data.badge_color ?? null,
    // As through the API: by default, the category named as the object kind.
    type: data.type ?? data.object_type,
    object_type: data.object_type,
    attributes: data.attributes ?? [],
    default_workflow: data.default_workflow ?? null,
    default_values: data.default_values ?? {},
  }));

const seedEntrySchema = z.discriminatedUnion(
  'object_type',
  [
    z.strictObject({ object_type: z.literal('attributes'), data: attributeData }),
    z.strictObject({ object_type: z.literal('workflows'), data: workflowData }),
    z.strictObject({ object_type: z.literal('profiles'), data: profileData }),
  ],
  {
    error: (issue) => {
      if (issue.code === 'invalid_union') return `object_type must be one of ${seedObjectTypes.join(', ')}`;
      if (issue.code === 'invalid_type') return 'An entry must be an object: {"object_type": …, "data": {…}}';
      return undefined;
    },
  },
);

const entryNoun: Record<SeedObjectType, string> = {
  attributes: 'attribute',
  workflows: 'workflow',
  profiles: 'profile type',
};

/**
 * A seed document: a list of entries, each `{object_type, data}` (reference 000, Seeds). Each
 * refusal is told as its entry's (`entry 3: …`, at `3.data.…`), and a slug that two entries of one
 * kind and object type share is refused at the later one.
 */
export const seedDocumentSchema = z
  .array(z.unknown(), {
    error: 'A seed document must be a list of entries: [{"object_type": …, "data": {…}}, …]',
  })
  .max(seedEntriesMax, `A seed document has at most ${seedEntriesMax} entries`)
  .transform((entries, ctx): SeedEntry[] => {
    const parsed: SeedEntry[] = [];
    const firstIndexOf = new Map<string, number>();
    for (const [index, entry] of entries.entries()) {
      const result = seedEntrySchema.safeParse(entry);
      if (!result.success) {
        for (const issue of result.error.issues) {
          ctx.addIssue({
            code: 'custom',
            path: [index, ...issue.path],
            message: `entry ${index}: ${issue.message}`,
          });
        }
        continue;
      }
      const { object_type: objectType, data } = result.data;
      const first = firstIndexOf.get(seedEntryKey(result.data));
      if (first === undefined) firstIndexOf.set(seedEntryKey(result.data), index);
      else {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'data', 'slug'],
          message:
            `entry ${index}: duplicate slug ${data.slug}: entry ${first} already defines a ` +
            `${data.object_type} ${entryNoun[objectType]} with it`,
        });
      }
      parsed.push(result.data);
    }
    return parsed;
  });

export const seedImportInput = z.strictObject({
  document: seedDocumentSchema,
  /** Reports what the import would create, update and leave alone, and changes nothing. */
  dryRun: z.boolean({ error: 'dryRun must be true or false' }).default(false),
});
export type SeedImportInput = z.output<typeof seedImportInput>;

const nullableNumber = z.number().nullable();

export const seedDocumentOutput = z.array(
  z.discriminatedUnion('object_type', [
    z.object({
      object_type: z.literal('attributes'),
      data: z.object({
        slug: z.string(),
        label: z.string(),
        object_type: z.enum(objectKinds),
        data_type: z.enum(attributeDataTypes),
        required: z.boolean(),
        description: z.string().nullable(),
        options: z.array(z.object({ value: z.string(), label: z.string() })),
        min: nullableNumber,
        max: nullableNumber,
        min_length: nullableNumber,
        max_length: nullableNumber,
        pattern: z.string().nullable(),
      }),
    }),
    z.object({
      object_type: z.literal('workflows'),
      data: z.object({
        slug: z.string(),
        name: z.string(),
        object_type: z.enum(objectKinds),
        description: z.string().nullable(),
        stages: z.array(z.object({ slug: z.string(), name: z.string() })),
      }),
    }),
    z.object({
      object_type: z.literal('profiles'),
      data: z.object({
        title: z.string(),
        slug: z.string(),
        description: z.string().nullable(),
        badge_color: z.string().nullable(),
        type: z.enum(profileTypeCategories),
        object_type: z.enum(objectKinds),
        attributes: z.array(z.string()),
        default_workflow: z.string().nullable(),
        default_values: z.record(z.string(), z.unknown()),
      }),
    }),
  ]),
);
export type SeedDocumentView = z.output<typeof seedDocumentOutput>;

const seedItemsOutput = z.array(z.object({ object_type: z.enum(seedObjectTypes), slug: z.string() }));

export const seedImportOutput = z.object({
  created: seedItemsOutput,
  updated: seedItemsOutput,
  unchanged: seedItemsOutput,
});
export type SeedImportView = z.output<typeof seedImportOutput>;
