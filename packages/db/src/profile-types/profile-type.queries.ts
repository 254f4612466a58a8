import {
  DomainError,
  type JsonObject,
  type ObjectKind,
  type ProfileType,
  type ProfileTypeCategory,
} from '@tessera/domain';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../client.ts';
import { violatedForeignKey, violatedUniqueConstraint } from '../shared/constraints.ts';
import type { Scope } from '../shared/scope.ts';
import type { ProfileTypeTable } from './profile-type.table.ts';

const columns = [
  't.workspace_id',
  't.id',
  't.object_kind',
  't.slug',
  't.title',
  't.description',
  't.badge_color',
  't.category',
  't.default_workflow_id',
  't.default_values',
  't.created_at',
  't.updated_at',
] as const;

type Row = Selectable<ProfileTypeTable> & { attribute_slugs: string[] };

function toProfileType(row: Row): ProfileType {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    // The database's check constraints allow only these values.
    objectKind: row.object_kind as ObjectKind,
    slug: row.slug,
    title: row.title,
    description: row.description,
    badgeColor: row.badge_color,
    category: row.category as ProfileTypeCategory,
    attributeSlugs: row.attribute_slugs,
    defaultWorkflowId: row.default_workflow_id,
    defaultValues: row.default_values as JsonObject,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What a type holds besides its identity, object kind and times. */
export type ProfileTypeFields = Omit<
  ProfileType,
  'id' | 'workspaceId' | 'objectKind' | 'createdAt' | 'updatedAt'
>;

function typesOf(db: Executor, scope: Scope) {
  return db
    .selectFrom('profile_types as t')
    .select(columns)
    .select(
      sql<string[]>`array(
        select pa.attribute_slug from profile_type_attributes pa
        where pa.workspace_id = t.workspace_id and pa.profile_type_id = t.id order by pa.position)`.as(
        'attribute_slugs',
      ),
    )
    .where('t.workspace_id', '=', scope.workspaceId);
}

function slugTaken(fields: { slug: string }, objectKind: ObjectKind): DomainError {
  return new DomainError(
    'PROFILE_TYPE_SLUG_TAKEN',
    `Another ${objectKind} profile type has the slug ${fields.slug}`,
    { path: 'slug' },
  );
}

function toColumns(fields: ProfileTypeFields) {
  return {
    slug: fields.slug,
    title: fields.title,
    description: fields.description,
    badge_color: fields.badgeColor,
    category: fields.category,
    default_workflow_id: fields.defaultWorkflowId,
    default_values: JSON.stringify(fields.defaultValues),
  };
}

async function setBundledAttributes(
  db: Executor,
  scope: Scope,
  type: { id: string; objectKind: ObjectKind },
  slugs: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('profile_type_attributes')
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_type_id', '=', type.id)
    .execute();
  if (slugs.length === 0) return;
  await db
    .insertInto('profile_type_attributes')
    .values(
      slugs.map((slug, position) => ({
        workspace_id: scope.workspaceId,
        profile_type_id: type.id,
        object_kind: type.objectKind,
        attribute_slug: slug,
        position,
      })),
    )
    .execute();
}

/** Inserts a type and the attributes it bundles; the caller has checked that they are defined. */
export async function insertProfileType(
  db: Executor,
  scope: Scope,
  type: ProfileTypeFields & { id: string; objectKind: ObjectKind; now: Date },
): Promise<ProfileType> {
  try {
    await db
      .insertInto('profile_types')
      .values({
        workspace_id: scope.workspaceId,
        id: type.id,
        object_kind: type.objectKind,
        ...toColumns(type),
        created_at: type.now,
        updated_at: type.now,
      })
      .execute();
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'profile_types_slug_key') throw slugTaken(type, type.objectKind);
    throw error;
  }
  await setBundledAttributes(db, scope, type, type.attributeSlugs);
  return { ...type, workspaceId: scope.workspaceId, createdAt: type.now, updatedAt: type.now };
}

export async function findProfileType(
  db: Executor,
  scope: Scope,
  id: string,
  options: { lock?: 'forUpdate' | 'forKeyShare' } = {},
): Promise<ProfileType | undefined> {
  const row = await typesOf(db, scope)
    .where('t.id', '=', id)
    .$if(options.lock === 'forUpdate', (query) => query.forUpdate('t'))
    .$if(options.lock === 'forKeyShare', (query) => query.forKeyShare('t'))
    .executeTakeFirst();
  return row && toProfileType(row);
}

/** The type of the object kind with this slug, if there is one. */
export async function findProfileTypeBySlug(
  db: Executor,
  scope: Scope,
  objectKind: ObjectKind,
  slug: string,
): Promise<ProfileType | undefined> {
  const row = await typesOf(db, scope)
    .where('t.object_kind', '=', objectKind)
    .where('t.slug', '=', slug)
    .executeTakeFirst();
  return row && toProfileType(row);
}

/** The workspace's types, of one object kind if given, by kind and title. */
export async function findProfileTypes(
  db: Executor,
  scope: Scope,
  filter: { objectKind?: ObjectKind | undefined } = {},
): Promise<ProfileType[]> {
  const rows = await typesOf(db, scope)
    .$if(filter.objectKind !== undefined, (query) =>
      query.where('t.object_kind', '=', filter.objectKind ?? ''),
    )
    .orderBy('t.object_kind')
    .orderBy('t.title')
    .orderBy('t.id')
    .execute();
  return rows.map(toProfileType);
}

/** Writes a type's new fields and, when they changed, the attributes it bundles. */
export async function updateProfileTypeRow(
  db: Executor,
  scope: Scope,
  before: ProfileType,
  fields: ProfileTypeFields & { now: Date },
): Promise<ProfileType> {
  try {
    await db
      .updateTable('profile_types')
      .set({ ...toColumns(fields), updated_at: fields.now })
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', before.id)
      .execute();
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'profile_types_slug_key')
      throw slugTaken(fields, before.objectKind);
    throw error;
  }
  if (fields.attributeSlugs.join(',') !== before.attributeSlugs.join(',')) {
    await setBundledAttributes(db, scope, before, fields.attributeSlugs);
  }
  return { ...before, ...fields, updatedAt: fields.now };
}

/** Deletes a type, and with it its adoptions; refused while a relationship is scoped to it. */
export async function deleteProfileTypeRow(db: Executor, scope: Scope, id: string): Promise<void> {
  try {
    await db
      .deleteFrom('profile_types')
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', id)
      .execute();
  } catch (error) {
    const foreignKey = violatedForeignKey(error);
    if (
      foreignKey === 'relationship_definitions_profile_type_fkey' ||
      foreignKey === 'relationship_links_scope_fkey'
    ) {
      throw new DomainError(
        'PROFILE_TYPE_IN_USE',
        'A relationship is scoped to this profile type: delete the relationship first',
        { path: 'id' },
      );
    }
    throw error;
  }
}
