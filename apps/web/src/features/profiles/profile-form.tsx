import { useRef, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../ui/alert.tsx';
import { CheckboxField, CheckboxGroup } from '../../ui/checkbox-field.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFocusInvalid } from '../../ui/use-focus-invalid.ts';
import { ProfileAddressesField } from './profile-addresses-field.tsx';
import {
  profileFieldGroups,
  profileFields,
  type ProfileFieldName,
  type ProfileFormValues,
} from './profile-form.fields.ts';
import type { ProfileChoices } from './use-profile-choices.ts';
import type { ProfileFormState } from './use-profile-form.ts';

// The profile pages and the profile cache import these from here.
export {
  emptyProfileValues,
  profileInputOf,
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
  /** What the selects and checkboxes offer */
  choices: ProfileChoices;
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
  choices,
  notice,
}: ProfileFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, form.attempt);
  const { errors } = form;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isPending) onSubmit(form.values);
  }

  return (
    <form ref={formRef} className="card form form-narrow" onSubmit={submit} noValidate>
      {notice}
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      {profileFieldGroups.map((group) => (
        <fieldset key={group.id} className="form-section">
          <legend>{group.title}</legend>
          <div className="form-grid">
            {profileFields
              .filter((field) => field.group === group.id)
              .map((field) => (
                <FieldInput
                  key={field.name}
                  name={field.name}
                  form={form}
                  choices={choices}
                  error={errors.fields[field.name]}
                />
              ))}
          </div>
        </fieldset>
      ))}
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
  name: ProfileFieldName;
  form: ProfileFormState;
  choices: ProfileChoices;
  error: string | undefined;
}

const inputTypeOfKind = { email: 'email', tel: 'tel', url: 'url', dateTime: 'datetime-local' } as const;

function FieldInput({ name, form, choices, error }: FieldInputProps): ReactElement | null {
  const field = profileFields.find((candidate) => candidate.name === name);
  if (!field) return null;
  const { values } = form;
  const hint = 'hint' in field ? field.hint : undefined;
  const isRequired = 'isRequired' in field && field.isRequired;
  const common = { id: field.name, label: field.label, required: isRequired, hint, error };
  const text = (value: string) => ({
    ...common,
    value,
    autoComplete: 'off',
    onValueChange: (next: string) => form.change(name, next),
  });
  switch (field.kind) {
    case 'text':
    case 'list':
      return <TextField {...text(values[field.name])} />;
    case 'number':
      return <TextField {...text(values[field.name])} inputMode="numeric" />;
    case 'email':
    case 'tel':
    case 'url':
    case 'dateTime':
      return (
        <TextField {...text(values[field.name])} type={inputTypeOfKind[field.kind]} spellCheck={false} />
      );
    case 'select':
      return (
        <SelectField
          {...common}
          value={values[field.name]}
          options={choices[field.choices]}
          noneLabel={'noneLabel' in field ? field.noneLabel : undefined}
          onValueChange={(next) => form.change(field.name, next)}
        />
      );
    case 'checkbox':
      return (
        <CheckboxField
          id={field.name}
          label={field.label}
          isChecked={values[field.name]}
          onCheckedChange={(next) => form.change(field.name, next)}
          error={error}
        />
      );
    case 'checkboxes':
      return (
        <CheckboxGroup
          id={field.name}
          label={field.label}
          options={choices[field.choices]}
          values={values[field.name]}
          onValuesChange={(next) => form.change(field.name, next)}
          error={error}
          emptyText="This workspace has no statuses yet; an admin adds them in Settings."
        />
      );
    case 'addresses':
      return <ProfileAddressesField form={form} countries={choices.countries} error={error} />;
  }
}
