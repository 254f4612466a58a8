import { authRouter } from './auth/auth.router.ts';
import { membersRouter } from './members/members.router.ts';
import { profilesRouter } from './profiles/profiles.router.ts';
import { sourceRecordsRouter } from './source-records/source-records.router.ts';
import { tokensRouter } from './tokens/tokens.router.ts';
import { workspaceSettingsRouter } from './workspace-settings/workspace-settings.router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  profiles: profilesRouter,
  sourceRecords: sourceRecordsRouter,
  tokens: tokensRouter,
  members: membersRouter,
  workspaceSettings: workspaceSettingsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
