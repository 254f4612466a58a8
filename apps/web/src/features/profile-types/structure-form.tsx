import { objectKinds, type ObjectKind } from '@tessera/domain';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../ui/alert.tsx';
import { controlAttributes, FieldFrame } from '../../ui/field-frame.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFocusInvalid } from '../../ui/use-focus-invalid.ts';
import { objectKindLabels, objectKindOptions } from './structure-labels.ts';
import type { StructureFormState } from './use-structure-form.ts';

export interface StructureFormProps<Values> {
  form: StructureFormState<Values>;
  /** A new item: its kind can be chosen, and its slug follows its name until typed */
  isNew: boolean;
  submitLabel: string;
  pendingLabel: string;
  isPending: boolean;
  onSubmit: (values: Values) => void;
}

interface StructureFormShellProps {
  form: Pick<StructureFormState<unknown>, 'errors' | 'attempt'>;
  onSubmit: () => void;
  isPending: boolean;
  /** False while what the form needs to submit is still loading */
  isReady?: boolean;
  submitLabel: string;
  pendingLabel: string;
  cancelTo: string;
  children: ReactNode;
}

/**
 * The frame of a profile type, attribute or workflow form: its refusal at the top, the fields,
 * then submit and cancel; after a refused submit the focus goes to the first field at fault.
 */
export function StructureFormShell(props: StructureFormShellProps) {
  const { form, onSubmit, isPending, isReady = true, submitLabel, pendingLabel, cancelTo, children } = props;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, form.attempt);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isPending && isReady) onSubmit();
  }

  return (
    <form ref={formRef} className="card form form-narrow" onSubmit={submit} noValidate>
      {form.errors.form ? <Alert tone="error">{form.errors.form}</Alert> : null}
      {children}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isPending || !isReady}>
          {isPending ? pendingLabel : submitLabel}
        </button>
        <Link className="button" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

interface ObjectKindFieldProps {
  isNew: boolean;
  value: ObjectKind;
  error: string | undefined;
  /** What the kind is to the item, said under the select */
  hint: string;
  onKindChange: (kind: ObjectKind) => void;
}

/** The kind of record an item applies to: chosen when it is new, shown as fixed after. */
export function ObjectKindField({ isNew, value, error, hint, onKindChange }: ObjectKindFieldProps) {
  if (!isNew) {
    return (
      <div className="field">
        <span className="field-label">Object kind</span>
        <span>{objectKindLabels[value]}</span>
        <span className="field-hint">Fixed once it exists.</span>
      </div>
    );
  }
  return (
    <SelectField
      id="objectKind"
      label="Object kind"
      required
      value={value}
      options={objectKindOptions}
      onValueChange={(next) => {
        const kind = objectKinds.find((each) => each === next);
        if (kind) onKindChange(kind);
      }}
      error={error}
      hint={`${hint}; it cannot change later.`}
    />
  );
}

type NameKey = 'title' | 'label' | 'name';

interface NameAndSlugFieldsProps<V extends { slug: string } & { [key in K]: string }, K extends NameKey> {
  form: StructureFormState<V>;
  nameKey: K;
  nameLabel: string;
  /** The slug a name suggests */
  slugOf: (name: string) => string;
  /** A new item's slug follows its name until the slug is typed */
  isNew: boolean;
  /** Whether the slug stays as it is once the item exists (records keep values under an attribute's) */
  isSlugFixed: boolean;
  slugHint: string;
}

/** An item's name and slug; a new item's slug is suggested from its name until it is typed. */
export function NameAndSlugFields<V extends { slug: string } & { [key in K]: string }, K extends NameKey>(
  props: NameAndSlugFieldsProps<V, K>,
) {
  const { form, nameKey, nameLabel, slugOf, isNew, isSlugFixed, slugHint } = props;
  const [isSlugSuggested, setIsSlugSuggested] = useState(isNew);
  const { values, errors, change } = form;
  return (
    <>
      <TextField
        id={nameKey}
        label={nameLabel}
        required
        autoComplete="off"
        value={values[nameKey]}
        onValueChange={(name) =>
          change(
            (current) => ({
              ...current,
              [nameKey]: name,
              slug: isSlugSuggested ? slugOf(name) : current.slug,
            }),
            [nameKey, 'slug'],
          )
        }
        error={errors.fields[nameKey]}
      />
      {isSlugFixed && !isNew ? (
        <div className="field">
          <span className="field-label">Slug</span>
          <code className="field-value">{values.slug}</code>
          <span className="field-hint">{slugHint}</span>
        </div>
      ) : (
        <TextField
          id="slug"
          label="Slug"
          required
          autoComplete="off"
          spellCheck={false}
          value={values.slug}
          onValueChange={(slug) => {
            setIsSlugSuggested(false);
            change((current) => ({ ...current, slug }), ['slug']);
          }}
          error={errors.fields.slug}
          hint={slugHint}
        />
      )}
    </>
  );
}

/** An item's optional description. */
export function DescriptionField<V extends { description: string }>({
  form,
}: {
  form: StructureFormState<V>;
}) {
  const error = form.errors.fields.description;
  return (
    <FieldFrame id="description" label="Description" required={false} error={error} hint={undefined}>
      <textarea
        {...controlAttributes({ id: 'description', error, hint: undefined, required: false })}
        rows={2}
        value={form.values.description}
        onChange={(event) =>
          form.change((current) => ({ ...current, description: event.target.value }), ['description'])
        }
      />
    </FieldFrame>
  );
}
