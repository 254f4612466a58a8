import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { splitError } from '../../lib/field-errors.ts';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';
import { describedByOf, FieldMessages } from '../../ui/field-frame.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { Loading, LoadError } from '../../ui/states.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';

type ContactPoint = RouterOutputs['profiles']['contactPoints']['list'][number];

const keyOptions = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
] as const;

const kindLabel = { email: 'Email', phone: 'Phone' } as const;

/** The profile field a primary contact point of each kind is. */
const primaryFieldLabel = { email: 'email', phone: 'mobile phone' } as const;

const editButtonId = (id: string) => `contact-point-${id}-edit`;
const editInputId = (id: string) => `contact-point-${id}-value`;
const editUuidId = (id: string) => `contact-point-${id}-uuid`;
const addValueId = 'contact-point-value';

const uuidHint = 'The id another system knows it by, unique among this profile’s contact points.';

/**
 * A profile's emails and phones (reference 002: contacts). The primary ones are the profile's
 * email and mobile phone; the first of each kind added becomes primary.
 */
export function ContactPointsSection({ profileId, canWrite }: { profileId: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const points = useQuery(trpc.profiles.contactPoints.list.queryOptions({ profileId }));
  const [key, setKey] = useState<'email' | 'phone'>('email');
  const [value, setValue] = useState('');
  const [uuid, setUuid] = useState('');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const moveFocus = useMoveFocus();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.profiles.contactPoints.list.queryKey({ profileId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.profiles.get.queryKey({ id: profileId }) }),
    ]);
  };
  const add = useMutation(
    trpc.profiles.contactPoints.create.mutationOptions({
      onSuccess: async (added) => {
        setValue('');
        setUuid('');
        setNotice(`Added ${added.value}.`);
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.profiles.contactPoints.delete.mutationOptions({
      onSuccess: async ({ id }) => {
        const index = points.data?.findIndex((point) => point.id === id) ?? -1;
        const removed = points.data?.[index];
        setNotice(removed ? `Removed ${removed.value}.` : '');
        await refresh();
        // The next row's Edit takes the focus, else the one before, else the field that adds one.
        moveFocus(() => {
          if (document.getElementById(editButtonId(id))) return null;
          const editButtons = listRef.current?.querySelectorAll<HTMLElement>('[data-edit]');
          return editButtons?.[index] ?? editButtons?.[index - 1] ?? document.getElementById(addValueId);
        });
      },
    }),
  );
  const makePrimary = useMutation(
    trpc.profiles.contactPoints.setPrimary.mutationOptions({
      onSuccess: async (primary) => {
        setNotice(`${primary.value} is now the profile’s ${primaryFieldLabel[primary.key]}.`);
        await refresh();
        moveFocus(() => document.getElementById(editButtonId(primary.id)));
      },
    }),
  );
  const errors = add.error ? splitError(add.error, ['value', 'key', 'uuid']) : { fields: {}, form: null };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ profileId, key, value, uuid });
  };

  function startEditing(point: ContactPoint) {
    setEditingId(point.id);
    setNotice('');
    moveFocus(() => {
      const input = document.getElementById(editInputId(point.id));
      if (input instanceof HTMLInputElement) input.select();
      return input;
    });
  }

  function stopEditing(id: string) {
    setEditingId(null);
    moveFocus(() => document.getElementById(editButtonId(id)));
  }

  async function saved(updated: ContactPoint) {
    setNotice(`Saved ${updated.value}.`);
    await refresh();
    stopEditing(updated.id);
  }

  const hasPrimary = points.data?.some((point) => point.isPrimary) ?? false;

  return (
    <section className="card" aria-labelledby="profile-contact-points">
      <h2 id="profile-contact-points" className="card-title">
        Contact points
      </h2>
      {points.isPending ? <Loading label="Loading contact points…" /> : null}
      {points.isError ? (
        <LoadError
          title="Could not load the contact points"
          error={points.error}
          onRetry={() => void points.refetch()}
          isRetrying={points.isFetching}
        />
      ) : null}
      {points.data?.length === 0 ? <p className="muted">No email or phone yet.</p> : null}
      {points.data && points.data.length > 0 ? (
        <ul ref={listRef} className="contact-points">
          {points.data.map((point) =>
            point.id === editingId ? (
              <li key={point.id}>
                <ContactPointEditor
                  profileId={profileId}
                  point={point}
                  onSaved={saved}
                  onCancel={() => stopEditing(point.id)}
                />
              </li>
            ) : (
              <li key={point.id}>
                <span className="contact-point-value">
                  <span className="muted">{kindLabel[point.key]}</span> {point.value}
                  {point.isPrimary ? <span className="badge">Primary</span> : null}
                  {point.uuid ? <span className="contact-point-uuid muted">uuid {point.uuid}</span> : null}
                </span>
                {canWrite ? (
                  <span className="contact-point-actions">
                    {point.isPrimary ? null : (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => makePrimary.mutate({ profileId, id: point.id })}
                        disabled={makePrimary.isPending}
                        aria-label={`Make ${point.value} the primary ${primaryFieldLabel[point.key]}`}
                      >
                        Make primary
                      </button>
                    )}
                    <button
                      type="button"
                      id={editButtonId(point.id)}
                      data-edit
                      className="button button-small"
                      onClick={() => startEditing(point)}
                      aria-label={`Edit ${point.value}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      onClick={() => remove.mutate({ profileId, id: point.id })}
                      disabled={remove.isPending}
                      aria-label={`Remove ${point.value}`}
                    >
                      Remove
                    </button>
                  </span>
                ) : null}
              </li>
            ),
          )}
        </ul>
      ) : null}
      {hasPrimary ? (
        <p className="field-hint contact-points-note">
          Primary: the profile’s email and mobile phone. Editing or removing one changes the profile
          {canWrite ? '; Make primary puts another one in its place, which stays here.' : '.'}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {remove.isError ? <p className="field-error">{messageOf(remove.error)}</p> : null}
      {makePrimary.isError ? <p className="field-error">{messageOf(makePrimary.error)}</p> : null}
      {canWrite ? (
        <form className="contact-point-form" onSubmit={submit} noValidate>
          <SelectField
            id="contact-point-key"
            label="Kind"
            value={key}
            options={keyOptions}
            onValueChange={(next) => setKey(next === 'phone' ? 'phone' : 'email')}
            required
          />
          <TextField
            id={addValueId}
            label={key === 'email' ? 'Email address' : 'Phone number'}
            type={key === 'email' ? 'email' : 'tel'}
            spellCheck={false}
            autoComplete="off"
            value={value}
            onValueChange={setValue}
            error={errors.fields.value}
            required
          />
          <TextField
            id="contact-point-uuid"
            label="Uuid"
            spellCheck={false}
            autoComplete="off"
            value={uuid}
            onValueChange={setUuid}
            error={errors.fields.uuid}
            hint={uuidHint}
          />
          {errors.form ? <p className="field-error">{errors.form}</p> : null}
          <button type="submit" className="button" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add contact point'}
          </button>
        </form>
      ) : null}
    </section>
  );
}

interface ContactPointEditorProps {
  profileId: string;
  point: ContactPoint;
  onSaved: (updated: ContactPoint) => Promise<void>;
  onCancel: () => void;
}

/** One contact point's value, edited where it is shown: Enter saves, Escape cancels. */
function ContactPointEditor({ profileId, point, onSaved, onCancel }: ContactPointEditorProps) {
  const trpc = useTRPC();
  const [value, setValue] = useState(point.value);
  const [uuid, setUuid] = useState(point.uuid ?? '');
  const moveFocus = useMoveFocus();
  const inputId = editInputId(point.id);
  const uuidId = editUuidId(point.id);
  const update = useMutation(
    trpc.profiles.contactPoints.update.mutationOptions({
      onSuccess: onSaved,
      onError: (failure) =>
        moveFocus(() =>
          document.getElementById(splitError(failure, ['value', 'uuid']).fields.uuid ? uuidId : inputId),
        ),
    }),
  );
  const errors = update.error ? splitError(update.error, ['value', 'uuid']) : { fields: {}, form: null };
  const error = errors.fields.value;
  const uuidError = errors.fields.uuid;
  const hint = point.isPrimary
    ? `The profile’s ${primaryFieldLabel[point.key]}: saving changes it on the profile too.`
    : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    if (value.trim() === point.value && uuid.trim() === (point.uuid ?? '')) return onCancel();
    update.mutate({ profileId, id: point.id, key: point.key, value, uuid });
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || update.isPending) return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form className="contact-point-edit" onSubmit={submit} onKeyDown={cancelOnEscape} noValidate>
      <label htmlFor={inputId}>
        {kindLabel[point.key]}
        {point.isPrimary ? <span className="badge">Primary</span> : null}
      </label>
      <div className="input-with-action">
        <input
          id={inputId}
          type={point.key === 'email' ? 'email' : 'tel'}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            update.reset();
          }}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByOf(inputId, error, hint)}
        />
        <span className="contact-point-edit-actions">
          <button
            type="submit"
            className="button button-small button-primary"
            aria-disabled={update.isPending}
          >
            {update.isPending ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={onCancel}
            disabled={update.isPending}
          >
            Cancel
          </button>
        </span>
      </div>
      <FieldMessages id={inputId} error={error} hint={hint} />
      <label htmlFor={uuidId}>
        Uuid<span className="field-optional"> (optional)</span>
      </label>
      <input
        id={uuidId}
        value={uuid}
        onChange={(event) => {
          setUuid(event.target.value);
          update.reset();
        }}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={uuidError ? true : undefined}
        aria-describedby={describedByOf(uuidId, uuidError, uuidHint)}
      />
      <FieldMessages id={uuidId} error={uuidError} hint={uuidHint} />
      {errors.form ? <p className="field-error">{errors.form}</p> : null}
    </form>
  );
}
