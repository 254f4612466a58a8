import { describe, expect, it } from 'vitest';
import { attachValuesOf, valuesNeededToAttach } from './attach-type-form.fields.ts';
import { attributeDefinition } from './attribute-definition.testing.ts';

const accountNumber = attributeDefinition('account_number', 'text', { isRequired: true });
const tier = attributeDefinition('tier', 'single_select', {
  isRequired: true,
  options: [{ value: 'gold', label: 'Gold' }],
});
const notes = attributeDefinition('notes', 'long_text');
const extra = attributeDefinition('extra', 'json', { label: 'Extra' });

describe('valuesNeededToAttach', () => {
  it('asks for the required attributes without a default value or a value on the record, in the type’s order', () => {
    const type = { attributes: ['tier', 'notes', 'account_number'], defaultValues: {} };
    expect(valuesNeededToAttach(type, [accountNumber, notes, tier], {})).toEqual([tier, accountNumber]);
  });

  it('leaves out a required attribute the type gives a default value or the record holds a value of', () => {
    const type = { attributes: ['tier', 'account_number'], defaultValues: { tier: 'gold' } };
    expect(valuesNeededToAttach(type, [accountNumber, tier], { account_number: 'A-1' })).toEqual([]);
    expect(valuesNeededToAttach(type, [accountNumber, tier], { account_number: null })).toEqual([
      accountNumber,
    ]);
  });

  it('leaves out attributes the type bundles without a definition', () => {
    expect(valuesNeededToAttach({ attributes: ['gone'], defaultValues: {} }, [accountNumber], {})).toEqual(
      [],
    );
  });
});

describe('attachValuesOf', () => {
  it('gives the values filled in by slug and leaves the empty ones out', () => {
    expect(attachValuesOf([accountNumber, tier], { account_number: 'A-1', tier: '' })).toEqual({
      values: { account_number: 'A-1' },
      errors: {},
    });
    expect(attachValuesOf([accountNumber], {})).toEqual({ values: {}, errors: {} });
  });

  it('reports a draft that cannot be read at its path', () => {
    const { values, errors } = attachValuesOf([extra], { extra: '{' });
    expect(values).toEqual({});
    expect(Object.keys(errors)).toEqual(['attributes.extra']);
    expect(errors['attributes.extra']).toMatch(/^Extra must be valid JSON/);
  });
});
