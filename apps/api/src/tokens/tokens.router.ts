import { createTokenInput, tokenIdInput } from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

const manager = permittedProcedure('tokens.manage');

const tokenOutput = z.object({
  id: z.string(),
  name: z.string(),
  memberId: z.string(),
  memberEmail: z.string(),
  lastFour: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const tokensRouter = router({
  create: manager
    .input(createTokenInput)
    .output(z.object({ token: tokenOutput, secret: z.string() }))
    .mutation(({ ctx, input }) => createToken(ctx, input)),
  list: manager.output(z.array(tokenOutput)).query(({ ctx }) => listTokens(ctx)),
  revoke: manager
    .input(tokenIdInput)
    .output(tokenOutput)
    .mutation(({ ctx, input }) => revokeToken(ctx, input)),
});
