import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { FieldIssue } from '@tessera/api';
import { splitIssues, type SplitErrors } from '../../lib/field-errors.ts';
import type { RouterOutputs } from '../../lib/trpc.ts';
import { Alert } from '../../ui/alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFocusInvalid } from '../../ui/use-focus-invalid.ts';

export type Profile = RouterOutputs['profiles']['get'];

export const profileFieldNames = ['firstName', 'middleName', 'lastName', 'email'] as const;
type ProfileFieldName = (typeof profileFieldNames)[number];
export type ProfileFormValues = Record<ProfileFieldName, string>;

export const emptyProfileValues: ProfileFormValues = {
  firstName: '',
  middleName: '',
  lastName: '',
  email: '',
};

export function profileValuesOf(profile: Profile): ProfileFormValues {
  return {
    firstName: profile.firstName,
    middleName: profile.middleName ?? '',
    lastName: profile.lastName ?? '',
    email: profile.email ?? '',
  };
}

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
    change(field: ProfileFieldName, value: string) {
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

interface ProfileFormProps {
  form: ProfileFormState;
  submitLabel: string;
  pendingLabel: string;
  isPending: boolean;
  cancelTo: string;
  onSubmit: (values: ProfileFormValues) => void;
  /** A message above the fields, such as a conflict with someone else's change */
  notice?: ReactNode;
}

export function ProfileForm({
  form,
  submitLabel,
  pendingLabel,
  isPending,
  cancelTo,
  onSubmit,
  notice,
}: ProfileFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, form.attempt);
  const { values, errors } = form;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isPending) onSubmit(values);
  }

  return (
    <form ref={formRef} className="card form form-narrow" onSubmit={submit} noValidate>
      {notice}
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="form-grid">
        <TextField
          id="firstName"
          label="First name"
          required
          autoComplete="off"
          value={values.firstName}
          onValueChange={(value) => form.change('firstName', value)}
          error={errors.fields.firstName}
        />
        <TextField
          id="middleName"
          label="Middle name"
          autoComplete="off"
          value={values.middleName}
          onValueChange={(value) => form.change('middleName', value)}
          error={errors.fields.middleName}
        />
        <TextField
          id="lastName"
          label="Last name"
          autoComplete="off"
          value={values.lastName}
          onValueChange={(value) => form.change('lastName', value)}
          error={errors.fields.lastName}
        />
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          onValueChange={(value) => form.change('email', value)}
          error={errors.fields.email}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isPending}>
          {isPending ? pendingLabel : submitLabel}
        </button>
        <Link className="button" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
