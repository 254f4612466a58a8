import { findSourceRecord, findSourceRecordByIdentifier } from '@tessera/db/source-records';
import { findWorkspaceSettings } from '@tessera/db/workspace-settings';
import {
  applyMergePatch,
  attributesSchema,
  DomainError,
  isReservedSource,
  isSameIdentifier,
  normalizeIdentifier,
  parseIdentifierQuery,
  reservedSources,
  type PatchSourceRecordByQueryInput,
  type PatchSourceRecordInput,
  type RemoveIdentifierInput,
  type SourceRecord,
  type SourceRecordPatch,
  type SourceRecordView,
  type UpdateSourceRecordInput,
  type UpsertProfileSourceRecordInput,
  type UpsertSourceRecordInput,
  type WorkspaceSettings,
} from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { contentOf, inRetriedTransaction, saveRecord } from './record-placement.ts';
import { findByQuery, recordNotFound, toSourceRecordView } from './source-records.service.ts';

type Upserted = SourceRecordView & { isCreated: boolean };

/**
 * Creates the record the identifier query addresses, or replaces the content of the one it finds
 * (003: what the request leaves out is gone). The query's identifier is one of the record's.
 */
async function upsert(
  ctx: MemberContext,
  input: UpsertSourceRecordInput,
  profileId: string | undefined,
): Promise<Upserted> {
  const query = parseIdentifierQuery(input.identifierQuery);
  if (isReservedSource(query.source)) {
    throw new DomainError(
      'SOURCE_RESERVED',
      `The sources ${reservedSources.join(' and ')} are reserved: name the system the record comes from`,
      { path: 'identifierQuery' },
    );
  }
  return inRetriedTransaction(ctx, async (trx) => {
    const settings = await findWorkspaceSettings(trx, ctx.scope);
    const key = normalizeIdentifier(
      { type: query.identifierType, value: query.identifierValue },
      settings.defaultPhoneRegion,
    );
    const found = await findSourceRecordByIdentifier(trx, ctx.scope, { ...query, identifier: key });
    const existing = found && (await findSourceRecord(trx, ctx.scope, found.id, { forUpdate: true }));
    if (existing && profileId !== undefined && existing.profileId !== profileId) {
      throw new DomainError(
        'SOURCE_RECORD_PROFILE_CONFLICT',
        'The record this identifier query addresses belongs to another profile',
        { path: 'identifierQuery', details: { id: existing.id } },
      );
    }
    const content = contentOf(settings, {
      name: input.name ?? null,
      identifiers: [...(input.identifiers ?? []), key],
      attributes: input.attributes ?? {},
    });
    const saved = await saveRecord(
      trx,
      ctx,
      settings,
      { existing, profileId, source: query.source, type: query.type },
      content,
    );
    return { ...toSourceRecordView(saved.record), isCreated: saved.isCreated };
  });
}

export function upsertSourceRecord(ctx: MemberContext, input: UpsertSourceRecordInput): Promise<Upserted> {
  return upsert(ctx, input, undefined);
}

/** As `upsertSourceRecord`, for the given profile; a record of another profile is refused. */
export function upsertProfileSourceRecord(
  ctx: MemberContext,
  input: UpsertProfileSourceRecordInput,
): Promise<Upserted> {
  return upsert(ctx, input, input.profileId);
}

/** A record named by its id or by an identifier query. */
type Target = { id: string } | { identifierQuery: string };

/** Rewrites the record `target` names, locked: `change` gives its new content from what it holds. */
async function rewrite(
  ctx: MemberContext,
  target: Target,
  change: (record: SourceRecord, settings: WorkspaceSettings) => Parameters<typeof contentOf>[1],
): Promise<SourceRecordView> {
  return inRetriedTransaction(ctx, async (trx) => {
    const existing =
      'id' in target
        ? await findSourceRecord(trx, ctx.scope, target.id, { forUpdate: true })
        : await findByQuery(trx, ctx, target.identifierQuery, { forUpdate: true });
    if (!existing) throw recordNotFound('id' in target ? 'id' : 'identifierQuery');
    const settings = await findWorkspaceSettings(trx, ctx.scope);
    const content = contentOf(settings, change(existing, settings));
    const placement = { existing, source: existing.source, type: existing.type };
    const { record } = await saveRecord(trx, ctx, settings, placement, content);
    return toSourceRecordView(record);
  });
}

/** Replaces a record's name, identifiers and attributes: what is left out is gone. */
export function updateSourceRecord(
  ctx: MemberContext,
  input: UpdateSourceRecordInput,
): Promise<SourceRecordView> {
  return rewrite(ctx, { id: input.id }, () => ({
    name: input.name ?? null,
    identifiers: input.identifiers,
    attributes: input.attributes ?? {},
  }));
}

/** A record's content after a merge patch (RFC 7396) of its name and attributes, with the identifiers it adds. */
function patched(record: SourceRecord, patch: SourceRecordPatch) {
  let attributes = record.attributes;
  if (patch.attributes === null) attributes = {};
  else if (patch.attributes !== undefined) {
    const merged = attributesSchema.safeParse(applyMergePatch(record.attributes, patch.attributes));
    if (!merged.success) {
      throw new DomainError('INVALID_FIELD', merged.error.issues[0]?.message ?? 'Attributes are invalid', {
        path: 'attributes',
      });
    }
    attributes = merged.data;
  }
  return {
    name: patch.name === undefined ? record.name : patch.name,
    identifiers: [...record.identifiers, ...(patch.identifiers ?? [])],
    attributes,
  };
}

export function patchSourceRecord(
  ctx: MemberContext,
  input: PatchSourceRecordInput,
): Promise<SourceRecordView> {
  const { id, ...patch } = input;
  return rewrite(ctx, { id }, (record) => patched(record, patch));
}

export function patchSourceRecordByQuery(
  ctx: MemberContext,
  input: PatchSourceRecordByQueryInput,
): Promise<SourceRecordView> {
  const { identifierQuery, ...patch } = input;
  return rewrite(ctx, { identifierQuery }, (record) => patched(record, patch));
}

/** Takes one identifier off a record; the last one stays (delete the record instead). */
export function removeIdentifier(
  ctx: MemberContext,
  input: RemoveIdentifierInput,
): Promise<SourceRecordView> {
  return rewrite(ctx, { id: input.id }, (record, settings) => {
    const removed = normalizeIdentifier(input, settings.defaultPhoneRegion);
    const kept = record.identifiers.filter((identifier) => !isSameIdentifier(identifier, removed));
    if (kept.length === record.identifiers.length) {
      throw new DomainError('IDENTIFIER_NOT_FOUND', 'This record has no such identifier', {
        path: 'value',
      });
    }
    if (kept.length === 0) {
      throw new DomainError(
        'INVALID_FIELD',
        'This is the record’s only identifier: a source record keeps at least one, so delete the record instead',
        { path: 'value' },
      );
    }
    return { name: record.name, identifiers: kept, attributes: record.attributes };
  });
}
