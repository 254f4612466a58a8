import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DefinitionRules } from '../attribute-definitions/attribute-definition.ts';
import { definitionRules } from '../attribute-definitions/definition-rules.testing.ts';
import type { DomainError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/json.ts';
import {
  changedValues,
  checkedDefaultValues,
  shownCustomAttributes,
  valuesOnAdoption,
  type AdoptedProfileType,
} from './profile-type.ts';

function attribute(slug: string, rules: Partial<DefinitionRules> = {}): DefinitionRules {
  return definitionRules(slug, 'text', rules);
}

const petName = attribute('pet_name', { isRequired: true });
const monthlyExpenses = attribute('monthly_expenses', { dataType: 'number', isRequired: true });
const favoriteBook = attribute('favorite_book');

function badge(id: string, attributeSlugs: string[]): AdoptedProfileType {
  return { id, title: id, slug: id, badgeColor: null, attributeSlugs };
}

describe('adopting a profile type', () => {
  it('fills only the values the record does not hold with the defaults, then checks them all', () => {
    const type = { defaultValues: { pet_name: 'Rex', monthly_expenses: 10 } };
    expect(valuesOnAdoption(type, [petName, monthlyExpenses], { pet_name: ' Fido ' })).toEqual({
      pet_name: 'Fido',
      monthly_expenses: 10,
    });
  });

  it('is refused naming each required attribute that neither the record nor the defaults fill', () => {
    expect(() =>
      valuesOnAdoption({ defaultValues: {} }, [petName, monthlyExpenses, favoriteBook], {}),
    ).toThrow(
      expect.objectContaining({
        code: 'ATTRIBUTE_REQUIRED',
        details: { missing: 'pet_name,monthly_expenses' },
      }) as DomainError,
    );
  });

  it('keeps the values a record holds whatever defaults say, for any values', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((text) => text.trim() !== ''),
        (name) => {
          const values = valuesOnAdoption({ defaultValues: { pet_name: 'Rex' } }, [petName], {
            pet_name: name,
          });
          expect(values.pet_name).toBe(name.trim());
        },
      ),
    );
  });
});

describe('changing values', () => {
  it('sets, removes with null, and checks the result as a whole', () => {
    const stored: JsonObject = { pet_name: 'Rex', favorite_book: 'Dune' };
    expect(changedValues([petName, favoriteBook], stored, { favorite_book: null, pet_name: 'Fido' })).toEqual(
      {
        pet_name: 'Fido',
      },
    );
    expect(() => changedValues([petName], stored, { pet_name: null })).toThrow(
      expect.objectContaining({ code: 'ATTRIBUTE_REQUIRED' }) as DomainError,
    );
  });

  it('refuses an attribute none of the record’s types bundle, at its path', () => {
    expect(() => changedValues([petName], { pet_name: 'Rex' }, { shoe_size: 42 })).toThrow(
      expect.objectContaining({ code: 'ATTRIBUTE_NOT_ADOPTED', path: 'attributes.shoe_size' }) as DomainError,
    );
  });
});

describe('what a record shows', () => {
  it('shows the values of its types’ attributes only, with a badge per type', () => {
    const values = { pet_name: 'Rex', favorite_book: 'Dune', detached_one: 1 };
    expect(shownCustomAttributes([badge('customer', ['pet_name', 'favorite_book'])], values)).toEqual({
      profileTypes: [{ id: 'customer', title: 'customer', slug: 'customer', badgeColor: null }],
      attributes: { pet_name: 'Rex', favorite_book: 'Dune' },
    });
    expect(shownCustomAttributes([], values)).toEqual({ profileTypes: [], attributes: {} });
  });
});

describe('default values', () => {
  it('are checked against the type’s attributes, each refusal at its default', () => {
    expect(checkedDefaultValues([monthlyExpenses], { monthly_expenses: '12.5' })).toEqual({
      monthly_expenses: 12.5,
    });
    expect(() => checkedDefaultValues([monthlyExpenses], { monthly_expenses: 'lots' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_ATTRIBUTE_VALUE',
        path: 'defaultValues.monthly_expenses',
      }) as DomainError,
    );
    expect(() => checkedDefaultValues([monthlyExpenses], { pet_name: 'Rex' })).toThrow(
      expect.objectContaining({ code: 'INVALID_FIELD', path: 'defaultValues.pet_name' }) as DomainError,
    );
  });
});
