import { useRef, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../ui/alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFocusInvalid } from '../../ui/use-focus-invalid.ts';
import { profileFields, type ProfileFieldSpec, type ProfileFormValues } from './profile-form.fields.ts';
import type { ProfileFormState } from './use-profile-form.ts';

// The profile pages and the profile cache import these from here.
export {
  emptyProfileValues,
  profileFieldNames,
  profileValuesOf,
  type Profile,
  type ProfileFormValues,
} from './profile-form.fields.ts';
export { useProfileForm } from './use-profile-form.ts';

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
        {profileFields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            value={values[field.name]}
            error={errors.fields[field.name]}
            onValueChange={(value) => form.change(field.name, value)}
          />
        ))}
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

interface FieldInputProps {
  field: ProfileFieldSpec;
  value: string;
  error: string | undefined;
  onValueChange: (value: string) => void;
}

function FieldInput({ field, value, error, onValueChange }: FieldInputProps): ReactElement {
  const common = {
    id: field.name,
    label: field.label,
    required: field.isRequired,
    hint: field.hint,
    autoComplete: 'off',
    value,
    onValueChange,
    error,
  };
  switch (field.kind) {
    case 'text':
      return <TextField {...common} />;
    case 'email':
      return <TextField {...common} type="email" spellCheck={false} />;
  }
}
