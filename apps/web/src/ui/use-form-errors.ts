import { useState, type RefObject } from 'react';
import type { SplitErrors } from '../lib/field-errors.ts';
import { useFocusInvalid } from './use-focus-invalid.ts';

export const noErrors: SplitErrors = { fields: {}, form: null };

/**
 * The errors a form shows and how many submits were refused: `refuse` shows why one was; the form
 * then moves the focus to the first field at fault (`useFocusInvalid` with `attempt`).
 */
export function useRefusals() {
  const [errors, setErrors] = useState<SplitErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const refuse = (next: SplitErrors) => {
    setErrors(next);
    setAttempt((count) => count + 1);
  };
  return { errors, setErrors, attempt, refuse };
}

/**
 * The errors a form shows: `refuse` shows why a submit was refused and moves the focus to the first
 * field at fault; `clear` drops one field's error (once it is edited) or, without a field, them all.
 */
export function useFormErrors(formRef: RefObject<HTMLFormElement | null>) {
  const { errors, setErrors, attempt, refuse } = useRefusals();
  useFocusInvalid(formRef, attempt);
  const clear = (field?: string) => {
    setErrors((current) =>
      field === undefined ? noErrors : { ...current, fields: { ...current.fields, [field]: undefined } },
    );
  };
  return { errors, refuse, clear };
}
