import type { WorkspaceId } from '../shared/ids.ts';
import type { JsonValue } from '../shared/json.ts';
import type { ObjectKind } from '../shared/structure.ts';

/** What a custom attribute holds (issue 8; reference 000's attributes). */
export const attributeDataTypes = [
  'text',
  'long_text',
  'number',
  'integer',
  'boolean',
  'date',
  'date_time',
  'email',
  'phone',
  'url',
  'money',
  'single_select',
  'multi_select',
  'json',
] as const;
export type AttributeDataType = (typeof attributeDataTypes)[number];

export interface SelectOption {
  /** What a record stores. */
  value: string;
  /** What people see. */
  label: string;
}

/** The rules a value is checked against; each applies to some data types only (`rulesOf`). */
export interface AttributeRules {
  /** The choices of a single or multi select. */
  options: SelectOption[];
  /** Bounds of a number, an integer or a money amount, inclusive. */
  min: number | null;
  max: number | null;
  /** Bounds of a text's length, inclusive. */
  minLength: number | null;
  maxLength: number | null;
  /** A regular expression (RE2 syntax) that a text matches whole. */
  pattern: string | null;
}

export type AttributeRuleKey = keyof AttributeRules;

/** A typed, validated custom field of one object kind. */
export interface AttributeDefinition extends AttributeRules {
  id: string;
  workspaceId: WorkspaceId;
  objectKind: ObjectKind;
  /** Lower snake case, unique per object kind; the key of its values on every record. */
  slug: string;
  label: string;
  description: string | null;
  dataType: AttributeDataType;
  isRequired: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What a value is checked against: the definition without its identity. */
export type DefinitionRules = Pick<AttributeDefinition, 'slug' | 'label' | 'dataType' | 'isRequired'> &
  AttributeRules;

export type Money = {
  /** A decimal with as many fraction digits as the currency has: `"12.50"`. */
  amount: string;
  /** ISO 4217 */
  currency: string;
};

/** The typed value each data type holds. */
export interface AttributeValueOf {
  text: string;
  long_text: string;
  number: number;
  integer: number;
  /** `true` or `false` */
  boolean: boolean;
  /** `YYYY-MM-DD` */
  date: string;
  /** ISO 8601 in UTC with milliseconds */
  date_time: string;
  /** lower case */
  email: string;
  /** E.164 */
  phone: string;
  url: string;
  money: Money;
  /** the chosen option's value */
  single_select: string;
  /** the chosen options' values, without repeats */
  multi_select: string[];
  json: JsonValue;
}

export const textLengthMax = 1000;
export const longTextLengthMax = 20_000;
export const jsonLengthMax = 20_000;
export const urlLengthMax = 2048;
export const optionsMax = 200;
export const optionValueLengthMax = 100;
export const patternLengthMax = 500;

/** The rules each data type takes; any other rule given for it is refused. */
export const rulesOf: Record<AttributeDataType, readonly AttributeRuleKey[]> = {
  text: ['minLength', 'maxLength', 'pattern'],
  long_text: ['minLength', 'maxLength'],
  number: ['min', 'max'],
  integer: ['min', 'max'],
  money: ['min', 'max'],
  single_select: ['options'],
  multi_select: ['options'],
  boolean: [],
  date: [],
  date_time: [],
  email: [],
  phone: [],
  url: [],
  json: [],
};

/** The longest text a data type holds. */
export function lengthCapOf(dataType: 'text' | 'long_text'): number {
  return dataType === 'text' ? textLengthMax : longTextLengthMax;
}

/**
 * Changes of data type that every value stored under the first type survives: each is a valid
 * value of the second as it is (a whole number is a number; an email, a phone number or an
 * option's value is text short enough for `text`).
 */
const widenings: Partial<Record<AttributeDataType, readonly AttributeDataType[]>> = {
  integer: ['number'],
  text: ['long_text'],
  email: ['text', 'long_text'],
  phone: ['text', 'long_text'],
  url: ['long_text'],
  single_select: ['text', 'long_text'],
};

function isRaised(before: number | null, after: number | null): boolean {
  return after !== null && (before === null || after > before);
}

function isLowered(before: number | null, after: number | null): boolean {
  return after !== null && (before === null || after < before);
}

/**
 * Whether a value valid under `before` may be invalid under `after`: another data type that is
 * not a widening, a bound moved inwards, a new pattern, or a select option taken away. Such a
 * change is refused while records hold values of the attribute.
 */
export function mayBreakStoredValues(before: DefinitionRules, after: DefinitionRules): boolean {
  if (before.dataType !== after.dataType && !widenings[before.dataType]?.includes(after.dataType)) {
    return true;
  }
  const isSelect = after.dataType === 'single_select' || after.dataType === 'multi_select';
  return (
    isRaised(before.min, after.min) ||
    isLowered(before.max, after.max) ||
    isRaised(before.minLength, after.minLength) ||
    isLowered(before.maxLength, after.maxLength) ||
    (after.pattern !== null && after.pattern !== before.pattern) ||
    (isSelect &&
      before.dataType === after.dataType &&
      before.options.some((option) => !after.options.some((kept) => kept.value === option.value)))
  );
}
