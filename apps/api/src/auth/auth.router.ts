import { roleSchema, signInInput } from '@tessera/domain';
import { z } from 'zod';
import { memberProcedure, publicProcedure, router } from '../trpc.ts';
import { signIn, signOut, toMe } from './auth.service.ts';

const meOutput = z.object({
  member: z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema }),
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  via: z.enum(['session', 'token']),
});

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
