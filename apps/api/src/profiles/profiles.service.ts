import {
  decodeCursor,
  DomainError,
  encodeCursor,
  type CreateProfileInput,
  type ListProfilesInput,
  type Page,
  type Profile,
  type ProfileEmailInput,
  type ProfileIdInput,
  type UpsertProfileInput,
  type UpdateProfileInput,
} from '@tessera/domain';
import {
  auditedProfile,
  deleteProfileRow,
  findProfile,
  findProfileByEmail,
  findProfilePage,
  insertProfile,
  updateProfileRow,
  upsertProfileByEmail,
} from '@tessera/db/profiles';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';

function notFound(id: string): DomainError {
  return new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', { path: 'id', details: { id } });
}

export async function createProfile(ctx: MemberContext, input: CreateProfileInput): Promise<Profile> {
  return ctx.db.transaction().execute(async (trx) => {
    const profile = await insertProfile(trx, ctx.scope, {
      id: ctx.newId(),
      firstName: input.firstName,
      middleName: input.middleName ?? null,
      lastName: input.lastName ?? null,
      email: input.email ?? null,
      now: ctx.clock.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'profile.create',
      entityType: 'profile',
      entityId: profile.id,
      before: null,
      after: auditedProfile(profile),
    });
    return profile;
  });
}

export async function upsertProfile(
  ctx: MemberContext,
  input: UpsertProfileInput,
): Promise<Profile & { isCreated: boolean }> {
  const { member, tokenId } = ctx.actor;
  return upsertProfileByEmail(
    ctx.db,
    ctx.scope,
    { id: ctx.newId(), ...input, now: ctx.clock.now() },
    {
      id: ctx.newId(),
      actorMemberId: member.id,
      actorTokenId: tokenId,
      requestId: ctx.requestId,
      ip: ctx.ip,
    },
  );
}

export async function getProfileByEmail(ctx: MemberContext, input: ProfileEmailInput): Promise<Profile> {
  const profile = await findProfileByEmail(ctx.db, ctx.scope, input.email);
  if (!profile) throw new DomainError('PROFILE_NOT_FOUND', 'No profile has this email', { path: 'email' });
  return profile;
}

export async function getProfile(ctx: MemberContext, input: ProfileIdInput): Promise<Profile> {
  const profile = await findProfile(ctx.db, ctx.scope, input.id);
  if (!profile) throw notFound(input.id);
  return profile;
}

export async function listProfiles(ctx: MemberContext, input: ListProfilesInput): Promise<Page<Profile>> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await findProfilePage(ctx.db, ctx.scope, {
    limit: input.limit + 1,
    after,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}

export async function updateProfile(ctx: MemberContext, input: UpdateProfileInput): Promise<Profile> {
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
    const after = await updateProfileRow(trx, ctx.scope, input.id, {
      firstName: input.firstName ?? before.firstName,
      middleName: input.middleName === undefined ? before.middleName : input.middleName,
      lastName: input.lastName === undefined ? before.lastName : input.lastName,
      email: input.email === undefined ? before.email : input.email,
      now: ctx.clock.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'profile.update',
      entityType: 'profile',
      entityId: after.id,
      before: auditedProfile(before),
      after: auditedProfile(after),
    });
    return after;
  });
}

export async function deleteProfile(ctx: MemberContext, input: ProfileIdInput): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findProfile(trx, ctx.scope, input.id, { forUpdate: true });
    if (!before) throw notFound(input.id);
    await deleteProfileRow(trx, ctx.scope, input.id);
    await recordAudit(trx, ctx, {
      action: 'profile.delete',
      entityType: 'profile',
      entityId: before.id,
      before: auditedProfile(before),
      after: null,
    });
    return { id: before.id };
  });
}
