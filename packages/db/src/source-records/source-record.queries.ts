import {
  DomainError,
  isStandardType,
  matchTypeOf,
  type Identifier,
  type JsonObject,
  type SourceRecord,
} from '@tessera/domain';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../client.ts';
import { violatedUniqueConstraint } from '../shared/constraints.ts';
import { profileInScope, type Scope } from '../shared/scope.ts';
import { standardTypesSql } from './standard-types.ts';

const recordColumns = [
  'r.workspace_id',
  'r.id',
  'r.profile_id',
  'r.source',
  'r.type',
  'r.name',
  'r.attributes',
  'r.created_at',
  'r.updated_at',
] as const;

/** The workspace's records of the profiles the scope sees. */
function recordsOf(db: Executor, scope: Scope) {
  return db
    .selectFrom('source_records as r')
    .select(recordColumns)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('source_record_identifiers as i')
          .select(['i.type', 'i.value'])
          .whereRef('i.workspace_id', '=', 'r.workspace_id')
          .whereRef('i.source_record_id', '=', 'r.id')
          .orderBy('i.position'),
      ).as('identifiers'),
    )
    .where('r.workspace_id', '=', scope.workspaceId)
    .$if(scope.organizationIds !== null, (q) => q.where(profileInScope(scope, 'r.profile_id')));
}

type RecordRow = Awaited<ReturnType<ReturnType<typeof recordsOf>['executeTakeFirstOrThrow']>>;

function toSourceRecord(row: Omit<RecordRow, 'identifiers'>, identifiers: Identifier[]): SourceRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    profileId: row.profile_id,
    source: row.source,
    type: row.type,
    name: row.name,
    identifiers,
    // The column's check constraint keeps it an object; the schema that wrote it, JSON.
    attributes: row.attributes as JsonObject,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * A record by id. With `forUpdate`, the record is locked first and read after, so that what is read
 * is what the lock's holder before committed, identifiers included.
 */
export async function findSourceRecord(
  db: Executor,
  scope: Scope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SourceRecord | undefined> {
  if (options.forUpdate) {
    const locked = await db
      .selectFrom('source_records')
      .select('id')
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', id)
      .$if(scope.organizationIds !== null, (q) => q.where(profileInScope(scope, 'source_records.profile_id')))
      .forUpdate()
      .executeTakeFirst();
    if (!locked) return undefined;
  }
  const row = await recordsOf(db, scope).where('r.id', '=', id).executeTakeFirst();
  return row && toSourceRecord(row, row.identifiers);
}

/** The record of this source and type that has the identifier (stored form), matched by its match type. */
export async function findSourceRecordByIdentifier(
  db: Executor,
  scope: Scope,
  key: { source: string; type: string; identifier: Identifier },
): Promise<SourceRecord | undefined> {
  const row = await recordsOf(db, scope)
    .where('r.id', '=', (eb) =>
      eb
        .selectFrom('source_record_identifiers')
        .select('source_record_id')
        .where('workspace_id', '=', scope.workspaceId)
        .where('source', '=', key.source)
        .where('record_type', '=', key.type)
        .where('match_type', '=', matchTypeOf(key.identifier.type))
        .where('value', '=', key.identifier.value),
    )
    .executeTakeFirst();
  return row && toSourceRecord(row, row.identifiers);
}

/** A profile's records, oldest first. */
export async function findSourceRecordsOfProfile(
  db: Executor,
  scope: Scope,
  profileId: string,
): Promise<SourceRecord[]> {
  const rows = await recordsOf(db, scope).where('r.profile_id', '=', profileId).orderBy('r.id').execute();
  return rows.map((row) => toSourceRecord(row, row.identifiers));
}

export async function countSourceRecordsOfProfile(
  db: Executor,
  scope: Scope,
  profileId: string,
): Promise<number> {
  const { count } = await db
    .selectFrom('source_records')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_id', '=', profileId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export interface SourceRecordContent {
  name: string | null;
  /** As stored: normalised, without repeats. */
  identifiers: Identifier[];
  attributes: JsonObject;
  now: Date;
}

/**
 * Writes a record's identifiers in place of the ones it had. An identifier another record of the
 * same source and type has is refused by the database: SOURCE_RECORD_IDENTIFIER_TAKEN.
 */
async function replaceIdentifiers(
  db: Executor,
  scope: Scope,
  record: { id: string; source: string; type: string },
  identifiers: Identifier[],
): Promise<void> {
  await db
    .deleteFrom('source_record_identifiers')
    .where('workspace_id', '=', scope.workspaceId)
    .where('source_record_id', '=', record.id)
    .execute();
  const rows = identifiers.map((identifier, position) => ({
    workspace_id: scope.workspaceId,
    source_record_id: record.id,
    position,
    source: record.source,
    record_type: record.type,
    type: identifier.type,
    match_type: matchTypeOf(identifier.type),
    value: identifier.value,
  }));
  // Rows go in key order, so that two requests writing the same identifiers wait for each other
  // instead of each holding one key the other needs.
  rows.sort((a, b) => (a.match_type + '\u0000' + a.value < b.match_type + '\u0000' + b.value ? -1 : 1));
  try {
    await db.insertInto('source_record_identifiers').values(rows).execute();
  } catch (error) {
    if (violatedUniqueConstraint(error) !== 'source_record_identifiers_query_key') throw error;
    throw new DomainError(
      'SOURCE_RECORD_IDENTIFIER_TAKEN',
      `Another ${record.source} ${record.type} record has one of these identifiers`,
      { path: 'identifiers' },
    );
  }
}

const writtenColumns = [
  'workspace_id',
  'id',
  'profile_id',
  'source',
  'type',
  'name',
  'attributes',
  'created_at',
  'updated_at',
] as const;

export async function insertSourceRecord(
  db: Executor,
  scope: Scope,
  record: SourceRecordContent & { id: string; profileId: string; source: string; type: string },
): Promise<SourceRecord> {
  const row = await db
    .insertInto('source_records')
    .values({
      workspace_id: scope.workspaceId,
      id: record.id,
      profile_id: record.profileId,
      source: record.source,
      type: record.type,
      name: record.name,
      attributes: JSON.stringify(record.attributes),
      created_at: record.now,
      updated_at: record.now,
    })
    .returning(writtenColumns)
    .executeTakeFirstOrThrow();
  await replaceIdentifiers(db, scope, record, record.identifiers);
  return toSourceRecord(row, record.identifiers);
}

/** Replaces a record's name, identifiers and attributes. */
export async function updateSourceRecordRow(
  db: Executor,
  scope: Scope,
  record: Pick<SourceRecord, 'id' | 'source' | 'type'>,
  content: SourceRecordContent,
): Promise<SourceRecord> {
  const row = await db
    .updateTable('source_records')
    .set({ name: content.name, attributes: JSON.stringify(content.attributes), updated_at: content.now })
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', record.id)
    .returning(writtenColumns)
    .executeTakeFirstOrThrow();
  await replaceIdentifiers(db, scope, record, content.identifiers);
  return toSourceRecord(row, content.identifiers);
}

export async function deleteSourceRecordRow(db: Executor, scope: Scope, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('source_records')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * The profiles that the standard identifiers among these (stored form) identify: by an email or
 * phone among their contact points, or by a standard identity; those the scope sees.
 */
export async function findProfilesIdentifiedBy(
  db: Executor,
  scope: Scope,
  identifiers: readonly Identifier[],
): Promise<string[]> {
  const keyed = identifiers.map((identifier) => ({
    matchType: matchTypeOf(identifier.type),
    value: identifier.value,
  }));
  const standard = keyed.filter((key) => isStandardType(key.matchType));
  if (standard.length === 0) return [];
  const valuesOf = (matchType: string) =>
    standard.filter((key) => key.matchType === matchType).map((key) => key.value);
  const seen = (profileId: string) =>
    scope.organizationIds === null ? sql`` : sql`and ${profileInScope(scope, profileId)}`;
  const { rows } = await sql<{ profile_id: string }>`
    select profile_id from contact_points
    where workspace_id = ${scope.workspaceId}
      and ((key = 'email' and value = any(${valuesOf('email')}::text[]))
        or (key = 'phone' and value = any(${valuesOf('phone_number')}::text[])))
      ${seen('contact_points.profile_id')}
    union
    select profile_id from profile_identities
    where workspace_id = ${scope.workspaceId} and match_type in (${standardTypesSql})
      and (match_type, identifier) in (${sql.join(standard.map((key) => sql`(${key.matchType}, ${key.value})`))})
      ${seen('profile_identities.profile_id')}
    order by profile_id`.execute(db);
  return rows.map((row) => row.profile_id);
}
