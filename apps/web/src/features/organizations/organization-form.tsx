import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createOrganizationInput, updateOrganizationInput } from '@tessera/domain';
import { useRef, useState, type FormEvent } from 'react';
import { schemaIssues, splitError, splitIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Alert } from '../../ui/alert.tsx';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import { rememberOrganization } from './organization-cache.ts';
import { OrganizationFields } from './organization-fields.tsx';
import {
  emptyOrganization,
  organizationFieldNames,
  organizationValuesOf,
  type Organization,
  type OrganizationFieldName,
  type OrganizationValues,
} from './organization.values.ts';

interface OrganizationFormProps {
  /** The organization edited; without one, the form creates an organization */
  organization?: Organization;
  onSaved: (organization: Organization) => void;
  /** Given for an edit, which can be left without saving */
  onCancel?: () => void;
}

/** Creates an organization, or edits one's name, external id and domain; errors show at their field. */
export function OrganizationForm({ organization, onSaved, onCancel }: OrganizationFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<OrganizationValues>(
    organization ? organizationValuesOf(organization) : emptyOrganization,
  );
  const { errors, refuse, clear } = useFormErrors(formRef);
  const saved = async (shown: Organization) => {
    await rememberOrganization(queryClient, trpc, shown);
    onSaved(shown);
  };
  const onError = (error: unknown) => refuse(splitError(error, organizationFieldNames));
  const create = useMutation(trpc.organizations.create.mutationOptions({ onSuccess: saved, onError }));
  const update = useMutation(trpc.organizations.update.mutationOptions({ onSuccess: saved, onError }));
  const isPending = create.isPending || update.isPending;
  const titleId = organization ? 'edit-organization-title' : 'new-organization-title';

  function change(field: OrganizationFieldName, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    clear(field);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    if (organization) {
      const parsed = updateOrganizationInput.safeParse({ id: organization.id, ...values });
      if (!parsed.success) return refuse(splitIssues(schemaIssues(parsed.error), organizationFieldNames));
      clear();
      update.mutate(parsed.data);
    } else {
      const parsed = createOrganizationInput.safeParse(values);
      if (!parsed.success) return refuse(splitIssues(schemaIssues(parsed.error), organizationFieldNames));
      clear();
      create.mutate(parsed.data);
    }
  }

  return (
    <form ref={formRef} className="card form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {organization ? 'Edit details' : 'New organization'}
      </h2>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <OrganizationFields
        idPrefix={organization ? 'edit-organization' : 'new-organization'}
        values={values}
        errors={errors.fields}
        onChange={change}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={isPending}>
          {organization
            ? update.isPending
              ? 'Saving…'
              : 'Save changes'
            : create.isPending
              ? 'Creating…'
              : 'Create organization'}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel} disabled={isPending}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
