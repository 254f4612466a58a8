import { code as currencyByCode } from 'currency-codes';
import { RE2JS } from 're2js';
import { z } from 'zod';
import { isCurrencyCode } from '../profiles/currency.ts';
import { phoneSchema } from '../profiles/phone.ts';
import { DomainError } from '../shared/errors.ts';
import type { JsonObject, JsonValue } from '../shared/json.ts';
import { emailSchema, hasBrokenText } from '../shared/text.ts';
import {
  jsonLengthMax,
  lengthCapOf,
  urlLengthMax,
  type AttributeDataType,
  type AttributeValueOf,
  type DefinitionRules,
  type Money,
} from './attribute-definition.ts';

function invalid(definition: DefinitionRules, expectation: string): DomainError {
  return new DomainError('INVALID_ATTRIBUTE_VALUE', `${definition.label} must be ${expectation}`, {
    path: `attributes.${definition.slug}`,
    details: { attribute: definition.slug },
  });
}

/** Patterns compiled once: RE2 matches in time linear in the text, whatever the pattern. */
const compiledPatterns = new Map<string, RE2JS>();
const compiledPatternsMax = 1000;

/** The pattern compiled, or undefined if it is not a valid RE2 expression. */
export function compiledPattern(pattern: string): RE2JS | undefined {
  let compiled = compiledPatterns.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = RE2JS.compile(pattern);
    } catch {
      return undefined;
    }
    if (compiledPatterns.size >= compiledPatternsMax)
      compiledPatterns.delete(compiledPatterns.keys().next().value as string);
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

function textValue(definition: DefinitionRules & { dataType: 'text' | 'long_text' }, value: JsonValue) {
  if (typeof value !== 'string' || hasBrokenText(value)) throw invalid(definition, 'text');
  const trimmed = value.trim();
  if (trimmed === '') throw invalid(definition, 'text that is not blank');
  const max = Math.min(definition.maxLength ?? Infinity, lengthCapOf(definition.dataType));
  const min = definition.minLength ?? 1;
  if (trimmed.length > max || trimmed.length < min) {
    throw invalid(
      definition,
      min > 1 ? `${min} to ${max} characters long` : `at most ${max} characters long`,
    );
  }
  if (definition.pattern !== null && compiledPattern(definition.pattern)?.matches(trimmed) !== true) {
    throw invalid(definition, `text of the form ${definition.pattern}`);
  }
  return trimmed;
}

function withinBounds(definition: DefinitionRules, number: number, what: string): void {
  const { min, max } = definition;
  if ((min !== null && number < min) || (max !== null && number > max)) {
    const range =
      min !== null && max !== null
        ? `from ${min} to ${max}`
        : min !== null
          ? `${min} or more`
          : `${max ?? ''} or less`;
    throw invalid(definition, `${what} ${range}`);
  }
}

const decimalText = /^-?\d+(?:\.\d+)?$/;

/** A number given as a number or as decimal text: outside systems send numbers as text (reference 003). */
function numberOf(value: JsonValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && decimalText.test(value.trim())) return Number(value.trim());
  return undefined;
}

function numberValue(definition: DefinitionRules, value: JsonValue): number {
  const number = numberOf(value);
  if (number === undefined || !Number.isFinite(number)) throw invalid(definition, 'a number');
  withinBounds(definition, number, 'a number');
  return number === 0 ? 0 : number;
}

function integerValue(definition: DefinitionRules, value: JsonValue): number {
  const number = numberOf(value);
  if (number === undefined || !Number.isSafeInteger(number)) throw invalid(definition, 'a whole number');
  withinBounds(definition, number, 'a whole number');
  return number === 0 ? 0 : number;
}

function booleanValue(definition: DefinitionRules, value: JsonValue): boolean {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (word === 'true' || word === 'false') return word === 'true';
  throw invalid(definition, 'true or false');
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dateValue(definition: DefinitionRules, value: JsonValue): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
  const [, year, month, day] = match ?? [];
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    Number(year) < 1 ||
    !isCalendarDate(Number(year), Number(month), Number(day))
  ) {
    throw invalid(definition, 'a date, like 2024-05-01');
  }
  return `${year}-${month}-${day}`;
}

const dateTimeText = z.iso.datetime({ offset: true });

function dateTimeValue(definition: DefinitionRules, value: JsonValue): string {
  const parsed = typeof value === 'string' ? dateTimeText.safeParse(value.trim()) : undefined;
  const time = parsed?.success ? new Date(parsed.data) : undefined;
  const year = time?.getUTCFullYear();
  if (time === undefined || year === undefined || !(year >= 1 && year <= 9999)) {
    throw invalid(definition, 'a date and time with its offset, like 2024-05-01T09:30:00Z');
  }
  return time.toISOString();
}

function emailValue(definition: DefinitionRules, value: JsonValue): string {
  const parsed = emailSchema.safeParse(value);
  if (!parsed.success) throw invalid(definition, 'an email address, like name@example.com');
  return parsed.data;
}

function phoneValue(definition: DefinitionRules, value: JsonValue): string {
  // Without a region to read it in, a number is valid only with its country code.
  const parsed = phoneSchema(definition.label, null).safeParse(value);
  if (!parsed.success) {
    throw new DomainError(
      'INVALID_ATTRIBUTE_VALUE',
      parsed.error.issues[0]?.message ?? `${definition.label} must be a phone number`,
      { path: `attributes.${definition.slug}`, details: { attribute: definition.slug } },
    );
  }
  return parsed.data;
}

const httpUrl = z.httpUrl();

function urlValue(definition: DefinitionRules, value: JsonValue): string {
  const trimmed = typeof value === 'string' ? value.trim() : undefined;
  if (
    trimmed === undefined ||
    trimmed.length > urlLengthMax ||
    hasBrokenText(trimmed) ||
    !httpUrl.safeParse(trimmed).success
  ) {
    throw invalid(definition, `an http or https address of at most ${urlLengthMax} characters`);
  }
  return trimmed;
}

/** `amount` written with exactly `digits` fraction digits, or undefined if it has more. */
function fixedDecimal(amount: string, digits: number): string | undefined {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  if (fraction.replace(/0+$/, '').length > digits) return undefined;
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  const fractionDigits = fraction.padEnd(digits, '0').slice(0, digits);
  const text = digits > 0 ? `${wholeDigits}.${fractionDigits}` : wholeDigits;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

function moneyValue(definition: DefinitionRules, value: JsonValue): Money {
  const expectation = 'an amount and an ISO 4217 currency, like {"amount": "12.50", "currency": "AUD"}';
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(definition, expectation);
  const { amount, currency, ...others } = value;
  const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  const digits = isCurrencyCode(code) ? currencyByCode(code)?.digits : undefined;
  const amountText =
    typeof amount === 'number' && Number.isFinite(amount)
      ? String(amount)
      : typeof amount === 'string'
        ? amount.trim()
        : '';
  if (Object.keys(others).length > 0 || digits === undefined || !decimalText.test(amountText)) {
    throw invalid(definition, expectation);
  }
  const fixed = fixedDecimal(amountText, digits);
  if (fixed === undefined) {
    throw invalid(definition, `an amount with at most ${digits} decimal places in ${code}`);
  }
  withinBounds(definition, Number(fixed), 'an amount');
  return { amount: fixed, currency: code };
}

function optionValues(definition: DefinitionRules): string {
  return definition.options.map((option) => option.value).join(', ');
}

function singleSelectValue(definition: DefinitionRules, value: JsonValue): string {
  if (typeof value !== 'string' || !definition.options.some((option) => option.value === value)) {
    throw invalid(definition, `one of: ${optionValues(definition)}`);
  }
  return value;
}

function multiSelectValue(definition: DefinitionRules, value: JsonValue): string[] {
  const isChoice = (item: JsonValue) =>
    typeof item === 'string' && definition.options.some((option) => option.value === item);
  if (!Array.isArray(value) || value.length === 0 || !value.every(isChoice)) {
    throw invalid(definition, `a list of one or more of: ${optionValues(definition)}`);
  }
  return [...new Set(value as string[])];
}

function jsonValue(definition: DefinitionRules, value: JsonValue): JsonValue {
  if (JSON.stringify(value).length > jsonLengthMax) {
    throw invalid(definition, `at most ${jsonLengthMax} characters as JSON`);
  }
  return value;
}

const valueOf: {
  [T in AttributeDataType]: (definition: DefinitionRules, value: JsonValue) => AttributeValueOf[T];
} = {
  text: (definition, value) => textValue({ ...definition, dataType: 'text' }, value),
  long_text: (definition, value) => textValue({ ...definition, dataType: 'long_text' }, value),
  number: numberValue,
  integer: integerValue,
  boolean: booleanValue,
  date: dateValue,
  date_time: dateTimeValue,
  email: emailValue,
  phone: phoneValue,
  url: urlValue,
  money: moneyValue,
  single_select: singleSelectValue,
  multi_select: multiSelectValue,
  json: jsonValue,
};

/**
 * A value checked against its attribute's definition, as stored: typed and normalised (text
 * trimmed, numbers from decimal text, an email lower-cased, a phone in E.164, a date-time in
 * UTC, money with its currency's decimal places). A value that does not fit is refused with
 * INVALID_ATTRIBUTE_VALUE at `attributes.<slug>`, naming the attribute. `null` is no value,
 * never a valid one.
 */
export function attributeValue<T extends AttributeDataType>(
  definition: DefinitionRules & { dataType: T },
  value: JsonValue,
): AttributeValueOf[T] {
  if (value === null) throw invalid(definition, 'given a value');
  return valueOf[definition.dataType](definition, value);
}

function missing(definitions: readonly DefinitionRules[]): DomainError {
  const [first] = definitions;
  return new DomainError(
    'ATTRIBUTE_REQUIRED',
    `Required attributes have no value: ${definitions.map((definition) => definition.label).join(', ')}`,
    {
      path: first && `attributes.${first.slug}`,
      details: { missing: definitions.map((definition) => definition.slug).join(',') },
    },
  );
}

/**
 * A record's values with each value of a defined attribute checked and stored as
 * `attributeValue` gives it; refused naming every required attribute without a value. Values of
 * attributes not among `definitions` (those of profile types the record no longer holds) are
 * kept as they are.
 */
export function checkedValues(definitions: readonly DefinitionRules[], values: JsonObject): JsonObject {
  const checked: JsonObject = { ...values };
  const absent: DefinitionRules[] = [];
  for (const definition of definitions) {
    const value = Object.hasOwn(values, definition.slug) ? values[definition.slug] : undefined;
    if (value === undefined || value === null) {
      delete checked[definition.slug];
      if (definition.isRequired) absent.push(definition);
    } else {
      checked[definition.slug] = attributeValue(definition, value);
    }
  }
  if (absent.length > 0) throw missing(absent);
  return checked;
}
