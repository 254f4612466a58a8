import { useQuery } from '@tanstack/react-query';
import { createWorkflowInput, updateWorkflowInput } from '@tessera/domain';
import { useParams } from 'react-router';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { workflowsPath } from './customer-data-layout.tsx';
import { StructureLoaded } from './structure-loaded.tsx';
import { StructureBreadcrumbs, StructureFormFrame } from './structure-page.tsx';
import { useStructureSave } from './use-structure-save.ts';
import { WorkflowForm } from './workflow-form.tsx';
import {
  createWorkflowInputOf,
  emptyWorkflowValues,
  updateWorkflowInputOf,
  workflowFieldNames,
  workflowValuesOf,
  type Workflow,
} from './workflow-form.fields.ts';

const list = { listPath: workflowsPath, listTitle: 'Workflows' };

export function NewWorkflowPage() {
  useDocumentTitle('New workflow');
  const trpc = useTRPC();
  const { form, submit, isPending } = useStructureSave({
    initial: emptyWorkflowValues('contacts'),
    fieldNamesOf: workflowFieldNames,
    schema: createWorkflowInput,
    options: trpc.workflows.create.mutationOptions(),
    listPath: workflowsPath,
    noticeOf: (workflow) => `${workflow.name} was created.`,
  });
  return (
    <>
      <StructureBreadcrumbs {...list} />
      <StructureFormFrame title="New workflow" pluralNoun="workflows">
        <WorkflowForm
          form={form}
          isNew
          submitLabel="Create workflow"
          pendingLabel="Creating…"
          isPending={isPending}
          onSubmit={(values) => submit({ input: createWorkflowInputOf(values) })}
        />
      </StructureFormFrame>
    </>
  );
}

export function EditWorkflowPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  // Refetching behind the form's back would not change what it edits.
  const query = useQuery({
    ...trpc.workflows.get.queryOptions({ id }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  useDocumentTitle(query.data ? `Edit ${query.data.name}` : 'Edit workflow');
  return (
    <StructureLoaded query={query} noun="workflow" notFoundCode="WORKFLOW_NOT_FOUND" {...list}>
      {(workflow) => <EditWorkflowForm key={workflow.id} workflow={workflow} />}
    </StructureLoaded>
  );
}

function EditWorkflowForm({ workflow }: { workflow: Workflow }) {
  const trpc = useTRPC();
  // Stages are kept by slug: one that records are in cannot go, and the refusal says how many.
  const { form, submit, isPending } = useStructureSave({
    initial: workflowValuesOf(workflow),
    fieldNamesOf: workflowFieldNames,
    schema: updateWorkflowInput,
    options: trpc.workflows.update.mutationOptions(),
    listPath: workflowsPath,
    noticeOf: (updated) => `${updated.name} was saved.`,
  });
  return (
    <StructureFormFrame title={`Edit ${workflow.name}`} pluralNoun="workflows">
      <WorkflowForm
        form={form}
        isNew={false}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        isPending={isPending}
        onSubmit={(values) => submit({ input: updateWorkflowInputOf(workflow.id, values) })}
      />
    </StructureFormFrame>
  );
}
