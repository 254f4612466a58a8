import type { FieldIssue } from '@tessera/api';
import { useState } from 'react';
import { splitError, splitIssues } from '../../lib/field-errors.ts';
import { noErrors, useRefusals } from '../../ui/use-form-errors.ts';

/**
 * The state of a form for a profile type, attribute definition or workflow: its values, the
 * errors it shows at the fields `fieldNamesOf` names, and how often a submit was refused (after
 * which the focus goes to the first field at fault).
 */
export function useStructureForm<Values>(initial: Values, fieldNamesOf: (values: Values) => string[]) {
  const [values, setValues] = useState(initial);
  const { errors, setErrors, attempt, refuse } = useRefusals();
  return {
    values,
    errors,
    attempt,
    /**
     * Changes the values and drops the errors at `paths`; without paths (rows added, moved or
     * removed), the field errors of them all, whose places no longer match.
     */
    change: (apply: (current: Values) => Values, paths?: readonly string[]) => {
      setValues(apply);
      setErrors((current) => ({
        ...current,
        fields: paths
          ? { ...current.fields, ...Object.fromEntries(paths.map((path) => [path, undefined])) }
          : {},
      }));
    },
    /** Issues found before sending, at their fields. */
    refuseIssues: (issues: readonly FieldIssue[]) => {
      refuse(splitIssues(issues, fieldNamesOf(values)));
    },
    /** The server's refusal, at the fields it names. */
    refuseError: (error: unknown) => {
      refuse(splitError(error, fieldNamesOf(values)));
    },
    clearErrors: () => {
      setErrors(noErrors);
    },
  };
}

export type StructureFormState<Values> = ReturnType<typeof useStructureForm<Values>>;
