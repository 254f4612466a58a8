import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContactInput } from '@tessera/domain';
import { useRef, useState, type FormEvent } from 'react';
import { schemaIssues, splitError, splitIssues } from '../../lib/field-errors.ts';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';
import { Alert } from '../../ui/alert.tsx';
import { CheckboxField } from '../../ui/checkbox-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import { refreshMemberships } from './organization-cache.ts';

export type CreatedContact = RouterOutputs['organizations']['createContact'];

interface ContactValues {
  firstName: string;
  lastName: string;
  email: string;
  isKeyContact: boolean;
}

const emptyContact: ContactValues = { firstName: '', lastName: '', email: '', isKeyContact: false };

const contactFieldNames = ['firstName', 'lastName', 'email', 'isKeyContact'] as const;

interface AddContactFormProps {
  organizationId: string;
  onAdded: (contact: CreatedContact) => void;
  onCancel: () => void;
}

/**
 * A new person as a contact of the organization (reference 004: a contact created from the
 * account's contacts widget): its profile and its membership, flagged as a contact, in one request.
 */
export function AddContactForm({ organizationId, onAdded, onCancel }: AddContactFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ContactValues>(emptyContact);
  const { errors, refuse, clear } = useFormErrors(formRef);
  const create = useMutation(
    trpc.organizations.createContact.mutationOptions({
      onSuccess: async (contact) => {
        setValues(emptyContact);
        await Promise.all([
          refreshMemberships(queryClient, trpc),
          queryClient.invalidateQueries(trpc.profiles.list.pathFilter()),
        ]);
        onAdded(contact);
      },
      onError: (error) => refuse(splitError(error, contactFieldNames)),
    }),
  );

  function change<Field extends keyof ContactValues>(field: Field, value: ContactValues[Field]) {
    setValues((current) => ({ ...current, [field]: value }));
    clear(field);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = createContactInput.safeParse({ organizationId, ...values });
    if (!parsed.success) return refuse(splitIssues(schemaIssues(parsed.error), contactFieldNames));
    clear();
    create.mutate(parsed.data);
  }

  return (
    <form
      ref={formRef}
      className="add-contact-form form"
      onSubmit={submit}
      noValidate
      aria-labelledby="add-contact-title"
    >
      <h3 id="add-contact-title" className="form-subtitle">
        Add a contact
      </h3>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="form-grid">
        <TextField
          id="contact-first-name"
          label="First name"
          required
          autoComplete="off"
          value={values.firstName}
          onValueChange={(value) => change('firstName', value)}
          error={errors.fields.firstName}
        />
        <TextField
          id="contact-last-name"
          label="Last name"
          autoComplete="off"
          value={values.lastName}
          onValueChange={(value) => change('lastName', value)}
          error={errors.fields.lastName}
        />
        <TextField
          id="contact-email"
          label="Email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          onValueChange={(value) => change('email', value)}
          error={errors.fields.email}
        />
      </div>
      <CheckboxField
        id="contact-is-key"
        label="Key contact"
        isChecked={values.isKeyContact}
        onCheckedChange={(isChecked) => change('isKeyContact', isChecked)}
        error={errors.fields.isKeyContact}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add contact'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
