import type { FieldIssue } from '@tessera/api';
import { useState } from 'react';
import { splitIssues, type SplitErrors } from '../../lib/field-errors.ts';
import { profileFieldNames, type ProfileFieldName, type ProfileFormValues } from './profile-form.fields.ts';

const noErrors: SplitErrors = { fields: {}, form: null };

/** The state of a profile form: its values, the errors to show, and how often a submit was refused. */
export function useProfileForm(initial: ProfileFormValues) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<SplitErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  return {
    values,
    errors,
    attempt,
    change<Name extends ProfileFieldName>(field: Name, value: ProfileFormValues[Name]) {
      setValues((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
    },
    /** Shows why a submit was refused and moves the focus to the first field at fault. */
    refuse(next: SplitErrors) {
      setErrors(next);
      setAttempt((count) => count + 1);
    },
    refuseIssues(issues: FieldIssue[]) {
      setErrors(splitIssues(issues, profileFieldNames));
      setAttempt((count) => count + 1);
    },
    clearErrors() {
      setErrors(noErrors);
    },
    reset(next: ProfileFormValues) {
      setValues(next);
      setErrors(noErrors);
    },
  };
}

export type ProfileFormState = ReturnType<typeof useProfileForm>;
