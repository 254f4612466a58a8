import { authRouter } from './auth/auth.router.ts';
import { profilesRouter } from './profiles/profiles.router.ts';
import { tokensRouter } from './tokens/tokens.router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  profiles: profilesRouter,
  tokens: tokensRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
