import { createTokenInput, issuedTokenOutput, tokenIdInput, tokenOutput } from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

// Each member's own tokens; admins and above reach every token of the workspace (tokens.service).
const manager = permittedProcedure('tokens.own');

export const tokensRouter = router({
  create: manager
    .input(createTokenInput)
    .output(issuedTokenOutput)
    .mutation(({ ctx, input }) => createToken(ctx, input)),
  list: manager.output(z.array(tokenOutput)).query(({ ctx }) => listTokens(ctx)),
  revoke: manager
    .input(tokenIdInput)
    .output(tokenOutput)
    .mutation(({ ctx, input }) => revokeToken(ctx, input)),
});
