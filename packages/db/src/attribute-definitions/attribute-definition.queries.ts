import {
  DomainError,
  type AttributeDataType,
  type AttributeDefinition,
  type ObjectKind,
  type SelectOption,
} from '@tessera/domain';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../client.ts';
import { violatedForeignKey, violatedUniqueConstraint } from '../shared/constraints.ts';
import type { Scope } from '../shared/scope.ts';
import type { AttributeDefinitionTable } from './attribute-definition.table.ts';

const columns = [
  'workspace_id',
  'id',
  'object_kind',
  'slug',
  'label',
  'description',
  'data_type',
  'is_required',
  'options',
  'min',
  'max',
  'min_length',
  'max_length',
  'pattern',
  'created_at',
  'updated_at',
] as const;

type Row = Pick<Selectable<AttributeDefinitionTable>, (typeof columns)[number]>;

function toAttributeDefinition(row: Row): AttributeDefinition {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    // The database's check constraints allow only these values.
    objectKind: row.object_kind as ObjectKind,
    slug: row.slug,
    label: row.label,
    description: row.description,
    dataType: row.data_type as AttributeDataType,
    isRequired: row.is_required,
    options: row.options as SelectOption[],
    min: row.min,
    max: row.max,
    minLength: row.min_length,
    maxLength: row.max_length,
    pattern: row.pattern,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What a definition holds besides its identity and times; the object kind and slug are set once. */
export type AttributeDefinitionFields = Omit<
  AttributeDefinition,
  'id' | 'workspaceId' | 'objectKind' | 'slug' | 'createdAt' | 'updatedAt'
>;

function toColumns(fields: AttributeDefinitionFields) {
  return {
    label: fields.label,
    description: fields.description,
    data_type: fields.dataType,
    is_required: fields.isRequired,
    options: JSON.stringify(fields.options),
    min: fields.min,
    max: fields.max,
    min_length: fields.minLength,
    max_length: fields.maxLength,
    pattern: fields.pattern,
  };
}

function bundled(): DomainError {
  return new DomainError(
    'ATTRIBUTE_DEFINITION_IN_USE',
    'Profile types bundle this attribute: take it out of them first',
    { path: 'id' },
  );
}

export async function insertAttributeDefinition(
  db: Executor,
  scope: Scope,
  definition: AttributeDefinitionFields & { id: string; objectKind: ObjectKind; slug: string; now: Date },
): Promise<AttributeDefinition> {
  try {
    const row = await db
      .insertInto('attribute_definitions')
      .values({
        workspace_id: scope.workspaceId,
        id: definition.id,
        object_kind: definition.objectKind,
        slug: definition.slug,
        ...toColumns(definition),
        created_at: definition.now,
        updated_at: definition.now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toAttributeDefinition(row);
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'attribute_definitions_slug_key') {
      throw new DomainError(
        'ATTRIBUTE_SLUG_TAKEN',
        `Another ${definition.objectKind} attribute has the slug ${definition.slug}`,
        { path: 'slug' },
      );
    }
    throw error;
  }
}

function definitionsOf(db: Executor, scope: Scope) {
  return db.selectFrom('attribute_definitions').select(columns).where('workspace_id', '=', scope.workspaceId);
}

export async function findAttributeDefinition(
  db: Executor,
  scope: Scope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AttributeDefinition | undefined> {
  const row = await definitionsOf(db, scope)
    .where('id', '=', id)
    .$if(options.forUpdate === true, (query) => query.forUpdate())
    .executeTakeFirst();
  return row && toAttributeDefinition(row);
}

/** The workspace's definitions, of one object kind if given, by kind and slug. */
export async function findAttributeDefinitions(
  db: Executor,
  scope: Scope,
  filter: { objectKind?: ObjectKind | undefined } = {},
): Promise<AttributeDefinition[]> {
  const rows = await definitionsOf(db, scope)
    .$if(filter.objectKind !== undefined, (query) => query.where('object_kind', '=', filter.objectKind ?? ''))
    .orderBy('object_kind')
    .orderBy('slug')
    .execute();
  return rows.map(toAttributeDefinition);
}

/**
 * The definitions of these slugs, in their order, held until the transaction ends against a
 * change that could break the values about to be written (a change takes them FOR UPDATE).
 * Slugs not defined are left out.
 */
export async function lockAttributeDefinitionsBySlug(
  db: Executor,
  scope: Scope,
  objectKind: ObjectKind,
  slugs: readonly string[],
): Promise<AttributeDefinition[]> {
  if (slugs.length === 0) return [];
  const rows = await definitionsOf(db, scope)
    .where('object_kind', '=', objectKind)
    .where('slug', 'in', slugs)
    .orderBy('slug')
    .forKeyShare()
    .execute();
  const order = new Map(slugs.map((slug, index) => [slug, index]));
  return rows.map(toAttributeDefinition).sort((a, b) => (order.get(a.slug) ?? 0) - (order.get(b.slug) ?? 0));
}

export async function updateAttributeDefinitionRow(
  db: Executor,
  scope: Scope,
  id: string,
  fields: AttributeDefinitionFields & { now: Date },
): Promise<AttributeDefinition> {
  const row = await db
    .updateTable('attribute_definitions')
    .set({ ...toColumns(fields), updated_at: fields.now })
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toAttributeDefinition(row);
}

/** Deletes a definition; refused while a profile type bundles it. */
export async function deleteAttributeDefinitionRow(db: Executor, scope: Scope, id: string): Promise<void> {
  try {
    await db
      .deleteFrom('attribute_definitions')
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', id)
      .execute();
  } catch (error) {
    if (violatedForeignKey(error) === 'profile_type_attributes_definition_fkey') throw bundled();
    throw error;
  }
}

/** How many records of the kind hold a value of the attribute, whether or not they show it now. */
export async function countRecordsHoldingValue(
  db: Executor,
  scope: Scope,
  objectKind: ObjectKind,
  slug: string,
): Promise<number> {
  const row = await db
    .selectFrom('attribute_values')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('object_kind', '=', objectKind)
    .where(sql<boolean>`attributes ? ${slug}`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Takes the attribute's values off every record of the kind. */
export async function removeStoredValues(
  db: Executor,
  scope: Scope,
  objectKind: ObjectKind,
  slug: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('attribute_values')
    .set({ attributes: sql`attributes - ${slug}`, updated_at: now })
    .where('workspace_id', '=', scope.workspaceId)
    .where('object_kind', '=', objectKind)
    .where(sql<boolean>`attributes ? ${slug}`)
    .execute();
}
