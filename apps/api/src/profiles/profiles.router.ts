import {
  createProfileInput,
  listProfilesInput,
  profileEmailInput,
  profileIdInput,
  profileOutput,
  setProfileTierInput,
  updateProfileInput,
  upsertProfileInput,
} from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import { identitiesRouter } from './identities.router.ts';
import { contactPointsRouter } from './contact-points.router.ts';
import { eraseProfile } from './erasure.service.ts';
import {
  createProfile,
  deleteProfile,
  getProfile,
  getProfileByEmail,
  listProfiles,
  purgeProfile,
  restoreProfile,
  setTier,
  updateProfile,
  upsertProfile,
} from './profiles.service.ts';

const reader = permittedProcedure('profiles.read');
const writer = permittedProcedure('profiles.write');

export const profilesRouter = router({
  contactPoints: contactPointsRouter,
  identities: identitiesRouter,
  create: writer
    .input(createProfileInput)
    .output(profileOutput)
    .mutation(({ ctx, input }) => createProfile(ctx, input)),
  upsert: writer
    .input(upsertProfileInput)
    .output(profileOutput.extend({ isCreated: z.boolean() }))
    .mutation(({ ctx, input }) => upsertProfile(ctx, input)),
  get: reader
    .input(profileIdInput)
    .output(profileOutput)
    .query(({ ctx, input }) => getProfile(ctx, input)),
  getByEmail: reader
    .input(profileEmailInput)
    .output(profileOutput)
    .query(({ ctx, input }) => getProfileByEmail(ctx, input)),
  list: reader
    .input(listProfilesInput)
    .output(z.object({ items: z.array(profileOutput), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listProfiles(ctx, input)),
  update: writer
    .input(updateProfileInput)
    .output(profileOutput)
    .mutation(({ ctx, input }) => updateProfile(ctx, input)),
  delete: permittedProcedure('profiles.delete')
    .input(profileIdInput)
    .output(profileOutput)
    .mutation(({ ctx, input }) => deleteProfile(ctx, input)),
  restore: permittedProcedure('profiles.delete')
    .input(profileIdInput)
    .output(profileOutput)
    .mutation(({ ctx, input }) => restoreProfile(ctx, input)),
  purge: permittedProcedure('profiles.purge')
    .input(profileIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => purgeProfile(ctx, input)),
  erase: permittedProcedure('profiles.erase')
    .input(profileIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => eraseProfile(ctx, input)),
  setTier: permittedProcedure('profiles.setTier')
    .input(setProfileTierInput)
    .output(profileOutput)
    .mutation(({ ctx, input }) => setTier(ctx, input)),
});
