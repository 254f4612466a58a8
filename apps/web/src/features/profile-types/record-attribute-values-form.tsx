import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ObjectKind } from '@tessera/domain';
import { useRef, useState, type FormEvent } from 'react';
import { splitError, splitIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import { AttributeValueField } from './attribute-value-field.tsx';
import { changedValuesOf, draftsOf, emptyDraft, type AttributeDefinition } from './attribute-value.drafts.ts';
import { refreshRecord } from './structure-cache.ts';

const valuePath = (slug: string) => `attributes.${slug}`;

interface RecordAttributeValuesFormProps {
  objectKind: ObjectKind;
  recordId: string;
  /** Whose values the form edits: one profile type's attributes */
  title: string;
  definitions: readonly AttributeDefinition[];
  values: Record<string, unknown>;
  /** Called once the values are saved, or the edit is given up */
  onDone: (notice: string | null) => void;
}

/** Edits a record's values of some attributes in place; only what changed is sent, each refusal shown at its field. */
export function RecordAttributeValuesForm(props: RecordAttributeValuesFormProps) {
  const { objectKind, recordId, title, definitions, values, onDone } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [initial] = useState(() => draftsOf(definitions, values));
  const [drafts, setDrafts] = useState(initial);
  const { errors, refuse, clear } = useFormErrors(formRef);
  const paths = definitions.map((definition) => valuePath(definition.slug));

  const save = useMutation(
    trpc.attributeValues.set.mutationOptions({
      onSuccess: async (shown) => {
        await refreshRecord(queryClient, trpc, shown);
        onDone(`Saved the values of ${title}.`);
      },
      onError: (error) => refuse(splitError(error, paths)),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const changed = changedValuesOf(definitions, initial, drafts);
    const issues = Object.entries(changed.errors).map(([path, message]) => ({ path, message }));
    if (issues.length > 0) return refuse(splitIssues(issues, paths));
    if (Object.keys(changed.values).length === 0) return onDone(null);
    clear();
    save.mutate({ objectKind, recordId, attributes: changed.values });
  }

  return (
    <form
      ref={formRef}
      className="record-values-form"
      onSubmit={submit}
      noValidate
      aria-label={`Values of ${title}`}
    >
      <div className="form-grid">
        {definitions.map((definition) => {
          const path = valuePath(definition.slug);
          return (
            <AttributeValueField
              key={definition.slug}
              id={path}
              definition={definition}
              draft={drafts[definition.slug] ?? emptyDraft(definition.dataType)}
              isRequired={definition.isRequired}
              error={errors.fields[path]}
              onDraftChange={(draft) => {
                setDrafts((current) => ({ ...current, [definition.slug]: draft }));
                clear(path);
              }}
            />
          );
        })}
      </div>
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" aria-disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save values'}
        </button>
        <button type="button" className="button button-small" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
