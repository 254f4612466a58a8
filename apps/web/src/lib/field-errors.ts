import type { FieldIssue } from '@tessera/api';
import { issuesOf, messageOf } from './api-errors.ts';

/** One message per field path, the first one reported. */
export type FieldErrors = Partial<Record<string, string>>;

interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The issues of a failed client-side `safeParse`, in the shape the server reports them. */
export function schemaIssues(error: { readonly issues: readonly SchemaIssue[] }): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export interface SplitErrors {
  /** Messages for the fields the form shows */
  fields: FieldErrors;
  /** What cannot be shown at a field: issues about other paths, or the error itself */
  form: string | null;
}

/**
 * The field an issue belongs to: the one its path names, or else the nearest enclosing one
 * (`statuses.2` belongs to a `statuses` field).
 */
export function fieldOfPath(path: string, fieldNames: readonly string[]): string | undefined {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join('.');
    if (fieldNames.includes(candidate)) return candidate;
  }
  return undefined;
}

/** Sorts issues into those a form can show at a field and the rest. */
export function splitIssues(issues: readonly FieldIssue[], fieldNames: readonly string[]): SplitErrors {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = issue.path === '' ? undefined : fieldOfPath(issue.path, fieldNames);
    if (field === undefined) other.push(issue.message);
    else fields[field] ??= issue.message;
  }
  return { fields, form: other.length > 0 ? other.join(' ') : null };
}

/** Sorts the error a request ended with into field messages and a message for the whole form. */
export function splitError(error: unknown, fieldNames: readonly string[]): SplitErrors {
  const issues = issuesOf(error);
  const split = splitIssues(issues, fieldNames);
  if (issues.length === 0 || (split.form === null && Object.keys(split.fields).length === 0)) {
    return { fields: {}, form: messageOf(error) };
  }
  return split;
}
