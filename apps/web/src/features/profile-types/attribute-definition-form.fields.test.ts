import { createAttributeDefinitionInput, updateAttributeDefinitionInput } from '@tessera/domain';
import { describe, expect, it } from 'vitest';
import { schemaIssues, splitIssues } from '../../lib/field-errors.ts';
import {
  createDefinitionInputOf,
  definitionFieldNames,
  definitionValuesOf,
  emptyDefinitionValues,
  rulesSummary,
  updateDefinitionInputOf,
} from './attribute-definition-form.fields.ts';
import { attributeDefinition } from './attribute-definition.testing.ts';

const id = '0b6f3c1e-2d4a-4e8b-9c7d-1a2b3c4d5e6f';

describe('createDefinitionInputOf', () => {
  it('sends the rules of the chosen data type and none of the others', () => {
    const values = {
      ...emptyDefinitionValues('contacts'),
      label: 'Plan',
      slug: 'plan',
      dataType: 'single_select' as const,
      options: [
        { value: 'gold', label: 'Gold' },
        { value: 'silver', label: ' ' },
      ],
      min: '3',
      pattern: '^a',
    };
    expect(createAttributeDefinitionInput.parse(createDefinitionInputOf(values))).toEqual({
      objectKind: 'contacts',
      slug: 'plan',
      label: 'Plan',
      description: null,
      dataType: 'single_select',
      isRequired: false,
      options: [
        { value: 'gold', label: 'Gold' },
        { value: 'silver', label: 'silver' },
      ],
      min: null,
      max: null,
      minLength: null,
      maxLength: null,
      pattern: null,
    });
  });

  it('sends bounds as numbers, blank ones as none', () => {
    const values = { ...emptyDefinitionValues('users'), dataType: 'number' as const, min: ' 0 ', max: '' };
    expect(createDefinitionInputOf(values)).toMatchObject({ min: 0, max: null });
  });

  it('leaves a bound that is no number for the schema to refuse at its field', () => {
    const values = {
      ...emptyDefinitionValues('contacts'),
      label: 'Age',
      slug: 'age',
      dataType: 'integer' as const,
    };
    const { error } = createAttributeDefinitionInput.safeParse(
      createDefinitionInputOf({ ...values, max: 'ten' }),
    );
    expect(error && splitIssues(schemaIssues(error), definitionFieldNames(values)).fields).toEqual({
      max: 'max must be a number',
    });
  });
});

describe('definitionValuesOf', () => {
  it('gives back the definition it was filled from, without its slug and kind', () => {
    const definition = attributeDefinition('nickname', 'text', {
      label: 'Nickname',
      isRequired: true,
      minLength: 2,
      maxLength: 30,
      pattern: '[a-z]+',
    });
    expect(
      updateAttributeDefinitionInput.parse(updateDefinitionInputOf(id, definitionValuesOf(definition))),
    ).toEqual({
      id,
      label: 'Nickname',
      description: null,
      dataType: 'text',
      isRequired: true,
      options: [],
      min: null,
      max: null,
      minLength: 2,
      maxLength: 30,
      pattern: '[a-z]+',
    });
  });
});

describe('definitionFieldNames', () => {
  it('has a field for every input the domain reports an issue about', () => {
    const options = [{ value: '', label: 'x'.repeat(300) }];
    const { error } = createAttributeDefinitionInput.safeParse({
      objectKind: 'accounts',
      slug: 'Not A Slug',
      label: ' ',
      description: 'x'.repeat(1001),
      dataType: 'colour',
      isRequired: 'yes',
      options,
      min: 'a',
      max: 'b',
      minLength: -1,
      maxLength: 1.5,
      pattern: '',
    });
    const split = error && splitIssues(schemaIssues(error), definitionFieldNames({ options }));
    expect(split?.form).toBeNull();
    expect(Object.keys(split?.fields ?? {}).sort()).toEqual(
      definitionFieldNames({ options })
        .filter((name) => name !== 'options')
        .sort(),
    );
  });
});

describe('rulesSummary', () => {
  const none = attributeDefinition('x', 'text');

  it('says the options, bounds and pattern a definition has', () => {
    expect(
      rulesSummary({
        ...none,
        options: [
          { value: 'g', label: 'Gold' },
          { value: 's', label: 'Silver' },
        ],
      }),
    ).toBe('Gold, Silver');
    expect(rulesSummary({ ...none, min: 0, max: 10 })).toBe('0 to 10');
    expect(rulesSummary({ ...none, max: 10 })).toBe('10 or less');
    expect(rulesSummary({ ...none, minLength: 2, pattern: '[a-z]+' })).toBe(
      '2 or more characters; matches [a-z]+',
    );
  });

  it('says nothing of a definition without rules', () => {
    expect(rulesSummary(none)).toBeNull();
  });
});
