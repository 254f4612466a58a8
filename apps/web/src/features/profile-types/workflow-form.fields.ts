import type { ObjectKind } from '@tessera/domain';
import type { RouterOutputs } from '../../lib/trpc.ts';
import { kebabSlugOf } from './structure-labels.ts';

export type Workflow = RouterOutputs['workflows']['list'][number];

export interface StageValues {
  name: string;
  slug: string;
  /** A new stage's slug follows its name until it is typed; a stage that records are in keeps its own. */
  isSlugSuggested: boolean;
}

export interface WorkflowFormValues {
  objectKind: ObjectKind;
  name: string;
  slug: string;
  description: string;
  stages: StageValues[];
}

export const newStage: StageValues = { name: '', slug: '', isSlugSuggested: true };

export function emptyWorkflowValues(objectKind: ObjectKind): WorkflowFormValues {
  return { objectKind, name: '', slug: '', description: '', stages: [newStage] };
}

export function workflowValuesOf(workflow: Workflow): WorkflowFormValues {
  return {
    objectKind: workflow.objectKind,
    name: workflow.name,
    slug: workflow.slug,
    description: workflow.description ?? '',
    stages: workflow.stages.map((stage) => ({ name: stage.name, slug: stage.slug, isSlugSuggested: false })),
  };
}

/** A stage renamed; a new one's slug follows. */
export function renamedStage(stage: StageValues, name: string): StageValues {
  return { ...stage, name, slug: stage.isSlugSuggested ? kebabSlugOf(name) : stage.slug };
}

function fieldsOf(values: WorkflowFormValues) {
  return {
    slug: values.slug,
    name: values.name,
    description: values.description,
    stages: values.stages.map((stage) => ({ slug: stage.slug, name: stage.name })),
  };
}

export function createWorkflowInputOf(values: WorkflowFormValues) {
  return { objectKind: values.objectKind, ...fieldsOf(values) };
}

/** The kind stays; the stages go in their new order, each kept by its slug. */
export function updateWorkflowInputOf(id: string, values: WorkflowFormValues) {
  return { id, ...fieldsOf(values) };
}

export function workflowFieldNames(values: Pick<WorkflowFormValues, 'stages'>): string[] {
  return [
    'objectKind',
    'name',
    'slug',
    'description',
    'stages',
    ...values.stages.flatMap((_, index) => [`stages.${index}.name`, `stages.${index}.slug`]),
  ];
}
