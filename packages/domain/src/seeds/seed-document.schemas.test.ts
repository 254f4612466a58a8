import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeDataTypes } from '../attribute-definitions/attribute-definition.ts';
import { profileTypeCategories } from '../profile-types/profile-type.ts';
import { issues } from '../profiles/zod-issues.testing.ts';
import { objectKinds } from '../shared/structure.ts';
import {
  attributeSeedData,
  profileSeedData,
  seededAttributeDefinition,
  seededProfileType,
  seededWorkflow,
  seedDocumentOf,
  workflowSeedData,
  type AttributeSeedData,
  type ProfileSeedData,
  type SeedEntry,
  type WorkflowSeedData,
} from './seed-document.ts';
import { seedDocumentSchema, seedImportInput } from './seed-document.schemas.ts';

/** Reference 000's seed example, as written there. */
const referenceExample = [
  {
    object_type: 'profiles',
    data: {
      title: 'Customer Profile',
      slug: 'customer-profile',
      type: 'contacts',
      object_type: 'contacts',
      attributes: ['pet_name', 'favorite_book', 'monthly_expenses'],
    },
  },
];

const text = fc
  .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 })
  .map((value) => value.trim())
  .filter((value) => value !== '');
const snakeSlug = fc.stringMatching(/^[a-z][a-z0-9]{0,8}(?:_[a-z0-9]{1,4}){0,2}$/);
const slug = fc.stringMatching(/^[a-z0-9]{1,8}(?:[-_][a-z0-9]{1,4}){0,2}$/);
const objectKind = fc.constantFrom(...objectKinds);
// JSON has no -0: plus 0 makes it 0.
const bound = fc.option(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((number) => number + 0),
  { nil: null },
);
const lengthBound = fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null });

const attributeData: fc.Arbitrary<AttributeSeedData> = fc.record({
  slug: snakeSlug,
  label: text,
  object_type: objectKind,
  data_type: fc.constantFrom(...attributeDataTypes),
  required: fc.boolean(),
  description: fc.option(text, { nil: null }),
  options: fc.uniqueArray(fc.record({ value: text, label: text }), {
    maxLength: 4,
    selector: (option) => option.value,
  }),
  min: bound,
  max: bound,
  min_length: lengthBound,
  max_length: lengthBound,
  pattern: fc.option(text, { nil: null }),
});

const workflowData: fc.Arbitrary<WorkflowSeedData> = fc.record({
  slug,
  name: text,
  object_type: objectKind,
  description: fc.option(text, { nil: null }),
  stages: fc.uniqueArray(fc.record({ slug, name: text }), {
    minLength: 1,
    maxLength: 5,
    selector: (stage) => stage.slug,
  }),
});

const profileData: fc.Arbitrary<ProfileSeedData> = fc.record({
  title: text,
  slug,
  description: fc.option(text, { nil: null }),
  badge_color: fc.option(fc.stringMatching(/^#[0-9a-f]{6}$/), { nil: null }),
  type: fc.constantFrom(...profileTypeCategories),
  object_type: objectKind,
  attributes: fc.uniqueArray(snakeSlug, { maxLength: 5 }),
  default_workflow: fc.option(slug, { nil: null }),
  default_values: fc.dictionary(snakeSlug, fc.oneof(text, fc.integer(), fc.boolean()), { maxKeys: 3 }),
});

const sameKind = (data: { object_type: string; slug: string }) => `${data.object_type}/${data.slug}`;

/** What a document looks like once it has been through a file: plain JSON. */
function asWritten(document: unknown): unknown {
  return JSON.parse(JSON.stringify(document));
}

describe('a seed document', () => {
  it('reads reference 000’s example as written, with what it leaves out taking its default', () => {
    expect(seedDocumentSchema.parse(referenceExample)).toEqual([
      {
        object_type: 'profiles',
        data: {
          title: 'Customer Profile',
          slug: 'customer-profile',
          description: null,
          badge_color: null,
          type: 'contacts',
          object_type: 'contacts',
          attributes: ['pet_name', 'favorite_book', 'monthly_expenses'],
          default_workflow: null,
          default_values: {},
        },
      },
    ]);
  });

  it('reads attributes and workflows, checked as through the API', () => {
    const [attribute, workflow] = seedDocumentSchema.parse([
      {
        object_type: 'attributes',
        data: {
          slug: 'plan',
          label: ' Plan ',
          object_type: 'contacts',
          data_type: 'single_select',
          options: [{ value: 'free' }, { value: 'pro', label: 'Pro' }],
        },
      },
      {
        object_type: 'workflows',
        data: {
          slug: 'onboarding',
          name: 'Onboarding',
          object_type: 'contacts',
          stages: [{ slug: 'new', name: 'New' }],
        },
      },
    ]);
    expect(attribute).toEqual({
      object_type: 'attributes',
      data: {
        slug: 'plan',
        label: 'Plan',
        object_type: 'contacts',
        data_type: 'single_select',
        required: false,
        description: null,
        options: [
          { value: 'free', label: 'free' },
          { value: 'pro', label: 'Pro' },
        ],
        min: null,
        max: null,
        min_length: null,
        max_length: null,
        pattern: null,
      },
    });
    expect(workflow?.data).toMatchObject({ slug: 'onboarding', description: null });
  });

  it('refuses a bad entry at its index, saying which entry and what is wrong', () => {
    const result = seedImportInput.safeParse({
      document: [
        ...referenceExample,
        {
          object_type: 'attributes',
          data: { slug: 'pet_name', label: 'Pet', object_type: 'contacts', data_type: 'txt' },
        },
        { object_type: 'statuses', data: {} },
        'customer',
        {
          object_type: 'profiles',
          data: { title: 'Lead', slug: 'lead', object_type: 'contacts', colour: '#fff' },
        },
        { object_type: 'profiles', data: { ...referenceExample[0]?.data, attributes: ['Pet Name'] } },
      ],
    });
    expect(issues(result)).toEqual([
      {
        path: 'document.1.data.data_type',
        message: `entry 1: Data type must be one of ${attributeDataTypes.join(', ')}`,
      },
      {
        path: 'document.2.object_type',
        message: 'entry 2: object_type must be one of attributes, workflows, profiles',
      },
      {
        path: 'document.3',
        message: 'entry 3: An entry must be an object: {"object_type": …, "data": {…}}',
      },
      { path: 'document.4.data', message: 'entry 4: Unrecognized key: "colour"' },
      {
        path: 'document.5.data.attributes.0',
        message: expect.stringMatching(/^entry 5: Slug must be lower snake case/) as string,
      },
    ]);
  });

  it('refuses a slug that two entries of one kind and object type share, at the later one', () => {
    const attribute = (objectKind: string) => ({
      object_type: 'attributes',
      data: { slug: 'pet_name', label: 'Pet name', object_type: objectKind, data_type: 'text' },
    });
    const result = seedDocumentSchema.safeParse([
      attribute('contacts'),
      attribute('users'),
      ...referenceExample,
      {
        object_type: 'workflows',
        data: {
          slug: 'customer-profile',
          name: 'C',
          object_type: 'contacts',
          stages: [{ slug: 'a', name: 'A' }],
        },
      },
      attribute('contacts'),
    ]);
    expect(issues(result)).toEqual([
      {
        path: '4.data.slug',
        message: 'entry 4: duplicate slug pet_name: entry 0 already defines a contacts attribute with it',
      },
    ]);
  });

  it('is a list', () => {
    expect(issues(seedDocumentSchema.safeParse({ object_type: 'profiles' }))).toEqual([
      {
        path: '',
        message: 'A seed document must be a list of entries: [{"object_type": …, "data": {…}}, …]',
      },
    ]);
  });
});

describe('converting entries', () => {
  const entryOf = <T>(objectType: string, data: T) => ({ object_type: objectType, data }) as SeedEntry;

  it('gives back the entry it came from, through what the API stores, for any entry', () => {
    fc.assert(
      fc.property(attributeData, workflowData, profileData, (attribute, workflow, profile) => {
        const [readAttribute, readWorkflow, readProfile] = seedDocumentSchema.parse(
          asWritten([
            entryOf('attributes', attribute),
            entryOf('workflows', workflow),
            entryOf('profiles', profile),
          ]),
        ) as [SeedEntry, SeedEntry, SeedEntry];
        expect(readAttribute.data).toEqual(attribute);
        expect(readWorkflow.data).toEqual(workflow);
        expect(readProfile.data).toEqual(profile);
        expect(attributeSeedData(seededAttributeDefinition(attribute))).toEqual(attribute);
        expect(workflowSeedData(seededWorkflow(workflow))).toEqual(workflow);
        expect(profileSeedData(seededProfileType(profile))).toEqual(profile);
      }),
    );
  });

  it('exports a workspace’s structure as a document that reads back as it is', () => {
    const structure = fc.record({
      attributes: fc.uniqueArray(attributeData, { maxLength: 4, selector: sameKind }),
      workflows: fc.uniqueArray(workflowData, { maxLength: 3, selector: sameKind }),
      profiles: fc.uniqueArray(profileData, { maxLength: 3, selector: sameKind }),
    });
    fc.assert(
      fc.property(structure, ({ attributes, workflows, profiles }) => {
        const stored = { workspaceId: 'w', createdAt: new Date(0), updatedAt: new Date(0) };
        const storedWorkflows = workflows.map((data, index) => {
          const workflow = seededWorkflow(data);
          const stages = workflow.stages.map((stage) => ({ ...stage, id: `${stage.slug}-id` }));
          return { ...stored, ...workflow, id: `workflow-${index}`, stages };
        });
        const document = seedDocumentOf({
          attributeDefinitions: attributes.map((data, index) => ({
            ...stored,
            ...seededAttributeDefinition(data),
            id: `attribute-${index}`,
          })),
          workflows: storedWorkflows,
          profileTypes: profiles.map((data, index) => {
            const named = storedWorkflows.find(
              (workflow) =>
                workflow.slug === data.default_workflow && workflow.objectKind === data.object_type,
            );
            return {
              ...stored,
              ...seededProfileType({ ...data, default_workflow: null }),
              defaultWorkflowId: named?.id ?? null,
              id: `profile-${index}`,
            };
          }),
        });
        expect(document.map((entry) => entry.object_type)).toEqual([
          ...attributes.map(() => 'attributes'),
          ...workflows.map(() => 'workflows'),
          ...profiles.map(() => 'profiles'),
        ]);
        expect(seedDocumentSchema.parse(asWritten(document))).toEqual(document);
      }),
    );
  });
});
