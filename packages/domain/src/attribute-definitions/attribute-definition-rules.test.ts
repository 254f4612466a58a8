import { describe, expect, it } from 'vitest';
import type { DomainError } from '../shared/errors.ts';
import type { AttributeDataType, AttributeRules } from './attribute-definition.ts';
import { checkRules } from './attribute-definition-rules.ts';
import { noRules } from './definition-rules.testing.ts';

function refusal(dataType: AttributeDataType, rules: Partial<AttributeRules>) {
  try {
    checkRules(dataType, { ...noRules, ...rules });
    return undefined;
  } catch (error) {
    return { code: (error as DomainError).code, path: (error as DomainError).path };
  }
}

describe('attribute rules', () => {
  it('take the rules each data type has', () => {
    expect(refusal('text', { minLength: 2, maxLength: 10, pattern: '[a-z]+' })).toBeUndefined();
    expect(refusal('integer', { min: 1, max: 9 })).toBeUndefined();
    expect(refusal('money', { min: 0 })).toBeUndefined();
    expect(refusal('single_select', { options: [{ value: 'a', label: 'A' }] })).toBeUndefined();
    expect(refusal('boolean', {})).toBeUndefined();
  });

  it('refuse a rule the data type does not take, at the rule', () => {
    expect(refusal('boolean', { min: 1 })).toEqual({ code: 'INVALID_FIELD', path: 'min' });
    expect(refusal('long_text', { pattern: 'x' })).toEqual({ code: 'INVALID_FIELD', path: 'pattern' });
    expect(refusal('text', { options: [{ value: 'a', label: 'A' }] })).toEqual({
      code: 'INVALID_FIELD',
      path: 'options',
    });
  });

  it('refuse selects without options or with an option twice, bounds the wrong way round and bad patterns', () => {
    expect(refusal('multi_select', {})).toEqual({ code: 'INVALID_FIELD', path: 'options' });
    const twice = [
      { value: 'a', label: 'A' },
      { value: 'a', label: 'Also A' },
    ];
    expect(refusal('single_select', { options: twice })).toEqual({ code: 'INVALID_FIELD', path: 'options' });
    expect(refusal('number', { min: 5, max: 1 })).toEqual({ code: 'INVALID_FIELD', path: 'max' });
    expect(refusal('integer', { min: 0.5 })).toEqual({ code: 'INVALID_FIELD', path: 'min' });
    expect(refusal('text', { maxLength: 1001 })).toEqual({ code: 'INVALID_FIELD', path: 'maxLength' });
    expect(refusal('text', { minLength: 5, maxLength: 4 })).toEqual({
      code: 'INVALID_FIELD',
      path: 'minLength',
    });
    expect(refusal('text', { pattern: '(?<=a)b' })).toEqual({ code: 'INVALID_FIELD', path: 'pattern' });
  });
});
