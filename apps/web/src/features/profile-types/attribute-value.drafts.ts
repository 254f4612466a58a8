import type { AttributeDataType, JsonObject, JsonValue } from '@tessera/domain';
import type { RouterOutputs } from '../../lib/trpc.ts';
import { localDateTimeText } from '../profiles/profile-form.fields.ts';

export type AttributeDefinition = RouterOutputs['attributeDefinitions']['list'][number];

/** What a value's control needs of its attribute. */
export type ValueDefinition = Pick<AttributeDefinition, 'slug' | 'label' | 'dataType' | 'options'>;

export interface MoneyDraft {
  amount: string;
  currency: string;
}

/**
 * A value as its control holds it while it is edited: text for most data types, `null` for a
 * yes-or-no not given yet, the chosen options, an amount and a currency.
 */
export type AttributeDraft = string | boolean | null | string[] | MoneyDraft;

export type AttributeDrafts = Record<string, AttributeDraft>;

export function emptyDraft(dataType: AttributeDataType): AttributeDraft {
  switch (dataType) {
    case 'boolean':
      return null;
    case 'multi_select':
      return [];
    case 'money':
      return { amount: '', currency: '' };
    default:
      return '';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The draft of a stored value; no value (undefined or null) is the data type's empty draft. */
export function draftOf(definition: ValueDefinition, value: unknown): AttributeDraft {
  if (value === undefined || value === null) return emptyDraft(definition.dataType);
  switch (definition.dataType) {
    case 'boolean':
      return value === true;
    case 'multi_select':
      return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
    case 'money':
      return isRecord(value)
        ? { amount: textOf(value.amount), currency: textOf(value.currency) }
        : { amount: '', currency: '' };
    case 'date_time':
      return typeof value === 'string' ? localDateTimeText(new Date(value)) : '';
    case 'json':
      return JSON.stringify(value, null, 2);
    default:
      return textOf(value);
  }
}

export function draftsOf(
  definitions: readonly ValueDefinition[],
  values: Record<string, unknown>,
): AttributeDrafts {
  return Object.fromEntries(
    definitions.map((definition) => [definition.slug, draftOf(definition, values[definition.slug])]),
  );
}

type DraftValue = { value: JsonValue | null } | { error: string };

/** A number as typed: the number where it reads as one, else the text, for the server to refuse at the field. */
function numberValue(text: string): number | string {
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

/** A `datetime-local` text, read in the browser's time zone, as an ISO instant; else the text, refused by the server. */
function dateTimeValue(text: string): string {
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? text : time.toISOString();
}

function stringDraftValue(definition: ValueDefinition, text: string): DraftValue {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  switch (definition.dataType) {
    case 'number':
    case 'integer':
      return { value: numberValue(trimmed) };
    case 'date_time':
      return { value: dateTimeValue(trimmed) };
    case 'json':
      try {
        return { value: JSON.parse(trimmed) as JsonValue };
      } catch (error) {
        const reason = error instanceof SyntaxError ? `: ${error.message}` : '';
        return { error: `${definition.label} must be valid JSON${reason}` };
      }
    default:
      return { value: text };
  }
}

/**
 * The value a draft gives, as the API takes it (`null`: no value), or why it cannot be sent. Only
 * what the browser must parse is checked here; the API checks every value against its definition.
 */
export function valueOfDraft(definition: ValueDefinition, draft: AttributeDraft): DraftValue {
  if (draft === null || typeof draft === 'boolean') return { value: draft };
  if (typeof draft === 'string') return stringDraftValue(definition, draft);
  if (Array.isArray(draft)) return { value: draft.length === 0 ? null : draft };
  const amount = draft.amount.trim();
  const currency = draft.currency.trim().toUpperCase();
  return { value: amount === '' && currency === '' ? null : { amount, currency } };
}

interface DraftValues {
  values: JsonObject;
  /** By the path the API reports a value's issues at: `<prefix>.<slug>` */
  errors: Record<string, string>;
}

/**
 * The values of the drafts that `isWanted` keeps, by slug, with the path prefix the API reports
 * their issues under (`attributes` on a record, `defaultValues` on a profile type).
 */
function valuesOfDrafts(
  definitions: readonly ValueDefinition[],
  drafts: AttributeDrafts,
  prefix: string,
  isWanted: (definition: ValueDefinition, value: JsonValue | null) => boolean,
): DraftValues {
  const result: DraftValues = { values: {}, errors: {} };
  for (const definition of definitions) {
    const draft = drafts[definition.slug] ?? emptyDraft(definition.dataType);
    const read = valueOfDraft(definition, draft);
    if ('error' in read) result.errors[`${prefix}.${definition.slug}`] = read.error;
    else if (isWanted(definition, read.value)) result.values[definition.slug] = read.value;
  }
  return result;
}

/** What a record's edit changes: each attribute whose draft moved from where it started, `null` for one emptied. */
export function changedValuesOf(
  definitions: readonly ValueDefinition[],
  initial: AttributeDrafts,
  drafts: AttributeDrafts,
): DraftValues {
  return valuesOfDrafts(
    definitions,
    drafts,
    'attributes',
    (definition) => JSON.stringify(initial[definition.slug]) !== JSON.stringify(drafts[definition.slug]),
  );
}

/** A profile type's default values: each attribute given one, by slug. */
export function defaultValuesOf(
  definitions: readonly ValueDefinition[],
  drafts: AttributeDrafts,
): DraftValues {
  return valuesOfDrafts(definitions, drafts, 'defaultValues', (_, value) => value !== null);
}
