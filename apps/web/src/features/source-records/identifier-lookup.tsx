import { useMutation, useQueryClient } from '@tanstack/react-query';
import { identifierQueryLengthMax } from '@tessera/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { splitError } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { FieldMessages, describedByOf } from '../../ui/field-frame.tsx';
import { identifierQueryProblem } from './source-record-input.ts';

/** What the lookup tells the profile page it leads to. */
export interface FoundRecordState {
  foundRecordId?: string;
}

const inputId = 'identifier-lookup';

/** Finds the source record an identifier query addresses and opens the profile it belongs to. */
export function IdentifierLookup() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const lookup = useMutation({
    mutationFn: (identifierQuery: string) =>
      queryClient.fetchQuery({
        ...trpc.sourceRecords.getByQuery.queryOptions({ identifierQuery }),
        staleTime: 0,
      }),
    onSuccess: async (record) => {
      const state: FoundRecordState = { foundRecordId: record.id };
      await navigate(`/profiles/${record.profileId}`, { state });
    },
    onError: (error) => {
      const split = splitError(error, ['identifierQuery']);
      setProblem(split.fields.identifierQuery ?? split.form ?? undefined);
      inputRef.current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (lookup.isPending) return;
    const found = identifierQueryProblem(text);
    if (found) {
      setProblem(found);
      inputRef.current?.focus();
      return;
    }
    setProblem(undefined);
    lookup.mutate(text);
  }

  return (
    <form className="field identifier-lookup" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>Find by identifier query</label>
      <div className="input-with-action">
        <input
          ref={inputRef}
          id={inputId}
          value={text}
          maxLength={identifierQueryLengthMax}
          autoComplete="off"
          spellCheck={false}
          placeholder="source:type:identifier_type:identifier_value"
          onChange={(event) => {
            setText(event.target.value);
            setProblem(undefined);
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedByOf(inputId, problem, undefined)}
        />
        <button type="submit" className="button" aria-disabled={lookup.isPending}>
          {lookup.isPending ? 'Finding…' : 'Find'}
        </button>
      </div>
      <FieldMessages id={inputId} error={problem} />
    </form>
  );
}
