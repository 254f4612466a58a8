import { createProfileInput, listProfilesInput, profileIdInput, profileOutput, updateProfileInput } from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import { createProfile, deleteProfile, getProfile, listProfiles, updateProfile } from './profiles.service.ts';

const reader = permittedProcedure('profiles.read');
const writer = permittedProcedure('profiles.write');

export const profilesRouter = router({
  create: writer.input(createProfileInput).output(profileOutput).mutation(({ ctx, input }) => createProfile(ctx, input)),
  get: reader.input(profileIdInput).output(profileOutput).query(({ ctx, input }) => getProfile(ctx, input)),
  list: reader
    .input(listProfilesInput)
    .output(z.object({ items: z.array(profileOutput), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listProfiles(ctx, input)),
  update: writer.input(updateProfileInput).output(profileOutput).mutation(({ ctx, input }) => updateProfile(ctx, input)),
  delete: permittedProcedure('profiles.delete')
    .input(profileIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteProfile(ctx, input)),
});
