import { createProfileTypeInput, updateProfileTypeInput, type AttributeDataType } from '@tessera/domain';
import { describe, expect, it } from 'vitest';
import { schemaIssues, splitIssues } from '../../lib/field-errors.ts';
import { attributeDefinition } from './attribute-definition.testing.ts';
import type { AttributeDefinition } from './attribute-value.drafts.ts';
import {
  bundledDefinitions,
  createProfileTypeInputOf,
  emptyProfileTypeValues,
  profileTypeFieldNames,
  profileTypeValuesOf,
  updateProfileTypeInputOf,
} from './profile-type-form.fields.ts';

const id = '0b6f3c1e-2d4a-4e8b-9c7d-1a2b3c4d5e6f';
const workflowId = '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60';

function definition(slug: string, dataType: AttributeDataType): AttributeDefinition {
  return attributeDefinition(slug, dataType, { options: [{ value: 'gold', label: 'Gold' }] });
}

const plan = definition('plan', 'single_select');
const budget = definition('budget', 'money');
const extra = definition('extra', 'json');
const definitions = [plan, budget, extra];

const customer = {
  id,
  objectKind: 'contacts' as const,
  slug: 'customer',
  title: 'Customer',
  description: null,
  badgeColor: '#f5c518',
  category: 'leads' as const,
  attributes: ['budget', 'plan'],
  defaultWorkflowId: workflowId,
  defaultValues: { plan: 'gold' },
  createdAt: new Date(),
  updatedAt: new Date(),
};

describe('bundledDefinitions', () => {
  it('gives the definitions in the order of the slugs, leaving out a slug without one', () => {
    expect(bundledDefinitions(['extra', 'gone', 'plan'], definitions)).toEqual([extra, plan]);
  });
});

describe('emptyProfileTypeValues', () => {
  it('starts with the default badge colour and the category named as the kind', () => {
    expect(emptyProfileTypeValues('users')).toMatchObject({ badgeColor: '#3451d1', category: 'users' });
  });
});

describe('profile type inputs', () => {
  it('give back the type the form was filled from', () => {
    const { input, issues } = updateProfileTypeInputOf(
      id,
      profileTypeValuesOf(customer, definitions),
      definitions,
    );
    expect(issues).toEqual([]);
    expect(updateProfileTypeInput.parse(input)).toEqual({
      id,
      slug: 'customer',
      title: 'Customer',
      description: null,
      badgeColor: '#f5c518',
      category: 'leads',
      attributes: ['budget', 'plan'],
      defaultValues: { plan: 'gold' },
    });
  });

  it('send the default values of bundled attributes only, and no colour for an empty one', () => {
    const values = {
      ...emptyProfileTypeValues('contacts'),
      title: 'Member',
      slug: 'member',
      badgeColor: ' ',
      attributes: ['plan'],
      defaultValues: { plan: 'gold', budget: { amount: '10', currency: 'AUD' } },
      defaultWorkflowId: workflowId,
    };
    const { input } = createProfileTypeInputOf(values, definitions);
    expect(createProfileTypeInput.parse(input)).toMatchObject({
      badgeColor: null,
      attributes: ['plan'],
      defaultValues: { plan: 'gold' },
      defaultWorkflowId: workflowId,
    });
  });

  it('report a default that cannot be read, and every schema issue, at a field of the form', () => {
    const values = {
      ...emptyProfileTypeValues('contacts'),
      slug: '-',
      badgeColor: 'red',
      attributes: ['extra', 'extra'],
      defaultValues: { extra: '{' },
    };
    const { input, issues } = createProfileTypeInputOf(values, definitions);
    const { error } = createProfileTypeInput.safeParse(input);
    const split = splitIssues(
      [...issues, ...(error ? schemaIssues(error) : [])],
      profileTypeFieldNames(values),
    );
    expect(split.form).toBeNull();
    expect(Object.keys(split.fields).sort()).toEqual([
      'attributes',
      'badgeColor',
      'defaultValues.extra',
      'slug',
      'title',
    ]);
  });
});
