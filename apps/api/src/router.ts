import { authRouter } from './auth/auth.router.ts';
import { membersRouter } from './members/members.router.ts';
import { profilesRouter } from './profiles/profiles.router.ts';
import { sourceRecordsRouter } from './source-records/source-records.router.ts';
import { tokensRouter } from './tokens/tokens.router.ts';
import { workspaceSettingsRouter } from './workspace-settings/workspace-settings.router.ts';
import { attributeDefinitionsRouter } from './attribute-definitions/attribute-definitions.router.ts';
import { attributeValuesRouter } from './attribute-values/attribute-values.router.ts';
import { profileTypesRouter } from './profile-types/profile-types.router.ts';
import { relationshipsRouter } from './relationships/relationships.router.ts';
import { workflowsRouter } from './workflows/workflows.router.ts';
import { seedsRouter } from './seeds/seeds.router.ts';
import { usageRouter } from './activity/usage.router.ts';
import { campaignsRouter } from './activity/campaigns.router.ts';
import { surveysRouter } from './surveys/surveys.router.ts';
import { organizationsRouter } from './organizations/organizations.router.ts';
import { contactsRouter } from './memberships/contacts.router.ts';
import { membershipsRouter } from './memberships/memberships.router.ts';
import { auditRouter } from './audit/audit.router.ts';
import { createCallerFactory, mergeRouters, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  members: membersRouter,
  profiles: profilesRouter,
  sourceRecords: sourceRecordsRouter,
  tokens: tokensRouter,
  workspaceSettings: workspaceSettingsRouter,
  attributeDefinitions: attributeDefinitionsRouter,
  attributeValues: attributeValuesRouter,
  profileTypes: profileTypesRouter,
  workflows: workflowsRouter,
  relationships: relationshipsRouter,
  organizations: mergeRouters(organizationsRouter, contactsRouter),
  memberships: membershipsRouter,
  seeds: seedsRouter,
  usage: usageRouter,
  campaigns: campaignsRouter,
  audit: auditRouter,
  surveys: surveysRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
