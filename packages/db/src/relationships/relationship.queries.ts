import {
  DomainError,
  type Cardinality,
  type ObjectKind,
  type RelationshipDefinition,
  type RelationshipLink,
} from '@tessera/domain';
import type { Selectable } from 'kysely';
import type { Executor } from '../client.ts';
import {
  violatedCheckConstraint,
  violatedForeignKey,
  violatedUniqueConstraint,
} from '../shared/constraints.ts';
import { missingRecord } from '../shared/records.ts';
import { recordInScope, type Scope } from '../shared/scope.ts';
import type { RelationshipDefinitionTable, RelationshipLinkTable } from './relationship.table.ts';

const columns = [
  'workspace_id',
  'id',
  'slug',
  'name',
  'description',
  'source_kind',
  'target_kind',
  'cardinality',
  'target_profile_type_id',
  'created_at',
  'updated_at',
] as const;

function toRelationship(row: Selectable<RelationshipDefinitionTable>): RelationshipDefinition {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    // The database's check constraints allow only these values.
    sourceKind: row.source_kind as ObjectKind,
    targetKind: row.target_kind as ObjectKind,
    cardinality: row.cardinality as Cardinality,
    targetProfileTypeId: row.target_profile_type_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function slugTaken(slug: string): DomainError {
  return new DomainError('RELATIONSHIP_SLUG_TAKEN', `Another relationship has the slug ${slug}`, {
    path: 'slug',
  });
}

function cardinalityExceeded(cardinality: Cardinality): DomainError {
  return new DomainError(
    'RELATIONSHIP_CARDINALITY_EXCEEDED',
    `This relationship is ${cardinality.replaceAll('_', '-')}: a record already has the link it allows`,
    { path: 'cardinality' },
  );
}

const cardinalityKeys = new Set(['relationship_links_source_key', 'relationship_links_target_key']);

export async function insertRelationship(
  db: Executor,
  scope: Scope,
  relationship: Omit<RelationshipDefinition, 'workspaceId' | 'createdAt' | 'updatedAt'> & { now: Date },
): Promise<RelationshipDefinition> {
  try {
    const row = await db
      .insertInto('relationship_definitions')
      .values({
        workspace_id: scope.workspaceId,
        id: relationship.id,
        slug: relationship.slug,
        name: relationship.name,
        description: relationship.description,
        source_kind: relationship.sourceKind,
        target_kind: relationship.targetKind,
        cardinality: relationship.cardinality,
        target_profile_type_id: relationship.targetProfileTypeId,
        created_at: relationship.now,
        updated_at: relationship.now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toRelationship(row);
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'relationship_definitions_slug_key')
      throw slugTaken(relationship.slug);
    if (violatedForeignKey(error) === 'relationship_definitions_profile_type_fkey') {
      throw new DomainError(
        'PROFILE_TYPE_NOT_FOUND',
        `No ${relationship.targetKind} profile type has this id`,
        { path: 'targetProfileTypeId' },
      );
    }
    throw error;
  }
}

export async function findRelationship(
  db: Executor,
  scope: Scope,
  id: string,
): Promise<RelationshipDefinition | undefined> {
  const row = await db
    .selectFrom('relationship_definitions')
    .select(columns)
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toRelationship(row);
}

export async function findRelationships(db: Executor, scope: Scope): Promise<RelationshipDefinition[]> {
  const rows = await db
    .selectFrom('relationship_definitions')
    .select(columns)
    .where('workspace_id', '=', scope.workspaceId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toRelationship);
}

/** Writes a relationship's name, description and cardinality; a cardinality its links exceed is refused. */
export async function updateRelationshipRow(
  db: Executor,
  scope: Scope,
  id: string,
  fields: Pick<RelationshipDefinition, 'slug' | 'name' | 'description' | 'cardinality'> & { now: Date },
): Promise<RelationshipDefinition | undefined> {
  try {
    const row = await db
      .updateTable('relationship_definitions')
      .set({
        slug: fields.slug,
        name: fields.name,
        description: fields.description,
        cardinality: fields.cardinality,
        updated_at: fields.now,
      })
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
    return row && toRelationship(row);
  } catch (error) {
    const unique = violatedUniqueConstraint(error);
    if (unique === 'relationship_definitions_slug_key') throw slugTaken(fields.slug);
    if (unique !== undefined && cardinalityKeys.has(unique)) throw cardinalityExceeded(fields.cardinality);
    throw error;
  }
}

export async function deleteRelationshipRow(db: Executor, scope: Scope, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('relationship_definitions')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

const linkColumns = [
  'relationship_id',
  'source_kind',
  'source_id',
  'target_kind',
  'target_id',
  'created_at',
] as const;

function toLink(
  row: Pick<Selectable<RelationshipLinkTable>, (typeof linkColumns)[number]>,
): RelationshipLink {
  return {
    relationshipId: row.relationship_id,
    sourceKind: row.source_kind as ObjectKind,
    sourceId: row.source_id,
    targetKind: row.target_kind as ObjectKind,
    targetId: row.target_id,
    createdAt: row.created_at,
  };
}

/**
 * Links two records. The database refuses a record that does not exist, a target that has not
 * adopted the profile type the relationship is scoped to, and a link past the cardinality. A
 * link that exists already is answered as it is.
 */
export async function insertLink(
  db: Executor,
  scope: Scope,
  relationship: RelationshipDefinition,
  link: { sourceId: string; targetId: string; now: Date },
): Promise<RelationshipLink> {
  try {
    await db
      .insertInto('relationship_links')
      .values({
        workspace_id: scope.workspaceId,
        relationship_id: relationship.id,
        cardinality: relationship.cardinality,
        source_kind: relationship.sourceKind,
        source_id: link.sourceId,
        target_kind: relationship.targetKind,
        target_id: link.targetId,
        target_profile_type_id: relationship.targetProfileTypeId,
        created_at: link.now,
      })
      .onConflict((conflict) => conflict.constraint('relationship_links_pkey').doNothing())
      .execute();
  } catch (error) {
    const unique = violatedUniqueConstraint(error);
    if (unique !== undefined && cardinalityKeys.has(unique))
      throw cardinalityExceeded(relationship.cardinality);
    if (violatedForeignKey(error) === 'relationship_links_scope_fkey') {
      throw new DomainError(
        'RELATIONSHIP_TARGET_NOT_ADOPTED',
        'This relationship links only to records of its profile type: the target has not adopted it',
        { path: 'targetId' },
      );
    }
    const constraint = violatedForeignKey(error) ?? violatedCheckConstraint(error) ?? '';
    const missing = constraint.includes('_source_')
      ? missingRecord(error, relationship.sourceKind, 'sourceId')
      : missingRecord(error, relationship.targetKind, 'targetId');
    throw missing ?? error;
  }
  const row = await db
    .selectFrom('relationship_links')
    .select(linkColumns)
    .where('workspace_id', '=', scope.workspaceId)
    .where('relationship_id', '=', relationship.id)
    .where('source_id', '=', link.sourceId)
    .where('target_id', '=', link.targetId)
    .executeTakeFirstOrThrow();
  return toLink(row);
}

export async function deleteLink(
  db: Executor,
  scope: Scope,
  link: { relationshipId: string; sourceId: string; targetId: string },
): Promise<RelationshipLink | undefined> {
  const row = await db
    .deleteFrom('relationship_links')
    .where('workspace_id', '=', scope.workspaceId)
    .where('relationship_id', '=', link.relationshipId)
    .where('source_id', '=', link.sourceId)
    .where('target_id', '=', link.targetId)
    .returning(linkColumns)
    .executeTakeFirst();
  return row && toLink(row);
}

/** The links a record is the source or the target of, oldest first; those of records the scope sees. */
export async function findLinksOf(
  db: Executor,
  scope: Scope,
  objectKind: ObjectKind,
  recordId: string,
): Promise<RelationshipLink[]> {
  const rows = await db
    .selectFrom('relationship_links')
    .select(linkColumns)
    .where('workspace_id', '=', scope.workspaceId)
    .where((eb) =>
      eb.or([
        eb.and([eb('source_kind', '=', objectKind), eb('source_id', '=', recordId)]),
        eb.and([eb('target_kind', '=', objectKind), eb('target_id', '=', recordId)]),
      ]),
    )
    .$if(scope.organizationIds !== null, (query) =>
      query
        .where(recordInScope(scope, 'relationship_links.source_kind', 'relationship_links.source_id'))
        .where(recordInScope(scope, 'relationship_links.target_kind', 'relationship_links.target_id')),
    )
    .orderBy('created_at')
    .orderBy('relationship_id')
    .execute();
  return rows.map(toLink);
}
