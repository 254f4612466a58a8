import {
  rulesOf,
  type AttributeDataType,
  type AttributeRuleKey,
  type ObjectKind,
  type SelectOption,
} from '@tessera/domain';
import type { AttributeDefinition } from './attribute-value.drafts.ts';

/** An attribute definition as its form edits it: text as typed, every rule kept while the data type changes. */
export interface AttributeDefinitionFormValues {
  objectKind: ObjectKind;
  label: string;
  slug: string;
  description: string;
  dataType: AttributeDataType;
  isRequired: boolean;
  options: SelectOption[];
  min: string;
  max: string;
  minLength: string;
  maxLength: string;
  pattern: string;
}

export function emptyDefinitionValues(objectKind: ObjectKind): AttributeDefinitionFormValues {
  return {
    objectKind,
    label: '',
    slug: '',
    description: '',
    dataType: 'text',
    isRequired: false,
    options: [],
    min: '',
    max: '',
    minLength: '',
    maxLength: '',
    pattern: '',
  };
}

const textOf = (value: number | string | null) => (value === null ? '' : String(value));

export function definitionValuesOf(definition: AttributeDefinition): AttributeDefinitionFormValues {
  return {
    objectKind: definition.objectKind,
    label: definition.label,
    slug: definition.slug,
    description: definition.description ?? '',
    dataType: definition.dataType,
    isRequired: definition.isRequired,
    options: definition.options,
    min: textOf(definition.min),
    max: textOf(definition.max),
    minLength: textOf(definition.minLength),
    maxLength: textOf(definition.maxLength),
    pattern: definition.pattern ?? '',
  };
}

/** Whether the form shows a rule: only those the chosen data type takes. */
export function takesRule(dataType: AttributeDataType, rule: AttributeRuleKey): boolean {
  return rulesOf[dataType].includes(rule);
}

/** A bound as typed: none when blank, the number where it reads as one, else the text for the schema to refuse. */
function boundInput(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

/** The rules as the API takes them: those of the data type from the form, every other one none. */
function rulesInputOf(values: AttributeDefinitionFormValues) {
  const rule = <T>(key: AttributeRuleKey, given: T, none: T): T =>
    takesRule(values.dataType, key) ? given : none;
  return {
    options: rule(
      'options',
      values.options.map((option) => ({
        value: option.value,
        ...(option.label.trim() === '' ? {} : { label: option.label }),
      })),
      [],
    ),
    min: rule('min', boundInput(values.min), null),
    max: rule('max', boundInput(values.max), null),
    minLength: rule('minLength', boundInput(values.minLength), null),
    maxLength: rule('maxLength', boundInput(values.maxLength), null),
    pattern: rule('pattern', values.pattern.trim() === '' ? null : values.pattern, null),
  };
}

/** The input of `attributeDefinitions.create`, for its schema to check. */
export function createDefinitionInputOf(values: AttributeDefinitionFormValues) {
  return {
    objectKind: values.objectKind,
    slug: values.slug,
    label: values.label,
    description: values.description,
    dataType: values.dataType,
    isRequired: values.isRequired,
    ...rulesInputOf(values),
  };
}

/** The input of `attributeDefinitions.update`: all the form holds but the slug and the kind, which stay. */
export function updateDefinitionInputOf(id: string, values: AttributeDefinitionFormValues) {
  const { objectKind: _objectKind, slug: _slug, ...changes } = createDefinitionInputOf(values);
  return { id, ...changes };
}

/** The paths the form shows issues at: its fields and each option's value and label. */
export function definitionFieldNames(values: Pick<AttributeDefinitionFormValues, 'options'>): string[] {
  return [
    'objectKind',
    'slug',
    'label',
    'description',
    'dataType',
    'isRequired',
    'options',
    'min',
    'max',
    'minLength',
    'maxLength',
    'pattern',
    ...values.options.flatMap((_, index) => [`options.${index}.value`, `options.${index}.label`]),
  ];
}

function rangeText(min: number | null, max: number | null, unit: string): string | null {
  if (min !== null && max !== null) return `${min} to ${max}${unit}`;
  if (min !== null) return `${min} or more${unit}`;
  if (max !== null) return `${max} or less${unit}`;
  return null;
}

/** A definition's rules in a few words: its options, its bounds, its pattern; null when it has none. */
export function rulesSummary(definition: AttributeDefinition): string | null {
  const parts = [
    definition.options.length > 0 ? definition.options.map((option) => option.label).join(', ') : null,
    rangeText(definition.min, definition.max, ''),
    rangeText(definition.minLength, definition.maxLength, ' characters'),
    definition.pattern === null ? null : `matches ${definition.pattern}`,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join('; ') : null;
}
