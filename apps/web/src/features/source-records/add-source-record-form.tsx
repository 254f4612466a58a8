import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { splitError } from '../../lib/field-errors.ts';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';
import { controlAttributes, FieldFrame } from '../../ui/field-frame.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import {
  addRecordFieldNames,
  addRecordInputOf,
  identifierQueryExample,
  type AddRecordValues,
} from './source-record-input.ts';

export type UpsertedRecord = RouterOutputs['sourceRecords']['upsertForProfile'];

const emptyValues: AddRecordValues = { identifierQuery: '', name: '', attributes: '' };
const attributesId = 'source-record-attributes';
const attributesHint = 'A JSON object, like {"plan": "gold", "address": {"city": "London"}}.';

interface AddSourceRecordFormProps {
  profileId: string;
  onSaved: (record: UpsertedRecord) => Promise<void>;
}

/** Adds a record to the profile at an identifier query, or replaces the one already there. */
export function AddSourceRecordForm({ profileId, onSaved }: AddSourceRecordFormProps) {
  const trpc = useTRPC();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<AddRecordValues>(emptyValues);
  const { errors, refuse, clear } = useFormErrors(formRef);

  const upsert = useMutation(
    trpc.sourceRecords.upsertForProfile.mutationOptions({
      onSuccess: async (record) => {
        setValues(emptyValues);
        await onSaved(record);
      },
      onError: (error) => refuse(splitError(error, addRecordFieldNames)),
    }),
  );

  function change(field: keyof AddRecordValues, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    clear(field);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (upsert.isPending) return;
    const result = addRecordInputOf(profileId, values);
    if ('errors' in result) return refuse(result.errors);
    clear();
    upsert.mutate(result.input);
  }

  return (
    <form
      ref={formRef}
      className="source-record-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="source-record-form-title"
    >
      <h3 id="source-record-form-title">Add a record</h3>
      <div className="source-record-form-fields">
        <TextField
          id="source-record-query"
          label="Identifier query"
          required
          spellCheck={false}
          autoComplete="off"
          placeholder="source:type:identifier_type:identifier_value"
          value={values.identifierQuery}
          onValueChange={(value) => change('identifierQuery', value)}
          error={errors.fields.identifierQuery}
          hint={`Like ${identifierQueryExample}. A record of this profile already at this query is replaced.`}
        />
        <TextField
          id="source-record-name"
          label="Name"
          autoComplete="off"
          value={values.name}
          onValueChange={(value) => change('name', value)}
          error={errors.fields.name}
          hint="Without one, the record is named from its identifiers."
        />
      </div>
      <FieldFrame
        id={attributesId}
        label="Attributes"
        required={false}
        error={errors.fields.attributes}
        hint={attributesHint}
      >
        <textarea
          {...controlAttributes({
            id: attributesId,
            error: errors.fields.attributes,
            hint: attributesHint,
            required: false,
          })}
          rows={4}
          spellCheck={false}
          value={values.attributes}
          onChange={(event) => change('attributes', event.target.value)}
        />
      </FieldFrame>
      {errors.form ? <p className="field-error">{errors.form}</p> : null}
      <div>
        <button type="submit" className="button" aria-disabled={upsert.isPending}>
          {upsert.isPending ? 'Adding…' : 'Add record'}
        </button>
      </div>
    </form>
  );
}
