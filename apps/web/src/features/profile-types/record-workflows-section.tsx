import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ObjectKind } from '@tessera/domain';
import { Fragment, useState, type FormEvent } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';
import { DateTime } from '../../ui/date-time.tsx';
import { describedByOf, FieldMessages } from '../../ui/field-frame.tsx';
import { Loading, LoadError } from '../../ui/states.tsx';
import type { Workflow } from './workflow-form.fields.ts';

type RecordStage = RouterOutputs['workflows']['recordStages'][number];

interface RecordWorkflowsSectionProps {
  objectKind: ObjectKind;
  recordId: string;
  canEdit: boolean;
}

/** Where a record stands in each workflow of its kind, and, for who may change it, a move to another stage. */
export function RecordWorkflowsSection({ objectKind, recordId, canEdit }: RecordWorkflowsSectionProps) {
  const trpc = useTRPC();
  const workflows = useQuery(trpc.workflows.list.queryOptions({ objectKind }));
  const stages = useQuery(trpc.workflows.recordStages.queryOptions({ objectKind, recordId }));
  // A kind without workflows shows no section; loading the workflows shows one, as failing to.
  if (workflows.isSuccess && workflows.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="record-workflows">
      <h2 id="record-workflows" className="card-title">
        Workflows
      </h2>
      {workflows.isError || stages.isError ? (
        <LoadError
          title="Could not load the workflows"
          error={workflows.error ?? stages.error}
          onRetry={() => void Promise.all([workflows.refetch(), stages.refetch()])}
          isRetrying={workflows.isFetching || stages.isFetching}
        />
      ) : workflows.isPending || stages.isPending ? (
        <Loading label="Loading the workflows…" />
      ) : (
        <dl className="details">
          {workflows.data.map((workflow) => {
            const current = stages.data?.find((stage) => stage.workflowId === workflow.id);
            return (
              <Fragment key={workflow.id}>
                <dt>
                  {canEdit ? (
                    <label htmlFor={stageSelectId(workflow.id)}>{workflow.name}</label>
                  ) : (
                    workflow.name
                  )}
                </dt>
                <dd>
                  {canEdit ? (
                    <StageForm
                      objectKind={objectKind}
                      recordId={recordId}
                      workflow={workflow}
                      current={current}
                    />
                  ) : (
                    <StageValue workflow={workflow} current={current} />
                  )}
                </dd>
              </Fragment>
            );
          })}
        </dl>
      )}
    </section>
  );
}

const stageSelectId = (workflowId: string) => `workflow-${workflowId}-stage`;

function stageName(workflow: Workflow, stageId: string): string {
  return workflow.stages.find((stage) => stage.id === stageId)?.name ?? stageId;
}

function Since({ current }: { current: RecordStage }) {
  return (
    <span className="sub-value">
      Since <DateTime value={current.enteredAt} />
    </span>
  );
}

function StageValue({ workflow, current }: { workflow: Workflow; current: RecordStage | undefined }) {
  if (!current) return <span className="muted">Not in this workflow</span>;
  return (
    <>
      {stageName(workflow, current.stageId)}
      <Since current={current} />
    </>
  );
}

interface StageFormProps {
  objectKind: ObjectKind;
  recordId: string;
  workflow: Workflow;
  current: RecordStage | undefined;
}

/** The stage a record is in, changed by choosing another (or none, to take it out of the workflow). */
function StageForm({ objectKind, recordId, workflow, current }: StageFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const currentId = current?.stageId ?? '';
  const [choice, setChoice] = useState(currentId);
  const [shownCurrent, setShownCurrent] = useState(currentId);
  const [notice, setNotice] = useState('');
  const id = stageSelectId(workflow.id);
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.workflows.recordStages.queryKey({ objectKind, recordId }),
    });
  const move = useMutation(
    trpc.workflows.moveRecord.mutationOptions({
      onSuccess: async ({ stageId }) => {
        setNotice(`Moved to ${stageName(workflow, stageId)}.`);
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.workflows.removeRecord.mutationOptions({
      onSuccess: async () => {
        setNotice(`Taken out of ${workflow.name}.`);
        await refresh();
      },
    }),
  );

  // The stage changed elsewhere, or was just saved: the select shows it.
  if (currentId !== shownCurrent) {
    setShownCurrent(currentId);
    setChoice(currentId);
  }

  const failed = move.error ?? remove.error;
  const error = failed ? messageOf(failed) : undefined;
  const isPending = move.isPending || remove.isPending;
  const isUnchanged = choice === currentId;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isUnchanged || isPending) return;
    const target = { id: workflow.id, recordId };
    if (choice === '') remove.mutate(target);
    else move.mutate({ ...target, stageId: choice });
  }

  return (
    <>
      <form className="stage-form" onSubmit={submit} noValidate>
        <select
          id={id}
          value={choice}
          onChange={(event) => {
            setChoice(event.target.value);
            setNotice('');
            move.reset();
            remove.reset();
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByOf(id, error, undefined)}
        >
          <option value="">Not in this workflow</option>
          {workflow.stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-small" aria-disabled={isUnchanged || isPending}>
          {isPending ? 'Moving…' : 'Move'}
        </button>
      </form>
      <FieldMessages id={id} error={error} />
      {current ? <Since current={current} /> : null}
      <span className="sub-value stage-saved" role="status">
        {isUnchanged ? notice : ''}
      </span>
    </>
  );
}
