import {
  deleteLink,
  deleteRelationshipRow,
  findLinksOf,
  findRelationship,
  findRelationships,
  insertLink,
  insertRelationship,
  updateRelationshipRow,
} from '@tessera/db/relationships';
import {
  DomainError,
  type CreateRelationshipInput,
  type LinkInput,
  type LinkView,
  type RecordInput,
  type RelationshipDefinition,
  type RelationshipView,
  type StructureIdInput,
  type UpdateRelationshipInput,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { requireRecord, requireRecordAccess } from '../records/record-access.ts';

function toView(relationship: RelationshipDefinition): RelationshipView {
  const { workspaceId: _workspaceId, ...view } = relationship;
  return view;
}

function notFound(id: string): DomainError {
  return new DomainError('RELATIONSHIP_NOT_FOUND', 'No relationship has this id', {
    path: 'id',
    details: { id },
  });
}

async function existing(db: Executor, ctx: MemberContext, id: string): Promise<RelationshipDefinition> {
  const relationship = await findRelationship(db, ctx.scope, id);
  if (!relationship) throw notFound(id);
  return relationship;
}

async function audited(
  trx: Executor,
  ctx: MemberContext,
  action: string,
  change: { id: string; before: unknown; after: unknown },
): Promise<void> {
  const { id, before, after } = change;
  await recordAudit(trx, ctx, { action, entityType: 'relationship', entityId: id, before, after });
}

export async function listRelationships(ctx: MemberContext): Promise<RelationshipView[]> {
  return (await findRelationships(ctx.db, ctx.scope)).map(toView);
}

export async function getRelationship(
  ctx: MemberContext,
  input: StructureIdInput,
): Promise<RelationshipView> {
  return toView(await existing(ctx.db, ctx, input.id));
}

/** Defines a relationship; scoped to a profile type, it links only to records that adopted the type. */
export async function createRelationship(
  ctx: MemberContext,
  input: CreateRelationshipInput,
): Promise<RelationshipView> {
  return ctx.db.transaction().execute(async (trx) => {
    const relationship = await insertRelationship(trx, ctx.scope, {
      id: ctx.newId(),
      slug: input.slug,
      name: input.name,
      description: input.description ?? null,
      sourceKind: input.sourceKind,
      targetKind: input.targetKind,
      cardinality: input.cardinality,
      targetProfileTypeId: input.targetProfileTypeId ?? null,
      now: ctx.clock.now(),
    });
    await audited(trx, ctx, 'relationship.create', {
      id: relationship.id,
      before: null,
      after: toView(relationship),
    });
    return toView(relationship);
  });
}

/** Changes a relationship's slug, name, description or cardinality; a cardinality its links exceed is refused. */
export async function updateRelationship(
  ctx: MemberContext,
  input: UpdateRelationshipInput,
): Promise<RelationshipView> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await existing(trx, ctx, input.id);
    const after = await updateRelationshipRow(trx, ctx.scope, before.id, {
      slug: input.slug ?? before.slug,
      name: input.name ?? before.name,
      description: input.description === undefined ? before.description : input.description,
      cardinality: input.cardinality ?? before.cardinality,
      now: ctx.clock.now(),
    });
    if (!after) throw notFound(input.id);
    await audited(trx, ctx, 'relationship.update', {
      id: after.id,
      before: toView(before),
      after: toView(after),
    });
    return toView(after);
  });
}

/** Deletes a relationship and its links. */
export async function deleteRelationship(
  ctx: MemberContext,
  input: StructureIdInput,
): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await existing(trx, ctx, input.id);
    if (!(await deleteRelationshipRow(trx, ctx.scope, before.id))) throw notFound(input.id);
    await audited(trx, ctx, 'relationship.delete', { id: before.id, before: toView(before), after: null });
    return { id: before.id };
  });
}

/**
 * The link a member may make or undo: it changes the source record and names the target, both
 * records the member's scope sees.
 */
async function linkable(
  trx: Executor,
  ctx: MemberContext,
  input: LinkInput,
): Promise<RelationshipDefinition> {
  const relationship = await existing(trx, ctx, input.id);
  requireRecordAccess(ctx, relationship.sourceKind, 'write');
  const source = { objectKind: relationship.sourceKind, recordId: input.sourceId, access: 'read' } as const;
  await requireRecord(trx, ctx, source, 'sourceId');
  const target = { objectKind: relationship.targetKind, recordId: input.targetId, access: 'read' } as const;
  await requireRecord(trx, ctx, target, 'targetId');
  return relationship;
}

/**
 * Links a source record to a target record. Refused for a record that does not exist, a target
 * that has not adopted the profile type the relationship is scoped to, or past its cardinality.
 */
export async function linkRecords(ctx: MemberContext, input: LinkInput): Promise<LinkView> {
  return ctx.db.transaction().execute(async (trx) => {
    const relationship = await linkable(trx, ctx, input);
    const link = await insertLink(trx, ctx.scope, relationship, {
      sourceId: input.sourceId,
      targetId: input.targetId,
      now: ctx.clock.now(),
    });
    await audited(trx, ctx, 'relationship.link', { id: relationship.id, before: null, after: link });
    return link;
  });
}

export async function unlinkRecords(ctx: MemberContext, input: LinkInput): Promise<LinkView> {
  return ctx.db.transaction().execute(async (trx) => {
    const relationship = await linkable(trx, ctx, input);
    const link = await deleteLink(trx, ctx.scope, {
      relationshipId: relationship.id,
      sourceId: input.sourceId,
      targetId: input.targetId,
    });
    if (!link) {
      throw new DomainError(
        'RELATIONSHIP_LINK_NOT_FOUND',
        'These records are not linked by this relationship',
        {
          path: 'targetId',
        },
      );
    }
    await audited(trx, ctx, 'relationship.unlink', { id: relationship.id, before: link, after: null });
    return link;
  });
}

/** The links a record is the source or the target of. */
export async function listLinks(ctx: MemberContext, input: RecordInput): Promise<LinkView[]> {
  await requireRecord(ctx.db, ctx, { ...input, access: 'read' });
  return findLinksOf(ctx.db, ctx.scope, input.objectKind, input.recordId);
}
