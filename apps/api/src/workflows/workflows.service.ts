import {
  countRecordsInStages,
  deleteWorkflowRow,
  findRecordStages,
  findWorkflow,
  findWorkflows,
  insertWorkflow,
  leaveWorkflow,
  moveToStage,
  updateWorkflowRow,
} from '@tessera/db/workflows';
import {
  DomainError,
  type CreateWorkflowInput,
  type MoveRecordInput,
  type ObjectKind,
  type ObjectKindFilterInput,
  type RecordInput,
  type RecordStageView,
  type StructureIdInput,
  type UpdateWorkflowInput,
  type Workflow,
  type WorkflowRecordInput,
  type WorkflowView,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { recordAudit, type AuditedChange } from '../audit/audit.ts';
import { auditedRecordType, requireRecord } from '../records/record-access.ts';

export function toWorkflowView(workflow: Workflow): WorkflowView {
  const { workspaceId: _workspaceId, ...view } = workflow;
  return view;
}

async function existing(
  db: Executor,
  ctx: Pick<MemberContext, 'scope'>,
  id: string,
  forUpdate = false,
): Promise<Workflow> {
  const workflow = await findWorkflow(db, ctx.scope, id, { forUpdate });
  if (!workflow) {
    throw new DomainError('WORKFLOW_NOT_FOUND', 'No workflow has this id', { path: 'id', details: { id } });
  }
  return workflow;
}

/** The audit entry of a change to a workflow, as a member's or an operator's change records it. */
export function workflowAudit(
  action: string,
  before: Workflow | null,
  after: Workflow | null,
): AuditedChange {
  return {
    action,
    entityType: 'workflow',
    entityId: (after ?? before)?.id ?? '',
    before: before && toWorkflowView(before),
    after: after && toWorkflowView(after),
  };
}

export async function listWorkflows(
  ctx: MemberContext,
  input: ObjectKindFilterInput,
): Promise<WorkflowView[]> {
  return (await findWorkflows(ctx.db, ctx.scope, input)).map(toWorkflowView);
}

export async function getWorkflow(ctx: MemberContext, input: StructureIdInput): Promise<WorkflowView> {
  return toWorkflowView(await existing(ctx.db, ctx, input.id));
}

/** Writes a new workflow, in the caller's transaction, which audits it. */
export async function addWorkflow(
  trx: Executor,
  ctx: Pick<MemberContext, 'scope' | 'newId' | 'clock'>,
  input: CreateWorkflowInput,
): Promise<Workflow> {
  return insertWorkflow(trx, ctx.scope, {
    id: ctx.newId(),
    objectKind: input.objectKind,
    slug: input.slug,
    name: input.name,
    description: input.description ?? null,
    stages: input.stages.map((stage) => ({ id: ctx.newId(), ...stage })),
    now: ctx.clock.now(),
  });
}

export async function createWorkflow(ctx: MemberContext, input: CreateWorkflowInput): Promise<WorkflowView> {
  return ctx.db.transaction().execute(async (trx) => {
    const workflow = await addWorkflow(trx, ctx, input);
    await recordAudit(trx, ctx, workflowAudit('workflow.create', null, workflow));
    return toWorkflowView(workflow);
  });
}

/**
 * Changes a workflow, in the caller's transaction, which audits it. Stages are given in their new
 * order and matched to the present ones by slug, so that records stay in the stages kept; a stage
 * that records are in cannot go.
 */
export async function changeWorkflow(
  trx: Executor,
  ctx: Pick<MemberContext, 'scope' | 'newId' | 'clock'>,
  input: UpdateWorkflowInput,
): Promise<{ before: Workflow; after: Workflow }> {
  const before = await existing(trx, ctx, input.id, true);
  const stages = (input.stages ?? before.stages).map((stage) => ({
    id: before.stages.find((present) => present.slug === stage.slug)?.id ?? ctx.newId(),
    slug: stage.slug,
    name: stage.name,
  }));
  const goneIds = before.stages
    .filter((present) => !stages.some((stage) => stage.id === present.id))
    .map((stage) => stage.id);
  const occupied = await countRecordsInStages(trx, ctx.scope, before.id, goneIds);
  if (occupied > 0) {
    throw new DomainError(
      'WORKFLOW_STAGE_IN_USE',
      `${occupied} record(s) are in stages this change removes: move them first`,
      { path: 'stages', details: { recordCount: occupied } },
    );
  }
  const after = await updateWorkflowRow(trx, ctx.scope, before, {
    slug: input.slug ?? before.slug,
    name: input.name ?? before.name,
    description: input.description === undefined ? before.description : input.description,
    stages,
    now: ctx.clock.now(),
  });
  return { before, after };
}

export async function updateWorkflow(ctx: MemberContext, input: UpdateWorkflowInput): Promise<WorkflowView> {
  return ctx.db.transaction().execute(async (trx) => {
    const { before, after } = await changeWorkflow(trx, ctx, input);
    await recordAudit(trx, ctx, workflowAudit('workflow.update', before, after));
    return toWorkflowView(after);
  });
}

/** Deletes a workflow: records leave it, and profile types that named it as default name none. */
export async function deleteWorkflow(ctx: MemberContext, input: StructureIdInput): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await existing(trx, ctx, input.id, true);
    await deleteWorkflowRow(trx, ctx.scope, before.id);
    await recordAudit(trx, ctx, workflowAudit('workflow.delete', before, null));
    return { id: before.id };
  });
}

interface Move {
  objectKind: ObjectKind;
  recordId: string;
  workflowId: string;
  /** The stage entered; null when the record leaves the workflow. */
  stageId: string | null;
}

/** Records a record's move from one stage of a workflow (null: from outside it) to another (null: out of it). */
export async function auditWorkflowMove(
  trx: Executor,
  ctx: MemberContext,
  move: Move,
  fromStageId: string | null,
): Promise<void> {
  await recordAudit(trx, ctx, {
    action: 'workflow.move',
    entityType: auditedRecordType(move.objectKind),
    entityId: move.recordId,
    before: { workflowId: move.workflowId, stageId: fromStageId },
    after: { workflowId: move.workflowId, stageId: move.stageId },
  });
}

/** Puts a record in a stage of a workflow, out of the stage it was in; audited when the stage changes. */
export async function moveRecord(ctx: MemberContext, input: MoveRecordInput): Promise<RecordStageView> {
  return ctx.db.transaction().execute(async (trx) => {
    const workflow = await existing(trx, ctx, input.id);
    const { objectKind } = workflow;
    await requireRecord(trx, ctx, { objectKind, recordId: input.recordId, access: 'write' });
    if (!workflow.stages.some((stage) => stage.id === input.stageId)) {
      throw new DomainError('WORKFLOW_STAGE_NOT_FOUND', 'This workflow has no stage with this id', {
        path: 'stageId',
      });
    }
    const now = ctx.clock.now();
    const move = { objectKind, recordId: input.recordId, workflowId: workflow.id, stageId: input.stageId };
    const { fromStageId, enteredAt } = await moveToStage(trx, ctx.scope, { ...move, now });
    if (fromStageId !== input.stageId) await auditWorkflowMove(trx, ctx, move, fromStageId);
    return { workflowId: workflow.id, stageId: input.stageId, enteredAt };
  });
}

/** Takes a record out of a workflow; audited if it was in it. */
export async function removeRecord(ctx: MemberContext, input: WorkflowRecordInput): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const workflow = await existing(trx, ctx, input.id);
    const { objectKind } = workflow;
    await requireRecord(trx, ctx, { objectKind, recordId: input.recordId, access: 'write' });
    const move = { objectKind, recordId: input.recordId, workflowId: workflow.id, stageId: null };
    const fromStageId = await leaveWorkflow(trx, ctx.scope, move);
    if (fromStageId !== undefined) await auditWorkflowMove(trx, ctx, move, fromStageId);
    return { id: workflow.id };
  });
}

/** The stage a record is in, in each workflow it is in. */
export async function listRecordStages(ctx: MemberContext, input: RecordInput): Promise<RecordStageView[]> {
  await requireRecord(ctx.db, ctx, { ...input, access: 'read' });
  return findRecordStages(ctx.db, ctx.scope, input.objectKind, input.recordId);
}
