import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldIssue } from '@tessera/api';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { issuesOf, messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Alert } from '../../ui/alert.tsx';
import { controlAttributes, FieldFrame } from '../../ui/field-frame.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { refreshStructure } from '../profile-types/structure-cache.ts';
import { SeedDiff, SeedRefusal, type SeedImportResult } from './seed-diff.tsx';
import { readSeedText } from './seed-file.values.ts';

const fileId = 'seed-file';
const textId = 'seed-json';
const refusalId = 'seed-refusal';
const textHint = 'A list of {"object_type": …, "data": {…}} entries, as an export saves them.';

/** Each problem an import was refused for, at its place in the document where the server names one. */
function refusalOf(error: unknown): FieldIssue[] {
  const issues = issuesOf(error);
  return issues.length > 0 ? issues : [{ path: '', message: messageOf(error) }];
}

type Step =
  | { name: 'editing'; refusal: FieldIssue[] | null }
  | { name: 'previewed'; document: unknown[]; result: SeedImportResult }
  | { name: 'applied'; result: SeedImportResult };

const editing: Step = { name: 'editing', refusal: null };

/**
 * Imports a seed file, chosen or pasted: Preview shows what the import would create, update and
 * leave alone, changing nothing; Apply then imports that same document.
 */
export function SeedImportSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const moveFocus = useMoveFocus();
  const [text, setText] = useState('');
  const [step, setStep] = useState<Step>(editing);
  const refuse = (refusal: FieldIssue[]) => setStep({ name: 'editing', refusal });

  const preview = useMutation(
    trpc.seeds.import.mutationOptions({
      onSuccess: (result, input) => {
        setStep({ name: 'previewed', document: input.document, result });
        moveFocus(() => document.getElementById('seed-preview-title'));
      },
      onError: (error) => refuse(refusalOf(error)),
    }),
  );
  const apply = useMutation(
    trpc.seeds.import.mutationOptions({
      onSuccess: async (result) => {
        setStep({ name: 'applied', result });
        moveFocus(() => document.getElementById('seed-applied-title'));
        await refreshStructure(queryClient, trpc);
      },
      onError: (error) => refuse(refusalOf(error)),
    }),
  );
  const isPending = preview.isPending || apply.isPending;

  function edit(next: string) {
    setText(next);
    setStep(editing);
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      edit(await file.text());
    } catch {
      refuse([{ path: '', message: `${file.name} could not be read: choose it again, or paste its text` }]);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isPending) return;
    const read = readSeedText(text);
    if ('issues' in read) return refuse(read.issues);
    setStep(editing);
    preview.mutate({ document: read.document, dryRun: true });
  }

  const refusal = step.name === 'editing' ? step.refusal : null;
  const textControl = controlAttributes({ id: textId, error: undefined, hint: textHint, required: true });

  return (
    <section className="card seed-section" aria-labelledby="seed-import-title">
      <h2 id="seed-import-title">Import</h2>
      <p className="muted">
        Creates what the file defines and this workspace lacks, and updates what differs, matched by slug.
        Preview first: nothing changes until you apply.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <FieldFrame id={fileId} label="Seed file" required={false} error={undefined} hint="A .json file.">
          <input
            {...controlAttributes({ id: fileId, error: undefined, hint: 'A .json file.', required: false })}
            type="file"
            accept=".json,application/json"
            onChange={(event) => void choose(event)}
          />
        </FieldFrame>
        <FieldFrame id={textId} label="Or paste its JSON" required error={undefined} hint={textHint}>
          <textarea
            {...textControl}
            aria-invalid={refusal ? true : undefined}
            aria-describedby={
              refusal
                ? `${refusalId} ${textControl['aria-describedby'] ?? ''}`
                : textControl['aria-describedby']
            }
            rows={12}
            spellCheck={false}
            value={text}
            onChange={(event) => edit(event.target.value)}
          />
        </FieldFrame>
        {refusal ? <SeedRefusal id={refusalId} issues={refusal} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={isPending}>
            {preview.isPending ? 'Previewing…' : 'Preview'}
          </button>
        </div>
      </form>
      {step.name === 'previewed' ? (
        <div className="seed-result" aria-labelledby="seed-preview-title">
          <h3 id="seed-preview-title" className="seed-result-title" tabIndex={-1}>
            Preview: nothing has changed yet
          </h3>
          <SeedDiff result={step.result} isApplied={false} />
          {step.result.created.length + step.result.updated.length === 0 ? (
            <Alert tone="info">Everything in this file is already here: there is nothing to apply.</Alert>
          ) : (
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                aria-disabled={isPending}
                onClick={() => {
                  if (!isPending) apply.mutate({ document: step.document, dryRun: false });
                }}
              >
                {apply.isPending ? 'Applying…' : 'Apply'}
              </button>
            </div>
          )}
        </div>
      ) : null}
      {step.name === 'applied' ? (
        <div className="seed-result" aria-labelledby="seed-applied-title">
          <h3 id="seed-applied-title" className="seed-result-title" tabIndex={-1}>
            Imported
          </h3>
          <Alert tone="success">
            {step.result.created.length} created, {step.result.updated.length} updated,{' '}
            {step.result.unchanged.length} left as they were.
          </Alert>
          <SeedDiff result={step.result} isApplied />
        </div>
      ) : null}
    </section>
  );
}
