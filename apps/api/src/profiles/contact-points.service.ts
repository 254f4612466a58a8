import {
  auditedProfile,
  deleteContactPointRow,
  findContactPoint,
  findContactPointByValue,
  findContactPoints,
  findProfile,
  insertContactPoint,
  updateContactPointRow,
  updateProfileRow,
} from '@tessera/db/profiles';
import { findWorkspaceSettings } from '@tessera/db/workspace-settings';
import {
  DomainError,
  type ContactPoint,
  type ContactPointIdInput,
  type ContactPointKey,
  type ContactPointView,
  type CreateContactPointInput,
  type Profile,
  type ProfileContactPointsInput,
  type UpdateContactPointInput,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { phoneInRegion } from './profile-input.ts';
import { deletedProfile } from './profiles.service.ts';

/** The profile field a primary contact point of this key is. */
const primaryField = { email: 'email', phone: 'mobilePhone' } as const satisfies Record<
  ContactPointKey,
  keyof Profile
>;

function isPrimary(profile: Profile, point: Pick<ContactPoint, 'key' | 'value'>): boolean {
  return profile[primaryField[point.key]] === point.value;
}

function toView(profile: Profile, point: ContactPoint): ContactPointView {
  const { profileId: _profileId, ...fields } = point;
  return { ...fields, isPrimary: isPrimary(profile, point) };
}

function notFound(path: string, id: string): DomainError {
  return path === 'profileId'
    ? new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', { path, details: { id } })
    : new DomainError('CONTACT_POINT_NOT_FOUND', 'This profile has no contact point with this id', {
        path,
        details: { id },
      });
}

/** The profile, locked until the transaction ends; refused if it is not there or deleted. */
export async function writableProfile(
  trx: Executor,
  ctx: MemberContext,
  profileId: string,
): Promise<Profile> {
  const profile = await findProfile(trx, ctx.scope, profileId, { forUpdate: true });
  if (!profile) throw notFound('profileId', profileId);
  if (profile.lifecycle === 'deleted') throw deletedProfile('profileId', profileId);
  return profile;
}

/** The value as stored: an email as it came, already normal; a phone read in the workspace's region, in E.164. */
async function storedValue(
  trx: Executor,
  ctx: MemberContext,
  key: ContactPointKey,
  value: string,
): Promise<string> {
  if (key === 'email') return value;
  const { defaultPhoneRegion } = await findWorkspaceSettings(trx, ctx.scope);
  return phoneInRegion(defaultPhoneRegion, value, 'value');
}

/**
 * Sets or clears the profile's primary email or phone. The database's trigger keeps its contact
 * points: a new value renames the primary one, keeping its id; a value of another of them makes
 * that one primary, and the former primary stays beside it.
 */
async function setProfileContact(
  trx: Executor,
  ctx: MemberContext,
  before: Profile,
  key: ContactPointKey,
  value: string | null,
): Promise<Profile> {
  const after = await updateProfileRow(trx, ctx.scope, before.id, {
    ...before,
    lifecycle: before.lifecycle === 'deleted' ? 'active' : before.lifecycle,
    [primaryField[key]]: value,
    now: ctx.clock.now(),
  }).catch((error: unknown) => {
    // The profile's own field names the conflict; a client of contact points sent it as `value`.
    if (
      error instanceof DomainError &&
      (error.code === 'PROFILE_EMAIL_TAKEN' || error.code === 'PROFILE_PHONE_TAKEN')
    ) {
      throw new DomainError(error.code, error.message, { path: 'value' });
    }
    throw error;
  });
  await recordAudit(trx, ctx, {
    action: 'profile.update',
    entityType: 'profile',
    entityId: before.id,
    before: auditedProfile(before),
    after: auditedProfile(after),
  });
  return after;
}

function auditedPoint(point: ContactPoint) {
  return { profileId: point.profileId, key: point.key, value: point.value, uuid: point.uuid };
}

/** The contact point of this key and value that the trigger keeps as the profile's primary one. */
async function primaryPoint(
  trx: Executor,
  ctx: MemberContext,
  profile: Profile,
  key: ContactPointKey,
  value: string,
): Promise<ContactPoint> {
  const point = await findContactPointByValue(trx, ctx.scope, profile.id, key, value);
  if (!point) throw new Error('the primary contact point was not kept');
  return point;
}

/** Sets a contact point's uuid, audited, unless it has it already. */
async function setUuid(
  trx: Executor,
  ctx: MemberContext,
  point: ContactPoint,
  uuid: string | null | undefined,
): Promise<ContactPoint> {
  if (uuid === undefined || uuid === point.uuid) return point;
  const after = await updateContactPointRow(trx, ctx.scope, point.id, {
    ...point,
    uuid,
    now: ctx.clock.now(),
  });
  await recordAudit(trx, ctx, {
    action: 'contact_point.update',
    entityType: 'contact_point',
    entityId: point.id,
    before: auditedPoint(point),
    after: auditedPoint(after),
  });
  return after;
}

export async function listContactPoints(
  ctx: MemberContext,
  input: ProfileContactPointsInput,
): Promise<ContactPointView[]> {
  const profile = await findProfile(ctx.db, ctx.scope, input.profileId);
  if (!profile) throw notFound('profileId', input.profileId);
  const points = await findContactPoints(ctx.db, ctx.scope, input.profileId);
  return points.map((point) => toView(profile, point));
}

export async function getContactPoint(
  ctx: MemberContext,
  input: ContactPointIdInput,
): Promise<ContactPointView> {
  const profile = await findProfile(ctx.db, ctx.scope, input.profileId);
  if (!profile) throw notFound('profileId', input.profileId);
  const point = await findContactPoint(ctx.db, ctx.scope, input.profileId, input.id);
  if (!point) throw notFound('id', input.id);
  return toView(profile, point);
}

/**
 * Adds an email or phone, as stored, to a profile that `writableProfile` locked; the first of its
 * kind becomes the profile's primary one. Answers the profile as it is after.
 */
export async function addContactPoint(
  trx: Executor,
  ctx: MemberContext,
  profile: Profile,
  key: ContactPointKey,
  value: string,
  uuid: string | null = null,
): Promise<{ profile: Profile; point: ContactPoint }> {
  if (profile[primaryField[key]] === null) {
    const after = await setProfileContact(trx, ctx, profile, key, value);
    const point = await setUuid(trx, ctx, await primaryPoint(trx, ctx, after, key, value), uuid);
    return { profile: after, point };
  }
  const point = await insertContactPoint(trx, ctx.scope, {
    id: ctx.newId(),
    profileId: profile.id,
    key,
    value,
    uuid,
    now: ctx.clock.now(),
  });
  await recordAudit(trx, ctx, {
    action: 'contact_point.create',
    entityType: 'contact_point',
    entityId: point.id,
    before: null,
    after: auditedPoint(point),
  });
  return { profile, point };
}

/** Adds an email or phone to a profile; the first of its kind becomes the profile's primary one. */
export async function createContactPoint(
  ctx: MemberContext,
  input: CreateContactPointInput,
): Promise<ContactPointView> {
  return ctx.db.transaction().execute(async (trx) => {
    const profile = await writableProfile(trx, ctx, input.profileId);
    const value = await storedValue(trx, ctx, input.key, input.value);
    const added = await addContactPoint(trx, ctx, profile, input.key, value, input.uuid ?? null);
    return toView(added.profile, added.point);
  });
}

/**
 * Changes an email or phone, which keeps its id; changing a primary one changes the profile's
 * `email` or `mobilePhone`.
 */
export async function updateContactPoint(
  ctx: MemberContext,
  input: UpdateContactPointInput,
): Promise<ContactPointView> {
  return ctx.db.transaction().execute(async (trx) => {
    const profile = await writableProfile(trx, ctx, input.profileId);
    const before = await findContactPoint(trx, ctx.scope, profile.id, input.id);
    if (!before) throw notFound('id', input.id);
    const value = await storedValue(trx, ctx, input.key, input.value);
    if (isPrimary(profile, before)) {
      if (input.key !== before.key) {
        throw new DomainError('INVALID_FIELD', `This is the profile's primary ${before.key}: it stays one`, {
          path: 'key',
        });
      }
      const after =
        value === before.value ? profile : await setProfileContact(trx, ctx, profile, before.key, value);
      const point = await setUuid(
        trx,
        ctx,
        await primaryPoint(trx, ctx, after, before.key, value),
        input.uuid,
      );
      return toView(after, point);
    }
    const after = await updateContactPointRow(trx, ctx.scope, before.id, {
      key: input.key,
      value,
      uuid: input.uuid,
      now: ctx.clock.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'contact_point.update',
      entityType: 'contact_point',
      entityId: after.id,
      before: auditedPoint(before),
      after: auditedPoint(after),
    });
    return toView(profile, after);
  });
}

/**
 * Makes an email or phone the profile's primary one (its `email` or `mobilePhone`); the former
 * primary stays among its contact points, as it was.
 */
export async function setPrimaryContactPoint(
  ctx: MemberContext,
  input: ContactPointIdInput,
): Promise<ContactPointView> {
  return ctx.db.transaction().execute(async (trx) => {
    const profile = await writableProfile(trx, ctx, input.profileId);
    const point = await findContactPoint(trx, ctx.scope, profile.id, input.id);
    if (!point) throw notFound('id', input.id);
    if (isPrimary(profile, point)) return toView(profile, point);
    const after = await setProfileContact(trx, ctx, profile, point.key, point.value);
    await recordAudit(trx, ctx, {
      action: 'contact_point.set_primary',
      entityType: 'contact_point',
      entityId: point.id,
      before: { ...auditedPoint(point), isPrimary: false },
      after: { ...auditedPoint(point), isPrimary: true },
    });
    return toView(after, await primaryPoint(trx, ctx, after, point.key, point.value));
  });
}

/** Removes an email or phone; removing a primary one clears the profile's `email` or `mobilePhone`. */
export async function deleteContactPoint(
  ctx: MemberContext,
  input: ContactPointIdInput,
): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const profile = await writableProfile(trx, ctx, input.profileId);
    const point = await findContactPoint(trx, ctx.scope, profile.id, input.id);
    if (!point) throw notFound('id', input.id);
    if (isPrimary(profile, point)) {
      await setProfileContact(trx, ctx, profile, point.key, null);
    } else {
      await deleteContactPointRow(trx, ctx.scope, point.id);
      await recordAudit(trx, ctx, {
        action: 'contact_point.delete',
        entityType: 'contact_point',
        entityId: point.id,
        before: auditedPoint(point),
        after: null,
      });
    }
    return { id: point.id };
  });
}
