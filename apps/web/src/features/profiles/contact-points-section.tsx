import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { splitError } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';

const keyOptions = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
] as const;

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
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.profiles.contactPoints.list.queryKey({ profileId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.profiles.get.queryKey({ id: profileId }) }),
    ]);
  };
  const add = useMutation(
    trpc.profiles.contactPoints.create.mutationOptions({
      onSuccess: async () => {
        setValue('');
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.profiles.contactPoints.delete.mutationOptions({ onSuccess: refresh }));
  const errors = add.error ? splitError(add.error, ['value', 'key']) : { fields: {}, form: null };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ profileId, key, value });
  };

  return (
    <section className="card" aria-labelledby="profile-contact-points">
      <h2 id="profile-contact-points" className="card-title">
        Contact points
      </h2>
      {points.isPending ? <p className="muted">Loading…</p> : null}
      {points.isError ? <p className="field-error">{messageOf(points.error)}</p> : null}
      {points.data?.length === 0 ? <p className="muted">No email or phone yet.</p> : null}
      {points.data && points.data.length > 0 ? (
        <ul className="contact-points">
          {points.data.map((point) => (
            <li key={point.id}>
              <span>
                {point.key === 'email' ? 'Email' : 'Phone'}: {point.value}
                {point.isPrimary ? <span className="badge">Primary</span> : null}
              </span>
              {canWrite ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => remove.mutate({ profileId, id: point.id })}
                  disabled={remove.isPending}
                  aria-label={`Remove ${point.value}`}
                >
                  Remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {remove.isError ? <p className="field-error">{messageOf(remove.error)}</p> : null}
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
            id="contact-point-value"
            label={key === 'email' ? 'Email address' : 'Phone number'}
            value={value}
            onValueChange={setValue}
            error={errors.fields.value}
            required
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
