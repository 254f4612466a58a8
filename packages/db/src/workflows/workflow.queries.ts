import {
  DomainError,
  type ObjectKind,
  type RecordStage,
  type Workflow,
  type WorkflowStage,
} from '@tessera/domain';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../client.ts';
import { violatedForeignKey, violatedUniqueConstraint } from '../shared/constraints.ts';
import { missingRecord } from '../shared/records.ts';
import { recordInScope, type Scope } from '../shared/scope.ts';
import type { WorkflowTable } from './workflow.table.ts';

type Row = Selectable<WorkflowTable> & { stages: WorkflowStage[] };

function toWorkflow(row: Row): Workflow {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    // The database's check constraint allows only these values.
    objectKind: row.object_kind as ObjectKind,
    slug: row.slug,
    name: row.name,
    description: row.description,
    stages: row.stages,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function workflowsOf(db: Executor, scope: Scope) {
  return db
    .selectFrom('workflows as w')
    .select([
      'w.workspace_id',
      'w.id',
      'w.object_kind',
      'w.slug',
      'w.name',
      'w.description',
      'w.created_at',
      'w.updated_at',
    ])
    .select(
      sql<WorkflowStage[]>`coalesce((
        select jsonb_agg(jsonb_build_object('id', s.id, 'slug', s.slug, 'name', s.name) order by s.position)
        from workflow_stages s where s.workspace_id = w.workspace_id and s.workflow_id = w.id), '[]'::jsonb)`.as(
        'stages',
      ),
    )
    .where('w.workspace_id', '=', scope.workspaceId);
}

export type WorkflowFields = Pick<Workflow, 'slug' | 'name' | 'description' | 'stages'>;

function slugTaken(slug: string, objectKind: ObjectKind): DomainError {
  return new DomainError('WORKFLOW_SLUG_TAKEN', `Another ${objectKind} workflow has the slug ${slug}`, {
    path: 'slug',
  });
}

async function insertStages(
  db: Executor,
  scope: Scope,
  workflowId: string,
  stages: readonly { stage: WorkflowStage; position: number }[],
): Promise<void> {
  if (stages.length === 0) return;
  await db
    .insertInto('workflow_stages')
    .values(
      stages.map(({ stage, position }) => ({
        workspace_id: scope.workspaceId,
        workflow_id: workflowId,
        id: stage.id,
        slug: stage.slug,
        name: stage.name,
        position,
      })),
    )
    .execute();
}

export async function insertWorkflow(
  db: Executor,
  scope: Scope,
  workflow: WorkflowFields & { id: string; objectKind: ObjectKind; now: Date },
): Promise<Workflow> {
  try {
    await db
      .insertInto('workflows')
      .values({
        workspace_id: scope.workspaceId,
        id: workflow.id,
        object_kind: workflow.objectKind,
        slug: workflow.slug,
        name: workflow.name,
        description: workflow.description,
        created_at: workflow.now,
        updated_at: workflow.now,
      })
      .execute();
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'workflows_slug_key') {
      throw slugTaken(workflow.slug, workflow.objectKind);
    }
    throw error;
  }
  await insertStages(
    db,
    scope,
    workflow.id,
    workflow.stages.map((stage, position) => ({ stage, position })),
  );
  return { ...workflow, workspaceId: scope.workspaceId, createdAt: workflow.now, updatedAt: workflow.now };
}

export async function findWorkflow(
  db: Executor,
  scope: Scope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Workflow | undefined> {
  const row = await workflowsOf(db, scope)
    .where('w.id', '=', id)
    .$if(options.forUpdate === true, (query) => query.forUpdate())
    .executeTakeFirst();
  return row && toWorkflow(row);
}

/** The workspace's workflows, of one object kind if given, by kind and name. */
export async function findWorkflows(
  db: Executor,
  scope: Scope,
  filter: { objectKind?: ObjectKind | undefined } = {},
): Promise<Workflow[]> {
  const rows = await workflowsOf(db, scope)
    .$if(filter.objectKind !== undefined, (query) =>
      query.where('w.object_kind', '=', filter.objectKind ?? ''),
    )
    .orderBy('w.object_kind')
    .orderBy('w.name')
    .orderBy('w.id')
    .execute();
  return rows.map(toWorkflow);
}

/** How many records are in these stages of a workflow. */
export async function countRecordsInStages(
  db: Executor,
  scope: Scope,
  workflowId: string,
  stageIds: readonly string[],
): Promise<number> {
  if (stageIds.length === 0) return 0;
  const row = await db
    .selectFrom('workflow_positions')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('workflow_id', '=', workflowId)
    .where('stage_id', 'in', stageIds)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Writes a workflow's fields and its stages in their new order: stages gone are deleted (the
 * database refuses while records are in them), stages kept are renamed and moved, new ones added.
 */
export async function updateWorkflowRow(
  db: Executor,
  scope: Scope,
  before: Workflow,
  fields: WorkflowFields & { now: Date },
): Promise<Workflow> {
  try {
    await db
      .updateTable('workflows')
      .set({ slug: fields.slug, name: fields.name, description: fields.description, updated_at: fields.now })
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', before.id)
      .execute();
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'workflows_slug_key')
      throw slugTaken(fields.slug, before.objectKind);
    throw error;
  }
  const keptIds = new Set(fields.stages.map((stage) => stage.id));
  const goneIds = before.stages.filter((stage) => !keptIds.has(stage.id)).map((stage) => stage.id);
  if (goneIds.length > 0) {
    try {
      await db
        .deleteFrom('workflow_stages')
        .where('workspace_id', '=', scope.workspaceId)
        .where('workflow_id', '=', before.id)
        .where('id', 'in', goneIds)
        .execute();
    } catch (error) {
      if (violatedForeignKey(error) === 'workflow_positions_stage_fkey') {
        throw new DomainError('WORKFLOW_STAGE_IN_USE', 'Records are in a stage this change removes', {
          path: 'stages',
        });
      }
      throw error;
    }
  }
  const existingIds = new Set(before.stages.map((stage) => stage.id));
  const ordered = fields.stages.map((stage, position) => ({ stage, position }));
  for (const { stage, position } of ordered.filter(({ stage }) => existingIds.has(stage.id))) {
    await db
      .updateTable('workflow_stages')
      .set({ name: stage.name, position })
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', stage.id)
      .execute();
  }
  await insertStages(
    db,
    scope,
    before.id,
    ordered.filter(({ stage }) => !existingIds.has(stage.id)),
  );
  return { ...before, ...fields, updatedAt: fields.now };
}

export async function deleteWorkflowRow(db: Executor, scope: Scope, id: string): Promise<void> {
  await db
    .deleteFrom('workflows')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .execute();
}

interface Placement {
  objectKind: ObjectKind;
  recordId: string;
  workflowId: string;
}

function positionOf(db: Executor, scope: Scope, placement: Placement) {
  return db
    .selectFrom('workflow_positions')
    .select(['stage_id', 'entered_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('object_kind', '=', placement.objectKind)
    .where('record_id', '=', placement.recordId)
    .where('workflow_id', '=', placement.workflowId);
}

/** Puts a record in a stage of a workflow if it is in none of its stages; true if it was put there. */
export async function enterStageIfOutside(
  db: Executor,
  scope: Scope,
  placement: Placement & { stageId: string; now: Date },
): Promise<boolean> {
  try {
    const result = await db
      .insertInto('workflow_positions')
      .values({
        workspace_id: scope.workspaceId,
        object_kind: placement.objectKind,
        record_id: placement.recordId,
        workflow_id: placement.workflowId,
        stage_id: placement.stageId,
        entered_at: placement.now,
      })
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  } catch (error) {
    throw missingRecord(error, placement.objectKind, 'recordId') ?? error;
  }
}

/**
 * Moves a record to a stage of a workflow, and answers the stage it was in (null for none) and
 * since when it is in the stage it is in now. The record's position is locked before it is read,
 * so that of moves made at once, each reads the stage the one before it left.
 */
export async function moveToStage(
  db: Executor,
  scope: Scope,
  placement: Placement & { stageId: string; now: Date },
): Promise<{ fromStageId: string | null; enteredAt: Date }> {
  for (;;) {
    if (await enterStageIfOutside(db, scope, placement))
      return { fromStageId: null, enteredAt: placement.now };
    // A position that another request added is visible to this new statement once that request
    // committed (the insert above waited for it); one removed in between is read as none: try again.
    const position = await positionOf(db, scope, placement).forUpdate().executeTakeFirst();
    if (position === undefined) continue;
    if (position.stage_id === placement.stageId) {
      return { fromStageId: position.stage_id, enteredAt: position.entered_at };
    }
    await db
      .updateTable('workflow_positions')
      .set({ stage_id: placement.stageId, entered_at: placement.now })
      .where('workspace_id', '=', scope.workspaceId)
      .where('object_kind', '=', placement.objectKind)
      .where('record_id', '=', placement.recordId)
      .where('workflow_id', '=', placement.workflowId)
      .execute();
    return { fromStageId: position.stage_id, enteredAt: placement.now };
  }
}

/** Takes a record out of a workflow; answers the stage it was in, or undefined if it was in none. */
export async function leaveWorkflow(
  db: Executor,
  scope: Scope,
  placement: Placement,
): Promise<string | undefined> {
  const row = await db
    .deleteFrom('workflow_positions')
    .where('workspace_id', '=', scope.workspaceId)
    .where('object_kind', '=', placement.objectKind)
    .where('record_id', '=', placement.recordId)
    .where('workflow_id', '=', placement.workflowId)
    .returning('stage_id')
    .executeTakeFirst();
  return row?.stage_id;
}

/** The stage a record is in, in each workflow it is in; none unless the scope sees the record. */
export async function findRecordStages(
  db: Executor,
  scope: Scope,
  objectKind: ObjectKind,
  recordId: string,
): Promise<RecordStage[]> {
  const rows = await db
    .selectFrom('workflow_positions')
    .select(['workflow_id', 'stage_id', 'entered_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('object_kind', '=', objectKind)
    .where('record_id', '=', recordId)
    .$if(scope.organizationIds !== null, (query) =>
      query.where(recordInScope(scope, 'workflow_positions.object_kind', 'workflow_positions.record_id')),
    )
    .orderBy('workflow_id')
    .execute();
  return rows.map((row) => ({
    workflowId: row.workflow_id,
    stageId: row.stage_id,
    enteredAt: row.entered_at,
  }));
}
