import {
  attributesSchema,
  isDomainError,
  parseIdentifierQuery,
  upsertProfileSourceRecordInput,
  type JsonObject,
  type UpsertProfileSourceRecordInput,
} from '@tessera/domain';
import { schemaIssues, splitIssues, type SplitErrors } from '../../lib/field-errors.ts';

export const identifierQueryExample = 'shop:customer:email:ada@example.com';

/** What is wrong with an identifier query as typed, or null when it reads. */
export function identifierQueryProblem(text: string): string | null {
  if (text.trim() === '') return `Enter an identifier query, like ${identifierQueryExample}`;
  try {
    parseIdentifierQuery(text);
    return null;
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
}

export type ParsedAttributes =
  { isValid: true; attributes: JsonObject | undefined } | { isValid: false; message: string };

/** Attributes typed as JSON text: blank is none; else a JSON object within a record's limits. */
export function parseAttributesText(text: string): ParsedAttributes {
  if (text.trim() === '') return { isValid: true, attributes: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? `: ${error.message}` : '';
    return { isValid: false, message: `Attributes are not valid JSON${reason}` };
  }
  const parsed = attributesSchema.safeParse(value);
  if (!parsed.success) {
    return { isValid: false, message: parsed.error.issues[0]?.message ?? 'Attributes are invalid' };
  }
  return { isValid: true, attributes: parsed.data };
}

/** The add-record form as typed. */
export interface AddRecordValues {
  identifierQuery: string;
  name: string;
  attributes: string;
}

export const addRecordFieldNames = ['identifierQuery', 'name', 'attributes'] as const;

export type AddRecordInput = { input: UpsertProfileSourceRecordInput } | { errors: SplitErrors };

/** The request the form's values make for the profile, or what is wrong with them, at each field. */
export function addRecordInputOf(profileId: string, values: AddRecordValues): AddRecordInput {
  const attributes = parseAttributesText(values.attributes);
  const parsed = upsertProfileSourceRecordInput.safeParse({
    profileId,
    identifierQuery: values.identifierQuery,
    name: values.name,
    ...(attributes.isValid && attributes.attributes ? { attributes: attributes.attributes } : {}),
  });
  const errors = parsed.success
    ? { fields: {}, form: null }
    : splitIssues(schemaIssues(parsed.error), addRecordFieldNames);
  const queryProblem = identifierQueryProblem(values.identifierQuery);
  if (queryProblem) errors.fields.identifierQuery = queryProblem;
  if (!attributes.isValid) errors.fields.attributes = attributes.message;
  if (parsed.success && Object.keys(errors.fields).length === 0) return { input: parsed.data };
  return { errors };
}
