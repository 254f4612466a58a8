import { workspaceScope } from '@tessera/db';
import { insertCampaignEvents, insertUsageEvents } from '@tessera/db/activity';
import { insertMembership, insertOrganization } from '@tessera/db/organizations';
import { insertProfile } from '@tessera/db/profiles';
import { saveWorkspaceSettings } from '@tessera/db/workspace-settings';
import { findWorkspaceBySlug } from '@tessera/db/workspaces';
import { isDomainError, newProfileDefaults, sourceRecordsPerProfileDefault } from '@tessera/domain';
import type { AppDeps } from '../context.ts';
import { createWorkspace } from '../workspaces/workspaces.service.ts';

export const demoSignIn = { workspace: 'demo', email: 'demo@tessera.dev', password: 'tessera-demo' } as const;

const firstNames = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Radia',
  'Edsger',
  'Frances',
];
const lastNames = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Perlman',
  'Dijkstra',
  'Allen',
];
const middleNames = [null, 'Marie', null, 'Lee', null, null, 'Jo'];
const organizations = [
  { name: 'Acme Corporation', externalId: 'ACME-001', domain: 'acme.example' },
  { name: 'Globex', externalId: 'GLOBEX-002', domain: 'globex.example' },
  { name: 'Initech', externalId: 'INITECH-003', domain: 'initech.example' },
];
const usage = [
  ['Dashboards', 'Open dashboard'],
  ['Reports', 'Run report'],
  ['Billing', 'Open invoice'],
  ['Settings', 'Invite user'],
] as const;
const campaigns = [
  ['welcome', 'Welcome aboard'],
  ['renewal', 'Renewal reminder'],
  ['webinar', 'Spring webinar'],
] as const;
const stages = ['sent', 'viewed', 'engaged', 'goal_achieved'] as const;
const day = 24 * 60 * 60 * 1000;

/**
 * Creates the demo workspace, its member, a few dozen profiles in three organizations (the first
 * profile of each a key contact, some contacts, one profile in two of them) with usage and campaign
 * events, unless it exists already; says which.
 */
export async function seedDemo(deps: AppDeps): Promise<'created' | 'present'> {
  if (await findWorkspaceBySlug(deps.db, demoSignIn.workspace)) return 'present';
  const start = deps.clock.now().getTime() - 60 * 24 * 60 * 60 * 1000;
  const owner = {
    email: demoSignIn.email,
    name: 'Demo Owner',
    role: 'master',
    password: demoSignIn.password,
  } as const;
  try {
    await createWorkspace(
      deps,
      { name: 'Demo', slug: demoSignIn.workspace, owner },
      async (trx, workspace) => {
        const scope = workspaceScope(workspace.id);
        const locations = ['Sydney', 'Melbourne', 'Auckland'].map((name) => ({
          id: deps.newId(),
          name,
          externalId: `store-${name.toLowerCase()}`,
        }));
        await saveWorkspaceSettings(
          trx,
          scope,
          {
            defaultPhoneRegion: 'AU',
            timeZone: 'Australia/Sydney',
            currencies: ['AUD', 'NZD', 'USD'],
            sourceRecordsPerProfileMax: sourceRecordsPerProfileDefault,
            locations,
            statuses: [
              { handle: 'influencer', name: 'Influencer' },
              { handle: 'media', name: 'Media' },
              { handle: 'staff', name: 'Staff' },
            ],
            tiers: [
              { id: deps.newId(), handle: 'silver', name: 'Silver', rank: 1 },
              { id: deps.newId(), handle: 'gold', name: 'Gold', rank: 2 },
            ],
          },
          new Date(start),
        );
        const organizationIds: string[] = [];
        for (const organization of organizations) {
          const stored = await insertOrganization(trx, scope, {
            ...organization,
            id: deps.newId(),
            now: new Date(start),
          });
          organizationIds.push(stored.id);
        }
        const countries = ['036', '554', '840', '826', null];
        for (let index = 0; index < 60; index++) {
          const firstName = firstNames[index % firstNames.length] ?? 'Ada';
          const lastName = lastNames[(index * 5) % lastNames.length] ?? 'Lovelace';
          const profile = await insertProfile(trx, scope, {
            ...newProfileDefaults,
            id: deps.newId(),
            firstName,
            middleName: middleNames[index % middleNames.length] ?? null,
            lastName,
            email: `${firstName}.${lastName}.${index}@example.com`.toLowerCase(),
            mobilePhone: index % 3 === 0 ? null : `+61412${String(100_000 + index * 137).slice(-6)}`,
            birthYear: index % 4 === 0 ? null : 1950 + ((index * 7) % 50),
            birthMonth: (index % 12) + 1,
            birthDay: ((index * 11) % 28) + 1,
            countryNumericCode: countries[index % countries.length] ?? null,
            currency: index % 2 === 0 ? 'AUD' : null,
            preferredLocationId: locations[index % 4]?.id ?? null,
            tags: index % 5 === 0 ? ['vip'] : [],
            statuses: index % 7 === 0 ? ['staff'] : [],
            addresses: [],
            now: new Date(start + index * day),
          });
          const homes = index % 10 === 1 ? [0, 1] : [index % organizations.length];
          for (const home of homes) {
            await insertMembership(trx, scope, {
              organizationId: organizationIds[home] ?? '',
              profileId: profile.id,
              isContact: index % 4 === 0,
              isKeyContact: index < organizations.length,
              attributes: { role: index % 2 === 0 ? 'admin' : 'billing' },
              now: profile.createdAt,
            });
          }
          const recent = deps.clock.now().getTime() - ((index * 7) % 48) * 60 * 60 * 1000;
          await insertUsageEvents(
            trx,
            scope,
            usage.slice(0, 1 + (index % usage.length)).map(([module, activity], at) => ({
              id: `demo-usage-${index}-${at}`,
              organizationId: organizationIds[homes[0] ?? 0] ?? '',
              profileId: profile.id,
              email: profile.email,
              module,
              activity,
              occurredAt: new Date(recent - at * 37 * 60 * 1000),
            })),
          );
          const [campaignId, campaignName] = campaigns[index % campaigns.length] ?? campaigns[0];
          await insertCampaignEvents(
            trx,
            scope,
            stages.slice(0, 1 + (index % stages.length)).map((stage, at) => ({
              id: `demo-campaign-${index}-${at}`,
              profileId: profile.id,
              campaignId,
              campaignName,
              stage,
              occurredAt: new Date(recent - (stages.length - at) * day),
            })),
          );
        }
      },
    );
    return 'created';
  } catch (error) {
    // Another instance starting at the same moment made it first.
    if (isDomainError(error) && error.code === 'WORKSPACE_SLUG_TAKEN') return 'present';
    throw error;
  }
}
