import { findProfile } from '@tessera/db/profiles';
import { findProfileIdentities, setPrimaryIdentityRow } from '@tessera/db/source-records';
import {
  DomainError,
  externalIdOf,
  type IdentityView,
  type ProfileIdentitiesInput,
  type ProfileIdentity,
  type SetPrimaryIdentityInput,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { writableProfile } from './contact-points.service.ts';

export interface ProfileIdentities {
  /** The primary identity's identifier (001: external_id). */
  externalId: string | null;
  identities: IdentityView[];
}

function toIdentities(identities: ProfileIdentity[]): ProfileIdentities {
  return {
    externalId: externalIdOf(identities),
    identities: identities.map(({ profileId: _profileId, ...identity }) => identity),
  };
}

async function identitiesOf(db: Executor, ctx: MemberContext, profileId: string): Promise<ProfileIdentities> {
  return toIdentities(await findProfileIdentities(db, ctx.scope, profileId));
}

/** A profile's identities, the primary first, and its external id. */
export async function listIdentities(
  ctx: MemberContext,
  input: ProfileIdentitiesInput,
): Promise<ProfileIdentities> {
  if (!(await findProfile(ctx.db, ctx.scope, input.profileId))) {
    throw new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', {
      path: 'profileId',
      details: { id: input.profileId },
    });
  }
  return identitiesOf(ctx.db, ctx, input.profileId);
}

/** Makes an identity the profile's primary one, and so its identifier the profile's external id. */
export async function setPrimaryIdentity(
  ctx: MemberContext,
  input: SetPrimaryIdentityInput,
): Promise<ProfileIdentities> {
  return ctx.db.transaction().execute(async (trx) => {
    await writableProfile(trx, ctx, input.profileId);
    const before = externalIdOf(await findProfileIdentities(trx, ctx.scope, input.profileId));
    const primary = await setPrimaryIdentityRow(trx, ctx.scope, input.profileId, input.id);
    if (!primary) {
      throw new DomainError('IDENTITY_NOT_FOUND', 'This profile has no identity with this id', {
        path: 'id',
      });
    }
    await recordAudit(trx, ctx, {
      action: 'profile.set_primary_identity',
      entityType: 'profile',
      entityId: input.profileId,
      before: { externalId: before },
      after: { externalId: primary.identifier, identityId: primary.id },
    });
    return identitiesOf(trx, ctx, input.profileId);
  });
}
