import { findProfile } from '@tessera/db/profiles';
import {
  deleteSourceRecordRow,
  findSourceRecord,
  findSourceRecordByIdentifier,
  findSourceRecordsOfProfile,
} from '@tessera/db/source-records';
import { findWorkspaceSettings } from '@tessera/db/workspace-settings';
import {
  DomainError,
  normalizeIdentifier,
  parseIdentifierQuery,
  sourceRecordName,
  type IdentifierQueryInput,
  type ProfileSourceRecordsInput,
  type SourceRecord,
  type SourceRecordIdInput,
  type SourceRecordView,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { auditDeletion } from './record-placement.ts';

/** A record as a client reads it: named from its identifiers where it was given no name. */
export function toSourceRecordView(record: SourceRecord): SourceRecordView {
  const { workspaceId: _workspaceId, name, ...fields } = record;
  return { ...fields, name: name ?? sourceRecordName(record.identifiers) };
}

export function recordNotFound(path: string): DomainError {
  return path === 'id'
    ? new DomainError('SOURCE_RECORD_NOT_FOUND', 'No source record has this id', { path })
    : new DomainError('SOURCE_RECORD_NOT_FOUND', 'No source record answers this identifier query', { path });
}

/**
 * The record an identifier query addresses, locked when asked; its identifier is read as stored
 * identifiers are, a phone number in the workspace's region (read only for a phone number).
 */
export async function findByQuery(
  db: Executor,
  ctx: MemberContext,
  text: string,
  options: { forUpdate?: boolean } = {},
): Promise<SourceRecord | undefined> {
  const query = parseIdentifierQuery(text);
  const region =
    query.identifierType === 'phone_number'
      ? (await findWorkspaceSettings(db, ctx.scope)).defaultPhoneRegion
      : null;
  const identifier = normalizeIdentifier(
    { type: query.identifierType, value: query.identifierValue },
    region,
  );
  const found = await findSourceRecordByIdentifier(db, ctx.scope, { ...query, identifier });
  if (!found || !options.forUpdate) return found;
  return findSourceRecord(db, ctx.scope, found.id, { forUpdate: true });
}

/** A profile's source records, oldest first. */
export async function listSourceRecords(
  ctx: MemberContext,
  input: ProfileSourceRecordsInput,
): Promise<SourceRecordView[]> {
  if (!(await findProfile(ctx.db, ctx.scope, input.profileId))) {
    throw new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', {
      path: 'profileId',
      details: { id: input.profileId },
    });
  }
  return (await findSourceRecordsOfProfile(ctx.db, ctx.scope, input.profileId)).map(toSourceRecordView);
}

export async function getSourceRecord(
  ctx: MemberContext,
  input: SourceRecordIdInput,
): Promise<SourceRecordView> {
  const record = await findSourceRecord(ctx.db, ctx.scope, input.id);
  if (!record) throw recordNotFound('id');
  return toSourceRecordView(record);
}

export async function getSourceRecordByQuery(
  ctx: MemberContext,
  input: IdentifierQueryInput,
): Promise<SourceRecordView> {
  const record = await findByQuery(ctx.db, ctx, input.identifierQuery);
  if (!record) throw recordNotFound('identifierQuery');
  return toSourceRecordView(record);
}

/** Deletes a record; the profile keeps its identities and contact points. */
export async function deleteSourceRecord(
  ctx: MemberContext,
  input: SourceRecordIdInput,
): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const record = await findSourceRecord(trx, ctx.scope, input.id, { forUpdate: true });
    if (!record || !(await deleteSourceRecordRow(trx, ctx.scope, record.id))) throw recordNotFound('id');
    await auditDeletion(trx, ctx, record);
    return { id: record.id };
  });
}
