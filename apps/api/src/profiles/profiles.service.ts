import { isDeepStrictEqual } from 'node:util';
import {
  auditedProfile,
  deleteProfileRow,
  findProfile,
  findProfileByEmail,
  findProfilePage,
  insertProfile,
  markProfileDeleted,
  restoreProfileRow,
  searchProfiles,
  setProfileTier,
  sortValueOf,
  updateProfileRow,
  upsertProfileByEmail,
  type ProfileFields,
} from '@tessera/db/profiles';
import { findWorkspaceSettings, holdWorkspaceSettings } from '@tessera/db/workspace-settings';
import {
  decodeCursor,
  DomainError,
  encodeCursor,
  looksLikePhone,
  phoneInSearch,
  type CreateProfileInput,
  type ListProfilesInput,
  type Page,
  type Profile,
  type ProfileEmailInput,
  type ProfileIdInput,
  type ProfileView,
  type SetProfileTierInput,
  type UpdateProfileInput,
  type UpsertProfileInput,
  type WorkspaceSettings,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { phoneInRegion, resolveProfileFields, type SettingsReader } from './profile-input.ts';
import { needsSettings, toProfileView } from './profile-view.ts';

function notFound(id: string): DomainError {
  return new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', { path: 'id', details: { id } });
}

/** Reads the workspace's settings in the transaction `db`, once each way, when first asked. */
function settingsOf(ctx: MemberContext, db: Executor): SettingsReader {
  let read: Promise<WorkspaceSettings> | undefined;
  let held: Promise<WorkspaceSettings> | undefined;
  return {
    read: () => (read ??= held ?? findWorkspaceSettings(db, ctx.scope)),
    hold: () =>
      (held ??= holdWorkspaceSettings(db, ctx.scope).then(() => findWorkspaceSettings(db, ctx.scope))),
  };
}

/** A profile as a client reads it. */
export async function profileView(
  ctx: MemberContext,
  profile: Profile,
  db: Executor = ctx.db,
): Promise<ProfileView> {
  const settings = needsSettings(profile) ? await findWorkspaceSettings(db, ctx.scope) : undefined;
  return toProfileView(profile, settings, ctx.clock.now());
}

async function views(ctx: MemberContext, profiles: Profile[]): Promise<ProfileView[]> {
  const settings = profiles.some(needsSettings) ? await findWorkspaceSettings(ctx.db, ctx.scope) : undefined;
  const now = ctx.clock.now();
  return profiles.map((profile) => toProfileView(profile, settings, now));
}

/** Inserts a new profile with these fields, and its audit entry, in the caller's transaction. */
export async function insertAuditedProfile(
  trx: Executor,
  ctx: MemberContext,
  fields: ProfileFields,
  now: Date,
): Promise<Profile> {
  const profile = await insertProfile(trx, ctx.scope, { ...fields, id: ctx.newId(), now });
  await recordAudit(trx, ctx, {
    action: 'profile.create',
    entityType: 'profile',
    entityId: profile.id,
    before: null,
    after: auditedProfile(profile),
  });
  return profile;
}

/**
 * Refused for a member limited to some organizations: a profile it made outside them would be
 * one it cannot see, so it makes profiles as contacts of its organizations only.
 */
export function requireUnlimitedScope(ctx: MemberContext): void {
  if (ctx.scope.organizationIds === null) return;
  throw new DomainError(
    'FORBIDDEN',
    'You see only some organizations: create the profile as a contact of one of them',
  );
}

/** Makes a new profile from a client's input, with its audit entry, in the caller's transaction. */
export async function addProfile(
  trx: Executor,
  ctx: MemberContext,
  input: CreateProfileInput,
): Promise<Profile> {
  const now = ctx.clock.now();
  const fields = await resolveProfileFields(input, undefined, settingsOf(ctx, trx), now);
  return insertAuditedProfile(trx, ctx, fields, now);
}

export async function createProfile(ctx: MemberContext, input: CreateProfileInput): Promise<ProfileView> {
  requireUnlimitedScope(ctx);
  return ctx.db
    .transaction()
    .execute(async (trx) => profileView(ctx, await addProfile(trx, ctx, input), trx));
}

/** The refusal to change a deleted profile, at the field that named it. */
export function deletedProfile(path: string, id: string | undefined): DomainError {
  return new DomainError('PROFILE_DELETED', 'This profile is deleted: restore it to change it', {
    path,
    details: id === undefined ? {} : { id },
  });
}

export async function upsertProfile(
  ctx: MemberContext,
  input: UpsertProfileInput,
): Promise<ProfileView & { isCreated: boolean }> {
  requireUnlimitedScope(ctx);
  const { member, tokenId, sessionId } = ctx.actor;
  const upserted = await upsertProfileByEmail(
    ctx.db,
    ctx.scope,
    { id: ctx.newId(), ...input, now: ctx.clock.now() },
    {
      id: ctx.newId(),
      actorMemberId: member.id,
      actorTokenId: tokenId,
      actorSessionId: sessionId,
      requestId: ctx.requestId,
      ip: ctx.ip,
    },
  );
  if (!upserted)
    throw deletedProfile('email', (await findProfileByEmail(ctx.db, ctx.scope, input.email))?.id);
  const { isCreated, ...profile } = upserted;
  return { ...(await profileView(ctx, profile)), isCreated };
}

export async function getProfileByEmail(ctx: MemberContext, input: ProfileEmailInput): Promise<ProfileView> {
  const profile = await findProfileByEmail(ctx.db, ctx.scope, input.email);
  if (!profile) throw new DomainError('PROFILE_NOT_FOUND', 'No profile has this email', { path: 'email' });
  return profileView(ctx, profile);
}

/** A profile by id, deleted ones included: their lifecycle says so. */
export async function getProfile(ctx: MemberContext, input: ProfileIdInput): Promise<ProfileView> {
  const profile = await findProfile(ctx.db, ctx.scope, input.id);
  if (!profile) throw notFound(input.id);
  return profileView(ctx, profile);
}

/**
 * A page of the workspace's profiles, filtered and sorted, after a cursor or an offset; deleted
 * ones are left out unless the lifecycle filter asks for them.
 */
export async function listProfiles(ctx: MemberContext, input: ListProfilesInput): Promise<Page<ProfileView>> {
  const sort = `${input.sortBy}:${input.sortOrder}`;
  const after = input.cursor ? decodeCursor(input.cursor, sort) : undefined;
  const filter = { ...input.filter };
  const { q } = input;
  // The region is read only when a phone is to be read in it.
  const settings =
    filter.phone !== undefined || (q && looksLikePhone(q)) ? settingsOf(ctx, ctx.db) : undefined;
  if (filter.phone !== undefined && settings) {
    filter.phone = phoneInRegion((await settings.read()).defaultPhoneRegion, filter.phone, 'filter.phone');
  }
  if (q) {
    const phone = settings && phoneInSearch(q, (await settings.read()).defaultPhoneRegion);
    const found = await searchProfiles(ctx.db, ctx.scope, { text: q, phone, filter, limit: input.limit });
    return { items: await views(ctx, found), nextCursor: null };
  }
  const rows = await findProfilePage(ctx.db, ctx.scope, {
    sortBy: input.sortBy,
    sortOrder: input.sortOrder,
    filter,
    limit: input.limit + 1,
    offset: input.offset ?? 0,
    after,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: await views(ctx, items),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ sort, value: sortValueOf(last, input.sortBy), id: last.id })
        : null,
  };
}

export async function updateProfile(ctx: MemberContext, input: UpdateProfileInput): Promise<ProfileView> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findProfile(trx, ctx.scope, input.id, { forUpdate: true });
    if (!before) throw notFound(input.id);
    if (input.version !== undefined && input.version !== before.version) {
      throw new DomainError(
        'PROFILE_VERSION_CONFLICT',
        'Someone changed this profile since you opened it; reload it',
        {
          path: 'version',
          details: { id: input.id, version: before.version },
        },
      );
    }
    if (before.lifecycle === 'deleted') throw deletedProfile('id', input.id);
    const { id: _id, version: _version, ...changes } = input;
    const now = ctx.clock.now();
    const fields = await resolveProfileFields(changes, before, settingsOf(ctx, trx), now);
    if (changesNothing(before, fields)) return profileView(ctx, before, trx);
    const after = await updateProfileRow(trx, ctx.scope, input.id, { ...fields, now });
    await recordAudit(trx, ctx, {
      action: 'profile.update',
      entityType: 'profile',
      entityId: after.id,
      before: auditedProfile(before),
      after: auditedProfile(after),
    });
    return profileView(ctx, after, trx);
  });
}

/** Whether writing `fields` would leave every stored field of the profile as it is. */
function changesNothing(before: Profile, fields: ProfileFields): boolean {
  return isDeepStrictEqual(auditedProfile({ ...before, ...fields }), auditedProfile(before));
}

/** Moves a profile to `deleted`: hidden from lists, still found by id, restorable. */
export async function deleteProfile(ctx: MemberContext, input: ProfileIdInput): Promise<ProfileView> {
  return changeLifecycle(ctx, input, 'profile.delete', markProfileDeleted, 'PROFILE_DELETED');
}

export async function restoreProfile(ctx: MemberContext, input: ProfileIdInput): Promise<ProfileView> {
  return changeLifecycle(ctx, input, 'profile.restore', restoreProfileRow, 'PROFILE_NOT_DELETED');
}

async function changeLifecycle(
  ctx: MemberContext,
  input: ProfileIdInput,
  action: string,
  change: typeof markProfileDeleted,
  refusal: 'PROFILE_DELETED' | 'PROFILE_NOT_DELETED',
): Promise<ProfileView> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findProfile(trx, ctx.scope, input.id, { forUpdate: true });
    if (!before) throw notFound(input.id);
    const after = await change(trx, ctx.scope, input.id, ctx.clock.now());
    if (!after) {
      const message =
        refusal === 'PROFILE_DELETED' ? 'This profile is deleted already' : 'This profile is not deleted';
      throw new DomainError(refusal, message, { path: 'id', details: { id: input.id } });
    }
    await recordAudit(trx, ctx, {
      action,
      entityType: 'profile',
      entityId: after.id,
      before: auditedProfile(before),
      after: auditedProfile(after),
    });
    return profileView(ctx, after, trx);
  });
}

/**
 * Erases a profile and everything personal it holds, for good; its email and phones become free.
 * The audit entry keeps only that it happened, and to which id. Runs in `trx` when given: a
 * transaction that does more with the purge.
 */
export async function purgeProfile(
  ctx: MemberContext,
  input: ProfileIdInput,
  trx?: Executor,
): Promise<{ id: string }> {
  const purge = async (db: Executor) => {
    if (!(await deleteProfileRow(db, ctx.scope, input.id))) throw notFound(input.id);
    await recordAudit(db, ctx, {
      action: 'profile.purge',
      entityType: 'profile',
      entityId: input.id,
      before: null,
      after: null,
    });
    return { id: input.id };
  };
  return trx ? purge(trx) : ctx.db.transaction().execute(purge);
}

export async function setTier(ctx: MemberContext, input: SetProfileTierInput): Promise<ProfileView> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findProfile(trx, ctx.scope, input.id, { forUpdate: true });
    if (!before) throw notFound(input.id);
    let tierId: string | null = null;
    if (input.tier !== null) {
      const tier = (await settingsOf(ctx, trx).hold()).tiers.find((each) => each.handle === input.tier);
      if (!tier)
        throw new DomainError('INVALID_FIELD', `${input.tier} is not one of the workspace's tiers`, {
          path: 'tier',
        });
      tierId = tier.id;
    }
    const after = await setProfileTier(trx, ctx.scope, input.id, tierId, ctx.clock.now());
    if (!after) throw notFound(input.id);
    await recordAudit(trx, ctx, {
      action: 'profile.set_tier',
      entityType: 'profile',
      entityId: after.id,
      before: auditedProfile(before),
      after: auditedProfile(after),
    });
    return profileView(ctx, after, trx);
  });
}
