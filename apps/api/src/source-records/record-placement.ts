import { lockAttributeDefinitionsBySlug } from '@tessera/db/attribute-definitions';
import { findProfileTypeBySlug } from '@tessera/db/profile-types';
import { findContactPointByValue } from '@tessera/db/profiles';
import {
  addProfileIdentities,
  countSourceRecordsOfProfile,
  findProfileIdentities,
  findProfilesIdentifiedBy,
  insertSourceRecord,
  updateSourceRecordRow,
} from '@tessera/db/source-records';
import {
  checkedValues,
  distinctIdentifiers,
  DomainError,
  emailOf,
  identifiersPerRecordMax,
  isDomainError,
  nameLengthMax,
  newProfileDefaults,
  normalizeIdentifier,
  phoneOf,
  sourceRecordName,
  type Identifier,
  type JsonObject,
  type Profile,
  type SourceRecord,
  type WorkspaceSettings,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { addContactPoint, writableProfile } from '../profiles/contact-points.service.ts';
import { insertAuditedProfile, requireUnlimitedScope } from '../profiles/profiles.service.ts';

/** A record's name, identifiers (as stored) and attributes, ready to be written. */
export interface RecordContent {
  name: string | null;
  identifiers: Identifier[];
  attributes: JsonObject;
}

/**
 * The attributes a record of `type` keeps. Where the workspace has a contacts profile type whose
 * slug is the record's type, each value of one of its attributes is checked against the
 * attribute's definition and kept as the definition types it, and its required attributes must
 * have values; the record's other attributes are kept as they are.
 */
async function checkedAttributes(
  trx: Executor,
  ctx: MemberContext,
  type: string,
  attributes: JsonObject,
): Promise<JsonObject> {
  const profileType = await findProfileTypeBySlug(trx, ctx.scope, 'contacts', type);
  if (!profileType) return attributes;
  const definitions = await lockAttributeDefinitionsBySlug(
    trx,
    ctx.scope,
    'contacts',
    profileType.attributeSlugs,
  );
  return checkedValues(definitions, attributes);
}

/** The content as stored: identifiers normalised, without repeats, at most the limit. */
export function contentOf(
  settings: WorkspaceSettings,
  given: { name: string | null; identifiers: readonly Identifier[]; attributes: JsonObject },
): RecordContent {
  const identifiers = distinctIdentifiers(
    given.identifiers.map((identifier) => normalizeIdentifier(identifier, settings.defaultPhoneRegion)),
  );
  if (identifiers.length > identifiersPerRecordMax) {
    throw new DomainError(
      'IDENTIFIER_LIMIT_EXCEEDED',
      `A source record has at most ${identifiersPerRecordMax} identifiers; this one would have ${identifiers.length}`,
      { path: 'identifiers', details: { limit: identifiersPerRecordMax } },
    );
  }
  return { name: given.name, identifiers, attributes: given.attributes };
}

/** What an audit entry keeps of a record. */
function auditedRecord(record: SourceRecord) {
  const { workspaceId: _workspaceId, createdAt: _createdAt, updatedAt: _updatedAt, ...kept } = record;
  return kept;
}

// Each of these, met while writing, means that a request running beside this one wrote first what
// this one read as missing: the same record, or an email, phone or identity of the profile it
// made. Running again reads what that request wrote, and finds the record or the profile.
const racedCodes = new Set([
  'SOURCE_RECORD_IDENTIFIER_TAKEN',
  'SOURCE_RECORD_PROFILE_CONFLICT',
  'PROFILE_EMAIL_TAKEN',
  'PROFILE_PHONE_TAKEN',
]);
const racedSqlStates = new Set(['40001', '40P01']);
const attemptsMax = 4;

function isRaced(error: unknown): boolean {
  if (isDomainError(error)) return racedCodes.has(error.code);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && racedSqlStates.has(code);
}

/** Runs `work` in a transaction, again when it lost a race to a request beside it. */
export async function inRetriedTransaction<T>(
  ctx: MemberContext,
  work: (trx: Executor) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute(work);
    } catch (error) {
      if (attempt >= attemptsMax || !isRaced(error)) throw error;
    }
  }
}

function twoProfiles(): DomainError {
  return new DomainError(
    'SOURCE_RECORD_PROFILE_CONFLICT',
    'These identifiers identify two different profiles: a source record belongs to one',
    { path: 'identifiers' },
  );
}

/** A new profile known only by the record: lifecycle `temporary`, named as the record is, with its email and phone. */
async function createAnonymousProfile(
  trx: Executor,
  ctx: MemberContext,
  content: RecordContent,
): Promise<Profile> {
  requireUnlimitedScope(ctx);
  const name = content.name ?? sourceRecordName(content.identifiers);
  return insertAuditedProfile(
    trx,
    ctx,
    {
      ...newProfileDefaults,
      tags: [],
      statuses: [],
      addresses: [],
      firstName: Array.from(name).slice(0, nameLengthMax).join(''),
      lifecycle: 'temporary',
      email: content.identifiers.map(emailOf).find((email) => email !== undefined) ?? null,
      mobilePhone: content.identifiers.map(phoneOf).find((phone) => phone !== undefined) ?? null,
    },
    ctx.clock.now(),
  );
}

/**
 * The profile a record belongs to, locked: `ownerId` (the record's, or the one asked for) if
 * given, else the one its standard identifiers identify, else a new anonymous one. Refused if the
 * identifiers identify a profile other than the owner, or two profiles.
 */
async function owningProfile(
  trx: Executor,
  ctx: MemberContext,
  ownerId: string | undefined,
  content: RecordContent,
): Promise<Profile> {
  const identified = await findProfilesIdentifiedBy(trx, ctx.scope, content.identifiers);
  if (ownerId !== undefined) {
    if (identified.some((profileId) => profileId !== ownerId)) throw twoProfiles();
    return writableProfile(trx, ctx, ownerId);
  }
  const [profileId, ...others] = identified;
  if (others.length > 0) throw twoProfiles();
  return profileId === undefined
    ? createAnonymousProfile(trx, ctx, content)
    : writableProfile(trx, ctx, profileId);
}

/**
 * Gives the profile what the record knows of it: each email and phone as a contact point (the
 * first of each the profile's primary one), each identifier as an identity with the record's
 * source as its handle. A profile without identities takes the external id as its primary one,
 * or else the first.
 */
async function attachIdentifiers(
  trx: Executor,
  ctx: MemberContext,
  profile: Profile,
  record: SourceRecord,
): Promise<void> {
  let current = profile;
  for (const identifier of record.identifiers) {
    for (const [key, value] of [
      ['email', emailOf(identifier)],
      ['phone', phoneOf(identifier)],
    ] as const) {
      if (value === undefined || (await findContactPointByValue(trx, ctx.scope, current.id, key, value)))
        continue;
      current = (await addContactPoint(trx, ctx, current, key, value)).profile;
    }
  }
  const hasPrimary = (await findProfileIdentities(trx, ctx.scope, profile.id)).some(
    (identity) => identity.isPrimary,
  );
  const primary = hasPrimary
    ? undefined
    : (record.identifiers.find((identifier) => identifier.type === 'external_id') ?? record.identifiers[0]);
  await addProfileIdentities(
    trx,
    ctx.scope,
    profile.id,
    record.identifiers.map((identifier) => ({
      id: ctx.newSortableId(),
      handle: record.source,
      type: identifier.type,
      identifier: identifier.value,
      isPrimary: identifier === primary,
    })),
    ctx.clock.now(),
  );
}

export interface Placement {
  /** The record being replaced, locked; none when one is created. */
  existing: SourceRecord | undefined;
  /** The profile a new record is for; without one, the one its identifiers identify. */
  profileId?: string | undefined;
  source: string;
  type: string;
}

/**
 * Writes a record, new or in place of `existing`, linked to its profile (see `owningProfile`),
 * within the workspace's limit of records per profile; gives the profile what the record knows of
 * it, and records the audit entry.
 */
export async function saveRecord(
  trx: Executor,
  ctx: MemberContext,
  settings: WorkspaceSettings,
  placement: Placement,
  given: RecordContent,
): Promise<{ record: SourceRecord; isCreated: boolean }> {
  const { existing } = placement;
  const content = {
    ...given,
    attributes: await checkedAttributes(trx, ctx, placement.type, given.attributes),
  };
  const profile = await owningProfile(trx, ctx, existing?.profileId ?? placement.profileId, content);
  if (!existing) {
    const limit = settings.sourceRecordsPerProfileMax;
    if ((await countSourceRecordsOfProfile(trx, ctx.scope, profile.id)) >= limit) {
      throw new DomainError(
        'SOURCE_RECORD_LIMIT_EXCEEDED',
        `This profile has ${limit} source records, as many as the workspace allows`,
        { details: { profileId: profile.id, limit } },
      );
    }
  }
  const now = ctx.clock.now();
  const record = existing
    ? await updateSourceRecordRow(trx, ctx.scope, existing, { ...content, now })
    : await insertSourceRecord(trx, ctx.scope, {
        ...content,
        now,
        id: ctx.newSortableId(),
        profileId: profile.id,
        source: placement.source,
        type: placement.type,
      });
  await attachIdentifiers(trx, ctx, profile, record);
  await recordAudit(trx, ctx, {
    action: existing ? 'source_record.update' : 'source_record.create',
    entityType: 'source_record',
    entityId: record.id,
    before: existing ? auditedRecord(existing) : null,
    after: auditedRecord(record),
  });
  return { record, isCreated: !existing };
}

/** Records a record's deletion; call inside its transaction. */
export async function auditDeletion(trx: Executor, ctx: MemberContext, record: SourceRecord): Promise<void> {
  await recordAudit(trx, ctx, {
    action: 'source_record.delete',
    entityType: 'source_record',
    entityId: record.id,
    before: auditedRecord(record),
    after: null,
  });
}
