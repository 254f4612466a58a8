import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createTokenInput } from '@tessera/domain';
import { useRef, useState, type FormEvent } from 'react';
import { schemaIssues, splitError, splitIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Alert } from '../../ui/alert.tsx';
import { CheckboxField } from '../../ui/checkbox-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import type { IssuedSecret } from './new-token-secret.tsx';

const fieldNames = ['name', 'readOnly'] as const;

export function CreateTokenForm({ onCreated }: { onCreated: (issued: IssuedSecret) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [isReadOnly, setReadOnly] = useState(false);
  const { errors, refuse, clear } = useFormErrors(formRef);

  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async ({ token, secret }) => {
        setName('');
        setReadOnly(false);
        onCreated({ name: token.name, secret });
        await queryClient.invalidateQueries(trpc.tokens.list.queryFilter());
      },
      onError: (error) => refuse(splitError(error, fieldNames)),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createTokenInput.safeParse({ name, readOnly: isReadOnly });
    if (!parsed.success) return refuse(splitIssues(schemaIssues(parsed.error), fieldNames));
    clear();
    create.mutate(parsed.data);
  }

  return (
    <form
      ref={formRef}
      className="card form"
      onSubmit={submit}
      noValidate
      aria-labelledby="create-token-title"
    >
      <h2 id="create-token-title" className="card-title">
        Create a token
      </h2>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="inline-form">
        <TextField
          id="name"
          label="Token name"
          required
          autoComplete="off"
          value={name}
          onValueChange={(value) => {
            setName(value);
            clear();
          }}
          error={errors.fields.name}
          hint="Say what uses it, such as “CRM sync” or “Nightly export”. The token acts as you."
        />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </div>
      <CheckboxField
        id="readOnly"
        label="Read-only"
        isChecked={isReadOnly}
        onCheckedChange={(isChecked) => {
          setReadOnly(isChecked);
          clear();
        }}
        error={errors.fields.readOnly}
        hint="A read-only token reads what you may read and is refused every change."
      />
    </form>
  );
}
