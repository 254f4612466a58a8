import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createMemberInput, passwordLengthMin } from '@tessera/domain';
import { useRef, useState, type FormEvent } from 'react';
import { schemaIssues, splitError, splitIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Alert } from '../../ui/alert.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import { roleLabel } from '../auth/role-label.ts';
import { useSession } from '../auth/session.tsx';
import {
  createMemberInputOf,
  emptyNewMember,
  newMemberFieldNames,
  roleOptions,
  type NewMemberValues,
} from './members.values.ts';

export function CreateMemberForm() {
  const { member: me } = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<NewMemberValues>(emptyNewMember);
  const { errors, refuse, clear } = useFormErrors(formRef);
  const [added, setAdded] = useState<string | null>(null);

  const create = useMutation(
    trpc.members.create.mutationOptions({
      onSuccess: async (member) => {
        setValues(emptyNewMember);
        setAdded(`${member.name} was added as ${roleLabel(member.role)}.`);
        await queryClient.invalidateQueries(trpc.members.list.queryFilter());
      },
      onError: (error) => refuse(splitError(error, newMemberFieldNames)),
    }),
  );

  function change(field: keyof NewMemberValues, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    clear(field);
    setAdded(null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = createMemberInput.safeParse(createMemberInputOf(values));
    if (!parsed.success) return refuse(splitIssues(schemaIssues(parsed.error), newMemberFieldNames));
    clear();
    create.mutate(parsed.data);
  }

  return (
    <form
      ref={formRef}
      className="card form"
      onSubmit={submit}
      noValidate
      aria-labelledby="create-member-title"
    >
      <h2 id="create-member-title" className="card-title">
        Add a member
      </h2>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      {added ? <Alert tone="success">{added}</Alert> : null}
      <div className="form-grid">
        <TextField
          id="name"
          label="Name"
          required
          autoComplete="off"
          value={values.name}
          onValueChange={(value) => change('name', value)}
          error={errors.fields.name}
        />
        <TextField
          id="email"
          label="Email"
          type="email"
          required
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          onValueChange={(value) => change('email', value)}
          error={errors.fields.email}
        />
        <SelectField
          id="role"
          label="Role"
          required
          value={values.role}
          options={roleOptions(me.role)}
          noneLabel="Choose a role"
          onValueChange={(value) => change('role', value)}
          error={errors.fields.role}
          hint="You may give your own role or one below it."
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onValueChange={(value) => change('password', value)}
          error={errors.fields.password}
          hint={`At least ${passwordLengthMin} characters, for signing in to the console. Leave it empty for a member who only uses API tokens.`}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}
