import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionRules } from '../attribute-definitions/definition-rules.testing.ts';
import { DomainError } from '../shared/errors.ts';
import type { JsonValue } from '../shared/json.ts';
import {
  isSameJson,
  profileSeedDataAsStored,
  seedApplyOrder,
  seedEntryError,
  seedEntryPath,
  seedObjectTypes,
  type ProfileSeedData,
  type SeedEntry,
} from './seed-document.ts';

const customerProfile: ProfileSeedData = {
  title: 'Customer Profile',
  slug: 'customer-profile',
  description: null,
  badge_color: null,
  type: 'contacts',
  object_type: 'contacts',
  attributes: ['pet_name', 'monthly_expenses'],
  default_workflow: null,
  default_values: { monthly_expenses: '12.5' },
};

function entry(objectType: SeedEntry['object_type'], slug: string): SeedEntry {
  return { object_type: objectType, data: { slug, object_type: 'contacts' } } as SeedEntry;
}

describe('applying a document', () => {
  it('takes attributes, then workflows, then profile types, whatever the document’s order', () => {
    const kinds = fc.array(fc.constantFrom(...seedObjectTypes));
    fc.assert(
      fc.property(kinds, fc.array(fc.stringMatching(/^[a-z]{1,3}$/)), (objectTypes, slugs) => {
        const entries = objectTypes.map((objectType, index) => entry(objectType, slugs[index] ?? 'x'));
        const applied = seedApplyOrder(entries).map(({ entry }) => entry.object_type);
        expect(applied).toEqual([
          ...applied.filter((each) => each === 'attributes'),
          ...applied.filter((each) => each === 'workflows'),
          ...applied.filter((each) => each === 'profiles'),
        ]);
        const positions = seedApplyOrder(entries).map(({ index }) => index);
        expect(positions.sort((a, b) => a - b)).toEqual(entries.map((_, index) => index));
      }),
    );
  });

  it('orders entries of one kind by slug', () => {
    const entries = [entry('profiles', 'b'), entry('attributes', 'z'), entry('profiles', 'a')];
    expect(seedApplyOrder(entries).map(({ index }) => index)).toEqual([1, 2, 0]);
  });
});

describe('comparing with what is stored', () => {
  it('finds JSON equal whatever the order of object keys, and unequal on any changed value', () => {
    const json = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
    fc.assert(
      fc.property(json, (value) => {
        const reordered = JSON.parse(JSON.stringify(value), (_key, item: JsonValue) =>
          item !== null && typeof item === 'object' && !Array.isArray(item)
            ? Object.fromEntries(Object.entries(item).reverse())
            : item,
        ) as JsonValue;
        expect(isSameJson(value, reordered)).toBe(true);
        expect(isSameJson({ value }, { value: [value] })).toBe(false);
      }),
    );
    expect(isSameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(isSameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(isSameJson([1, 2], [2, 1])).toBe(false);
  });

  it('reads a profile entry’s default values as the attributes would store them', () => {
    const definitions = [definitionRules('pet_name', 'text'), definitionRules('monthly_expenses', 'number')];
    expect(profileSeedDataAsStored(customerProfile, definitions).default_values).toEqual({
      monthly_expenses: 12.5,
    });
  });

  it('leaves default values as written where they do not fit, for the change to be refused with the reason', () => {
    const definitions = [definitionRules('pet_name', 'text'), definitionRules('monthly_expenses', 'number')];
    const unfit = { ...customerProfile, default_values: { monthly_expenses: 'lots' } };
    expect(profileSeedDataAsStored(unfit, definitions)).toBe(unfit);
    expect(profileSeedDataAsStored(customerProfile, definitions.slice(0, 1))).toBe(customerProfile);
  });
});

describe('refusals of an entry', () => {
  it('name the entry’s field in the document, as the entry names it', () => {
    expect(seedEntryPath(3, 'attributes.1')).toBe('document.3.data.attributes.1');
    expect(seedEntryPath(3, 'defaultValues.pet_name')).toBe('document.3.data.default_values.pet_name');
    expect(seedEntryPath(0, 'dataType')).toBe('document.0.data.data_type');
    expect(seedEntryPath(0, 'isRequired')).toBe('document.0.data.required');
    expect(seedEntryPath(2, 'workflowId')).toBe('document.2.data.default_workflow');
    expect(seedEntryPath(2, 'id')).toBe('document.2.data');
    expect(seedEntryPath(2)).toBe('document.2.data');
  });

  it('say which entry, keeping the code and details', () => {
    const refused = seedEntryError(
      3,
      new DomainError('ATTRIBUTE_DEFINITION_NOT_FOUND', 'No contacts attribute has the slug pet_nme', {
        path: 'attributes.0',
        details: { recordCount: 2 },
      }),
    );
    expect(refused).toMatchObject({
      code: 'ATTRIBUTE_DEFINITION_NOT_FOUND',
      message: 'entry 3: No contacts attribute has the slug pet_nme',
      path: 'document.3.data.attributes.0',
      details: { recordCount: 2, entry: 3 },
    });
  });
});
