import type { FieldErrors } from '../../lib/field-errors.ts';
import { TextField } from '../../ui/text-field.tsx';
import type { OrganizationFieldName, OrganizationValues } from './organization.values.ts';

interface OrganizationFieldsProps {
  /** Starts the ids of the fields, so that two forms on one page do not share them */
  idPrefix: string;
  values: OrganizationValues;
  errors: FieldErrors;
  onChange: (field: OrganizationFieldName, value: string) => void;
}

/** The name, external id and domain of an organization, each with its error. */
export function OrganizationFields({ idPrefix, values, errors, onChange }: OrganizationFieldsProps) {
  return (
    <div className="form-grid">
      <TextField
        id={`${idPrefix}-name`}
        label="Name"
        required
        autoComplete="off"
        maxLength={200}
        value={values.name}
        onValueChange={(value) => onChange('name', value)}
        error={errors.name}
      />
      <TextField
        id={`${idPrefix}-external-id`}
        label="External id"
        autoComplete="off"
        spellCheck={false}
        maxLength={255}
        value={values.externalId}
        onValueChange={(value) => onChange('externalId', value)}
        error={errors.externalId}
        hint="Its id in the systems it comes from; no two organizations share one."
      />
      <TextField
        id={`${idPrefix}-domain`}
        label="Domain"
        autoComplete="off"
        spellCheck={false}
        inputMode="url"
        value={values.domain}
        onValueChange={(value) => onChange('domain', value)}
        error={errors.domain}
        hint="Its web address without https://, like example.com."
      />
    </div>
  );
}
