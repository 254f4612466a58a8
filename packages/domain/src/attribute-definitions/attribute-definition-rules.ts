import { DomainError } from '../shared/errors.ts';
import {
  lengthCapOf,
  optionsMax,
  rulesOf,
  type AttributeDataType,
  type AttributeRuleKey,
  type AttributeRules,
} from './attribute-definition.ts';
import { compiledPattern } from './attribute-value.ts';

function invalidRule(path: AttributeRuleKey | 'dataType', message: string): DomainError {
  return new DomainError('INVALID_FIELD', message, { path });
}

function isGiven(rules: AttributeRules, key: AttributeRuleKey): boolean {
  return key === 'options' ? rules.options.length > 0 : rules[key] !== null;
}

/**
 * Refuses rules that do not fit the data type: a rule it does not take, a select without
 * options or with an option twice, bounds the wrong way round or past what the type holds, whole
 * bounds for an integer, a pattern RE2 cannot compile. Each refusal is INVALID_FIELD at the rule.
 */
export function checkRules(dataType: AttributeDataType, rules: AttributeRules): void {
  const applicable = rulesOf[dataType];
  for (const key of ['options', 'min', 'max', 'minLength', 'maxLength', 'pattern'] as const) {
    if (isGiven(rules, key) && !applicable.includes(key)) {
      throw invalidRule(key, `${key} does not apply to an attribute of type ${dataType}`);
    }
  }
  if (applicable.includes('options')) {
    if (rules.options.length === 0)
      throw invalidRule('options', `An attribute of type ${dataType} needs at least one option`);
    if (rules.options.length > optionsMax) {
      throw invalidRule('options', `An attribute has at most ${optionsMax} options`);
    }
    const values = rules.options.map((option) => option.value);
    if (new Set(values).size !== values.length) {
      throw invalidRule('options', 'Each option has a value of its own');
    }
  }
  if (rules.min !== null && rules.max !== null && rules.min > rules.max) {
    throw invalidRule('max', 'max must not be below min');
  }
  if (dataType === 'integer') {
    for (const key of ['min', 'max'] as const) {
      const bound = rules[key];
      if (bound !== null && !Number.isSafeInteger(bound)) {
        throw invalidRule(key, `${key} of an integer attribute must be a whole number`);
      }
    }
  }
  if (dataType === 'text' || dataType === 'long_text') {
    const cap = lengthCapOf(dataType);
    if (rules.maxLength !== null && rules.maxLength > cap) {
      throw invalidRule('maxLength', `A ${dataType} value holds at most ${cap} characters`);
    }
    if (rules.minLength !== null && rules.minLength > (rules.maxLength ?? cap)) {
      throw invalidRule('minLength', 'minLength must not be above maxLength');
    }
  }
  if (rules.pattern !== null && compiledPattern(rules.pattern) === undefined) {
    throw invalidRule('pattern', 'pattern must be a regular expression in RE2 syntax');
  }
}
