import { signInInput } from '@tessera/domain';
import { memberProcedure, publicProcedure, router } from '../trpc.ts';
import { signIn, signOut, toMe } from './auth.service.ts';

export const authRouter = router({
  signIn: publicProcedure.input(signInInput).mutation(({ ctx, input }) => signIn(ctx, input)),
  signOut: memberProcedure.mutation(({ ctx }) => signOut(ctx)),
  me: memberProcedure.query(({ ctx }) => toMe(ctx.actor)),
});
