import { meOutput, signInInput } from '@tessera/domain';
import { z } from 'zod';
import { memberProcedure, publicProcedure, router } from '../trpc.ts';
import { signIn, signOut, toMe } from './auth.service.ts';

export const authRouter = router({
  signIn: publicProcedure
    .input(signInInput)
    .output(meOutput)
    .mutation(({ ctx, input }) => signIn(ctx, input)),
  signOut: memberProcedure
    .output(z.object({ isSignedOut: z.literal(true) }))
    .mutation(({ ctx }) => signOut(ctx)),
  me: memberProcedure.output(meOutput).query(({ ctx }) => toMe(ctx.actor)),
});
