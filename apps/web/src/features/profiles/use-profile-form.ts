import type { FieldIssue } from '@tessera/api';
import { useState } from 'react';
import { splitError, splitIssues, type SplitErrors } from '../../lib/field-errors.ts';
import { noErrors, useRefusals } from '../../ui/use-form-errors.ts';
import type { AddressFormValues } from './profile-form.addresses.ts';
import { profileErrorPaths, type ProfileFieldName, type ProfileFormValues } from './profile-form.fields.ts';

function withoutAddressErrors(errors: SplitErrors): SplitErrors {
  const fields = Object.fromEntries(
    Object.entries(errors.fields).filter(([path]) => path !== 'addresses' && !path.startsWith('addresses.')),
  );
  return { ...errors, fields };
}

/** The state of a profile form: its values, the errors to show, and how often a submit was refused. */
export function useProfileForm(initial: ProfileFormValues) {
  const [values, setValues] = useState(initial);
  const { errors, setErrors, attempt, refuse } = useRefusals();
  return {
    values,
    errors,
    attempt,
    change<Name extends ProfileFieldName>(field: Name, value: ProfileFormValues[Name]) {
      setValues((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
    },
    /**
     * Changes the addresses. An edit of one field (`path`, like `addresses.0.city`) drops that field's
     * error; adding, removing or reordering drops the errors of them all, whose places no longer match.
     */
    changeAddresses(apply: (addresses: AddressFormValues[]) => AddressFormValues[], path?: string) {
      setValues((current) => ({ ...current, addresses: apply(current.addresses) }));
      setErrors((current) =>
        path === undefined
          ? withoutAddressErrors(current)
          : { ...current, fields: { ...current.fields, [path]: undefined } },
      );
    },
    /** The server's refusal, at the fields it names. */
    refuseError(error: unknown) {
      refuse(splitError(error, profileErrorPaths(values)));
    },
    /** The domain schema's issues with the values, at their fields. */
    refuseIssues(issues: FieldIssue[]) {
      refuse(splitIssues(issues, profileErrorPaths(values)));
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
