import {
  DomainError,
  type AdoptedProfileType,
  type JsonObject,
  type JsonValue,
  type ObjectKind,
} from '@tessera/domain';
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Executor } from '../client.ts';
import { violatedForeignKey } from '../shared/constraints.ts';
import { missingRecord } from '../shared/records.ts';
import { recordInScope, type Scope } from '../shared/scope.ts';

/**
 * The profile types a record adopted, oldest adoption first, as JSON read through the types
 * themselves: a new title, slug or badge colour shows on every record at once. For reads of a
 * record, as a column of the same statement.
 */
export function adoptedTypesJson(
  objectKind: ObjectKind,
  workspaceId: Expression<string>,
  recordId: Expression<string>,
): RawBuilder<AdoptedProfileType[]> {
  return sql<AdoptedProfileType[]>`coalesce((
    select jsonb_agg(jsonb_build_object(
        'id', t.id, 'title', t.title, 'slug', t.slug, 'badgeColor', t.badge_color,
        'attributeSlugs', array(
          select pa.attribute_slug from profile_type_attributes pa
          where pa.workspace_id = t.workspace_id and pa.profile_type_id = t.id order by pa.position))
      order by a.adopted_at, a.profile_type_id)
    from profile_type_adoptions a
    join profile_types t on t.workspace_id = a.workspace_id and t.id = a.profile_type_id
    where a.workspace_id = ${workspaceId} and a.object_kind = ${sql.lit(objectKind)} and a.record_id = ${recordId}
  ), '[]'::jsonb)`;
}

/** Every custom attribute value a record holds, by slug, as a column of the same statement. */
export function storedValuesJson(
  objectKind: ObjectKind,
  workspaceId: Expression<string>,
  recordId: Expression<string>,
): RawBuilder<JsonObject> {
  return sql<JsonObject>`coalesce((
    select v.attributes from attribute_values v
    where v.workspace_id = ${workspaceId} and v.object_kind = ${sql.lit(objectKind)} and v.record_id = ${recordId}
  ), '{}'::jsonb)`;
}

export interface RecordAttributes {
  profileTypes: AdoptedProfileType[];
  /** Every value the record holds, those of types it detached included. */
  values: JsonObject;
}

/** A record's profile types and stored values, in one statement. */
export async function findRecordAttributes(
  db: Executor,
  scope: Scope,
  objectKind: ObjectKind,
  recordId: string,
): Promise<RecordAttributes> {
  const workspaceId = sql.val(scope.workspaceId);
  const id = sql.val(recordId);
  const { rows } = await sql<{ profile_types: AdoptedProfileType[]; attributes: JsonObject }>`select
    ${adoptedTypesJson(objectKind, workspaceId, id)} as profile_types,
    ${storedValuesJson(objectKind, workspaceId, id)} as attributes`.execute(db);
  const [row] = rows;
  return { profileTypes: row?.profile_types ?? [], values: row?.attributes ?? {} };
}

/**
 * A record's stored values, locked until the transaction ends: every change to a record's profile
 * types or values goes through this lock, one at a time. Refused if the record does not exist.
 */
export async function lockRecordValues(
  db: Executor,
  scope: Scope,
  objectKind: ObjectKind,
  recordId: string,
  now: Date,
): Promise<JsonObject> {
  try {
    await db
      .insertInto('attribute_values')
      .values({
        workspace_id: scope.workspaceId,
        object_kind: objectKind,
        record_id: recordId,
        attributes: '{}',
        updated_at: now,
      })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  } catch (error) {
    throw missingRecord(error, objectKind, 'recordId') ?? error;
  }
  const row = await db
    .selectFrom('attribute_values')
    .select('attributes')
    .where('workspace_id', '=', scope.workspaceId)
    .where('object_kind', '=', objectKind)
    .where('record_id', '=', recordId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.attributes as JsonObject;
}

/** Replaces a record's stored values; the record's values row is locked (`lockRecordValues`). */
export async function writeRecordValues(
  db: Executor,
  scope: Scope,
  objectKind: ObjectKind,
  recordId: string,
  values: JsonObject,
  now: Date,
): Promise<void> {
  await db
    .updateTable('attribute_values')
    .set({ attributes: JSON.stringify(values), updated_at: now })
    .where('workspace_id', '=', scope.workspaceId)
    .where('object_kind', '=', objectKind)
    .where('record_id', '=', recordId)
    .execute();
}

/** Records that a record adopted a type; false if it had already. */
export async function insertAdoption(
  db: Executor,
  scope: Scope,
  adoption: { objectKind: ObjectKind; recordId: string; profileTypeId: string; now: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('profile_type_adoptions')
    .values({
      workspace_id: scope.workspaceId,
      object_kind: adoption.objectKind,
      record_id: adoption.recordId,
      profile_type_id: adoption.profileTypeId,
      adopted_at: adoption.now,
    })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Takes a type off a record; false if it did not hold it. Refused while a link scoped to the type targets the record. */
export async function deleteAdoption(
  db: Executor,
  scope: Scope,
  adoption: { objectKind: ObjectKind; recordId: string; profileTypeId: string },
): Promise<boolean> {
  try {
    const result = await db
      .deleteFrom('profile_type_adoptions')
      .where('workspace_id', '=', scope.workspaceId)
      .where('object_kind', '=', adoption.objectKind)
      .where('record_id', '=', adoption.recordId)
      .where('profile_type_id', '=', adoption.profileTypeId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  } catch (error) {
    if (violatedForeignKey(error) === 'relationship_links_scope_fkey') {
      throw new DomainError(
        'PROFILE_TYPE_IN_USE',
        'Links of a relationship scoped to this profile type point to this record: remove them first',
        { path: 'id' },
      );
    }
    throw error;
  }
}

export interface Adopter {
  recordId: string;
  /** A profile's full name, a member's or an organization's name. */
  name: string | null;
  adoptedAt: Date;
}

/**
 * The records that adopted a type and that the scope sees, in the order they adopted it, after a
 * position (keyset).
 */
export async function findAdopters(
  db: Executor,
  scope: Scope,
  profileTypeId: string,
  page: { limit: number; after: { adoptedAt: Date; recordId: string } | undefined },
): Promise<Adopter[]> {
  const rows = await db
    .selectFrom('profile_type_adoptions as a')
    .leftJoin('profiles as p', (join) =>
      join
        .onRef('p.workspace_id', '=', 'a.workspace_id')
        .onRef('p.id', '=', 'a.record_id')
        .on('a.object_kind', '=', 'contacts'),
    )
    .leftJoin('members as m', (join) =>
      join
        .onRef('m.workspace_id', '=', 'a.workspace_id')
        .onRef('m.id', '=', 'a.record_id')
        .on('a.object_kind', '=', 'users'),
    )
    .leftJoin('organizations as o', (join) =>
      join
        .onRef('o.workspace_id', '=', 'a.workspace_id')
        .onRef('o.id', '=', 'a.record_id')
        .on('a.object_kind', '=', 'organizations'),
    )
    .select([
      'a.record_id',
      'a.adopted_at',
      (eb) => eb.fn.coalesce('p.full_name', 'm.name', 'o.name').as('name'),
    ])
    .where('a.workspace_id', '=', scope.workspaceId)
    .where('a.profile_type_id', '=', profileTypeId)
    .$if(scope.organizationIds !== null, (query) =>
      query.where(recordInScope(scope, 'a.object_kind', 'a.record_id')),
    )
    .$if(page.after !== undefined, (query) =>
      query.where(
        sql<boolean>`(a.adopted_at, a.record_id) > (${page.after?.adoptedAt}, ${page.after?.recordId})`,
      ),
    )
    .orderBy('a.adopted_at')
    .orderBy('a.record_id')
    .limit(page.limit)
    .execute();
  return rows.map((row) => ({ recordId: row.record_id, name: row.name, adoptedAt: row.adopted_at }));
}

/**
 * How many records hold no value of the attribute among those that adopted `profileTypeId`, or
 * without it, any type that bundles the attribute.
 */
export async function countAdoptersLacking(
  db: Executor,
  scope: Scope,
  attribute: { objectKind: ObjectKind; slug: string; profileTypeId?: string },
): Promise<number> {
  const row = await db
    .selectFrom('profile_type_adoptions as a')
    .$if(attribute.profileTypeId === undefined, (query) =>
      query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('profile_type_attributes as pa')
            .select('pa.position')
            .whereRef('pa.workspace_id', '=', 'a.workspace_id')
            .whereRef('pa.profile_type_id', '=', 'a.profile_type_id')
            .where('pa.attribute_slug', '=', attribute.slug),
        ),
      ),
    )
    .leftJoin('attribute_values as v', (join) =>
      join
        .onRef('v.workspace_id', '=', 'a.workspace_id')
        .onRef('v.object_kind', '=', 'a.object_kind')
        .onRef('v.record_id', '=', 'a.record_id'),
    )
    .select(sql<string>`count(distinct a.record_id)`.as('count'))
    .where('a.workspace_id', '=', scope.workspaceId)
    .where('a.object_kind', '=', attribute.objectKind)
    .$if(attribute.profileTypeId !== undefined, (query) =>
      query.where('a.profile_type_id', '=', attribute.profileTypeId ?? ''),
    )
    .where(sql<boolean>`not coalesce(v.attributes ? ${attribute.slug}, false)`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Gives the records that adopted a type and hold no value of the attribute this value. */
export async function fillAdoptersLacking(
  db: Executor,
  scope: Scope,
  fill: { objectKind: ObjectKind; profileTypeId: string; slug: string; value: JsonValue; now: Date },
): Promise<void> {
  await sql`update attribute_values v
    set attributes = v.attributes || jsonb_build_object(${fill.slug}::text, ${JSON.stringify(fill.value)}::jsonb),
      updated_at = ${fill.now}
    from profile_type_adoptions a
    where a.workspace_id = ${scope.workspaceId} and a.object_kind = ${fill.objectKind}
      and a.profile_type_id = ${fill.profileTypeId}
      and v.workspace_id = a.workspace_id and v.object_kind = a.object_kind and v.record_id = a.record_id
      and not v.attributes ? ${fill.slug}`.execute(db);
}
