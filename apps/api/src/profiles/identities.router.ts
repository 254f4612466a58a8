import { identityOutput, profileIdentitiesInput, setPrimaryIdentityInput } from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import { listIdentities, setPrimaryIdentity } from './identities.service.ts';

const identitiesOutput = z.object({ externalId: z.string().nullable(), identities: z.array(identityOutput) });

export const identitiesRouter = router({
  list: permittedProcedure('profiles.read')
    .input(profileIdentitiesInput)
    .output(identitiesOutput)
    .query(({ ctx, input }) => listIdentities(ctx, input)),
  setPrimary: permittedProcedure('profiles.write')
    .input(setPrimaryIdentityInput)
    .output(identitiesOutput)
    .mutation(({ ctx, input }) => setPrimaryIdentity(ctx, input)),
});
