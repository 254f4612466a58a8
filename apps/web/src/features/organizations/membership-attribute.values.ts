import { membershipAttributesSchema } from '@tessera/domain';
import type { FieldErrors } from '../../lib/field-errors.ts';

export type AttributeValue = string | number | boolean;

/** What a membership attribute's value is: text, a number, or yes/no (reference 004: user attributes). */
export type AttributeValueKind = 'text' | 'number' | 'boolean';

export const valueKindOptions = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Yes or no' },
] as const satisfies readonly { value: AttributeValueKind; label: string }[];

export const yesNoOptions = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
] as const;

/** The form that adds an attribute to a membership, as typed. */
export interface AttributeDraft {
  key: string;
  kind: AttributeValueKind;
  /** The text, the number as typed, or `true` / `false` */
  value: string;
}

export const emptyAttributeDraft: AttributeDraft = { key: '', kind: 'text', value: '' };

export const attributeFieldNames = ['key', 'value'] as const;

/** The first refusal of these attributes by the API's rules; a key's own, rather than the record's. */
function firstIssueOf(attributes: Record<string, unknown>): string | undefined {
  const parsed = membershipAttributesSchema.safeParse(attributes);
  const issue = parsed.error?.issues[0];
  if (!issue) return undefined;
  return (issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined) ?? issue.message;
}

function valueOf(draft: AttributeDraft): AttributeValue | { error: string } {
  if (draft.kind === 'boolean') return draft.value === 'true';
  if (draft.kind === 'text') return draft.value;
  const text = draft.value.trim();
  const number = Number(text);
  if (text === '' || !Number.isFinite(number)) return { error: 'Enter a number, like 12 or 4.5' };
  return number;
}

/**
 * The change `memberships.update` takes to set the drafted attribute, or the errors of its key and
 * value, by the same rules as the API's.
 */
export function attributeChangeOf(
  draft: AttributeDraft,
): { change: Record<string, AttributeValue> } | { errors: FieldErrors } {
  const key = draft.key.trim();
  const value = valueOf(draft);
  const keyError = key === '' ? 'Key is required' : firstIssueOf({ [key]: 0 });
  const valueError =
    typeof value === 'object'
      ? value.error
      : typeof value === 'string' && value.trim() === ''
        ? 'Value is required'
        : firstIssueOf({ key: value });
  if (keyError || valueError || typeof value === 'object') {
    const errors: FieldErrors = {};
    if (keyError) errors.key = keyError;
    if (valueError) errors.value = valueError;
    return { errors };
  }
  return { change: { [key]: value } };
}

/** An attribute's value as the console shows it: yes and no for true and false. */
export function attributeValueText(value: AttributeValue): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}
