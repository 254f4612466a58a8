import { readFileSync } from 'node:fs';
import type { Database } from '@tessera/db';
import { workspaceScope } from '@tessera/db';
import { insertCampaignEvents, insertUsageEvents } from '@tessera/db/activity';
import { findWorkspaceBySlug } from '@tessera/db/workspaces';
import { isDomainError, seedDocumentSchema, type MemberInWorkspace } from '@tessera/domain';
import type { Kysely, Transaction } from 'kysely';
import type { AppDeps, RequestContext } from '../context.ts';
import { createCaller } from '../router.ts';
import { applySeedByOperator } from '../seeds/seeds.service.ts';
import { createWorkspace } from '../workspaces/workspaces.service.ts';

export const demoSignIn = { workspace: 'demo', email: 'demo@tessera.dev', password: 'tessera-demo' } as const;

/** Reference 000's example profile types and what they bundle, as a seed file the command line imports too. */
export const demoSeedPath = new URL('./demo-seed.json', import.meta.url);

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
  'Émile',
  'Zoe',
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
  'Borel',
];
const middleNames = [null, 'Marie', null, 'Lee', null, null, 'Jo'];
const organizations = [
  { name: 'Acme Corporation', externalId: 'ACME-001', domain: 'acme.example', industry: 'manufacturing' },
  { name: 'Globex', externalId: 'GLOBEX-002', domain: 'globex.example', industry: 'software' },
  { name: 'Initech', externalId: 'INITECH-003', domain: 'initech.example', industry: 'software' },
  { name: 'Umbrella Retail', externalId: 'UMB-004', domain: 'umbrella.example', industry: 'retail' },
];
const modules = [
  ['Dashboards', 'Open dashboard'],
  ['Reports', 'Run report'],
  ['Billing', 'Open invoice'],
  ['Settings', 'Invite user'],
  ['Integrations', 'Sync contacts'],
] as const;
const campaigns = [
  ['welcome', 'Welcome aboard'],
  ['renewal', 'Renewal reminder'],
  ['webinar', 'Spring webinar'],
] as const;
const campaignStages = ['sent', 'viewed', 'engaged', 'goal_achieved'] as const;
const tags = ['vip', 'newsletter', 'beta', 'wholesale'];
const books = ['Dune', 'Middlemarch', 'The Left Hand of Darkness', 'Gödel, Escher, Bach'];
const pets = ['Biscuit', 'Pixel', 'Nova', 'Mochi'];
const day = 24 * 60 * 60 * 1000;
const profileCount = 60;
const usageDays = 60;

/**
 * The workspace's use cases run inside the demo's one transaction: a transaction they open joins it.
 * Kysely does not nest transactions, and the demo is all or nothing anyway.
 */
function joinedTo(trx: Transaction<Database>): Kysely<Database> {
  const joined = { execute: <T>(work: (inner: Transaction<Database>) => Promise<T>) => work(trx) };
  const transaction = () => ({ ...joined, setIsolationLevel: () => joined, setAccessMode: () => joined });
  return new Proxy(trx, {
    get(target, key) {
      if (key === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

function readDemoSeed() {
  return seedDocumentSchema.parse(JSON.parse(readFileSync(demoSeedPath, 'utf8')));
}

/** The n-th of a list, going round. */
function nth<T>(list: readonly T[], index: number): T {
  const item = list[index % list.length];
  if (item === undefined) throw new Error('an empty list of demo values');
  return item;
}

/**
 * Fills the new demo workspace through the same use cases the API serves (so its records have
 * their audit trail), with bulk inserts for the volume of usage and campaign events.
 */
async function fillDemo(deps: AppDeps, trx: Transaction<Database>, owner: MemberInWorkspace): Promise<void> {
  const scope = workspaceScope(owner.workspaceId);
  const now = deps.clock.now().getTime();
  const ctx: RequestContext = {
    ...deps,
    db: joinedTo(trx),
    requestId: 'demo',
    ip: null,
    findActor: () => Promise.resolve({ member: owner, sessionId: null, tokenId: null }),
    setCookie: () => undefined,
  };
  const api = createCaller(ctx);

  const settings = await api.workspaceSettings.update({
    defaultPhoneRegion: 'AU',
    timeZone: 'Australia/Sydney',
    currencies: ['AUD', 'NZD', 'USD'],
    locations: ['Sydney', 'Melbourne', 'Auckland'].map((name) => ({
      name,
      externalId: `store-${name.toLowerCase()}`,
    })),
    statuses: [
      { handle: 'influencer', name: 'Influencer' },
      { handle: 'media', name: 'Media' },
      { handle: 'staff', name: 'Staff' },
    ],
    tiers: [
      { handle: 'silver', name: 'Silver', rank: 1 },
      { handle: 'gold', name: 'Gold', rank: 2 },
      { handle: 'platinum', name: 'Platinum', rank: 3 },
    ],
  });
  await applySeedByOperator(trx, deps, scope, readDemoSeed());
  const types = new Map((await api.profileTypes.list({})).map((type) => [type.slug, type]));
  const workflows = new Map((await api.workflows.list({})).map((workflow) => [workflow.slug, workflow]));
  const typeId = (slug: string) => types.get(slug)?.id ?? '';
  const referredBy = await api.relationships.create({
    slug: 'referred-by',
    name: 'Referred by',
    cardinality: 'many_to_one',
    sourceKind: 'contacts',
    targetKind: 'contacts',
    targetProfileTypeId: typeId('customer-profile'),
  });
  const supplier = await api.relationships.create({
    slug: 'supplier-of',
    name: 'Supplier of',
    cardinality: 'many_to_many',
    sourceKind: 'organizations',
    targetKind: 'organizations',
  });

  const accountIds: string[] = [];
  for (const [index, { industry, ...organization }] of organizations.entries()) {
    const stored = await api.organizations.create(organization);
    accountIds.push(stored.id);
    await api.profileTypes.attach({
      id: typeId('customer-account'),
      recordId: stored.id,
      attributes: { industry, seats: 10 + index * 15, renewal_date: `2027-0${index + 2}-01` },
    });
  }
  const health = workflows.get('account-health');
  const atRisk = health?.stages[1];
  if (health && atRisk)
    await api.workflows.moveRecord({ id: health.id, recordId: accountIds[2] ?? '', stageId: atRisk.id });
  await api.relationships.link({
    id: supplier.id,
    sourceId: accountIds[1] ?? '',
    targetId: accountIds[0] ?? '',
  });

  const onboarding = workflows.get('onboarding');
  const profiles: { id: string; email: string | null; accountId: string }[] = [];
  for (let index = 0; index < profileCount; index++) {
    const firstName = nth(firstNames, index);
    const lastName = nth(lastNames, index * 5);
    const homes = index % 10 === 1 ? [0, 1] : [index % organizations.length];
    const profile = await api.profiles.create({
      firstName,
      middleName: nth(middleNames, index),
      lastName,
      email: `${firstName}.${lastName}.${index}@example.com`
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase(),
      mobilePhone: index % 3 === 0 ? null : `+61412${String(100_000 + index * 137).slice(-6)}`,
      birthYear: index % 4 === 0 ? null : 1950 + ((index * 7) % 50),
      birthMonth: (index % 12) + 1,
      birthDay: ((index * 11) % 28) + 1,
      countryNumericCode: nth(['036', '554', '840', '826', null], index),
      currency: index % 2 === 0 ? 'AUD' : null,
      company: organizations[homes[0] ?? 0]?.name ?? null,
      preferredLocation: index % 4 === 3 ? null : (settings.locations[index % 4]?.id ?? null),
      tags: index % 3 === 0 ? [nth(tags, index)] : [],
      statuses: index % 7 === 0 ? ['staff'] : index % 11 === 0 ? ['influencer'] : [],
      addresses:
        index % 5 === 0
          ? [
              {
                line1: `${index + 1} George Street`,
                city: 'Sydney',
                postalCode: '2000',
                countryNumericCode: '036',
              },
            ]
          : [],
    });
    profiles.push({ id: profile.id, email: profile.email, accountId: accountIds[homes[0] ?? 0] ?? '' });
    for (const home of homes) {
      await api.memberships.create({
        organizationId: accountIds[home] ?? '',
        profileId: profile.id,
        isContact: index % 4 === 0,
        isKeyContact: index < organizations.length,
        attributes: { role: index % 2 === 0 ? 'admin' : 'billing' },
      });
    }
    if (index % 4 === 1)
      await api.profiles.setTier({ id: profile.id, tier: nth(['silver', 'gold', 'platinum'], index) });
    if (index % 2 === 0) {
      await api.profileTypes.attach({
        id: typeId('customer-profile'),
        recordId: profile.id,
        attributes: {
          pet_name: nth(pets, index),
          favorite_book: nth(books, index),
          monthly_expenses: 120 + index * 9.5,
        },
      });
      const stage = onboarding?.stages[index % onboarding.stages.length];
      if (onboarding && stage)
        await api.workflows.moveRecord({ id: onboarding.id, recordId: profile.id, stageId: stage.id });
    }
    if (index % 5 === 0) {
      await api.profileTypes.attach({
        id: typeId('member'),
        recordId: profile.id,
        attributes: {
          membership_number: `M-${String(10_000 + index).slice(-5)}`,
          member_since: `20${10 + (index % 15)}-03-01`,
        },
      });
    }
    if (index % 9 === 4) {
      await api.profileTypes.attach({
        id: typeId('student'),
        recordId: profile.id,
        attributes: { graduation_year: 2026 + (index % 3) },
      });
    }
    if (index % 3 === 1 && profile.email) {
      await api.sourceRecords.upsertForProfile({
        profileId: profile.id,
        identifierQuery: `shopify:customer:email:${profile.email}`,
        identifiers: [{ type: 'external_id', value: `SHOP-${1000 + index}` }],
        attributes: {
          orders: index % 7,
          lifetime_value: 80 * (index % 13),
          accepts_marketing: index % 2 === 0,
        },
      });
    }
    if (index % 6 === 2) {
      await api.sourceRecords.upsertForProfile({
        profileId: profile.id,
        identifierQuery: `helpdesk:requester:external_id:HD-${500 + index}`,
        identifiers: [{ type: 'twitter', value: `${firstName.toLowerCase()}${index}` }],
        attributes: { open_tickets: index % 4, plan: index % 2 === 0 ? 'premium' : 'standard' },
      });
    }
  }
  for (let index = 2; index < profileCount; index += 8) {
    const referrer = profiles[index - 2];
    const referred = profiles[index];
    if (referrer && referred)
      await api.relationships.link({ id: referredBy.id, sourceId: referred.id, targetId: referrer.id });
  }

  await fillPeopleExtras(api, profiles, now);

  // Usage for the monitor to draw: each person works in a few modules of their account most days.
  const usage = profiles.flatMap((profile, person) =>
    Array.from({ length: usageDays }, (_, daysAgo) => daysAgo)
      // Quieter at weekends, busier in recent weeks: something for the chart to show.
      .filter((daysAgo) => {
        const weekday = new Date(now - daysAgo * day).getUTCDay();
        const isWeekend = weekday === 0 || weekday === 6;
        return isWeekend ? person % 4 === 0 : (person + daysAgo) % (daysAgo < 21 ? 5 : 3) !== 0;
      })
      .flatMap((daysAgo) =>
        modules.slice(0, 1 + ((person + daysAgo) % modules.length)).map(([module, activity], at) => ({
          id: `demo-usage-${person}-${daysAgo}-${at}`,
          organizationId: profile.accountId,
          profileId: profile.id,
          email: profile.email,
          module,
          activity,
          occurredAt: new Date(now - daysAgo * day - ((person * 7 + at * 37) % 600) * 60 * 1000),
        })),
      ),
  );
  for (let start = 0; start < usage.length; start += 1000) {
    await insertUsageEvents(trx, scope, usage.slice(start, start + 1000));
  }
  await insertCampaignEvents(
    trx,
    scope,
    profiles.flatMap((profile, person) => {
      const [campaignId, campaignName] = nth(campaigns, person);
      return campaignStages.slice(0, 1 + (person % campaignStages.length)).map((stage, at) => ({
        id: `demo-campaign-${person}-${at}`,
        profileId: profile.id,
        campaignId,
        campaignName,
        stage,
        occurredAt: new Date(now - (campaignStages.length - at) * day - person * 60 * 60 * 1000),
      }));
    }),
  );
}

const npsComments = [
  'Love the product',
  null,
  'Support was quick',
  null,
  'Pricing is steep',
  'Easy to set up',
];

/** Survey responses, a profile's trail of changes, second emails and phones, members and API tokens. */
async function fillPeopleExtras(
  api: ReturnType<typeof createCaller>,
  profiles: { id: string }[],
  now: number,
) {
  const responses = profiles.slice(0, 24).flatMap(({ id: profileId }, person) => [
    ...Array.from({ length: person === 0 ? 24 : 1 + (person % 4) }, (_, at) => ({
      id: `demo-nps-${person}-${at}`,
      profileId,
      survey: 'NPS',
      question: 'How likely are you to recommend us to a friend?',
      answer: nth(npsComments, person + at),
      score: person === 1 && at === 0 ? 8.5 : (person * 3 + at * 5) % 11,
      respondedAt: new Date(now - (at * 14 + (person % 9)) * day),
    })),
    ...(person % 3 === 0
      ? [
          {
            id: `demo-csat-${person}`,
            profileId,
            survey: 'CSAT',
            question: 'How satisfied were you with your last support request?',
            score: 1 + (person % 5),
            respondedAt: new Date(now - (3 + person) * day),
          },
          {
            id: `demo-onboarding-${person}`,
            profileId,
            survey: 'Onboarding feedback',
            question: 'What almost stopped you from signing up?',
            answer: nth(
              ['Nothing at all', 'The import took a while', 'I was not sure about the price'],
              person,
            ),
            respondedAt: new Date(now - (20 + person) * day),
          },
        ]
      : []),
  ]);
  await api.surveys.record({ responses });

  const [first, second] = profiles;
  if (first) {
    const changes = [
      { company: 'Analytical Engines' },
      { occupation: 'Mathematician' },
      { tags: ['vip', 'newsletter'] },
      { title: 'Countess' },
      { occupation: 'Poet of science' },
    ];
    for (let round = 0; round < 22; round++) {
      await api.profiles.update({
        id: first.id,
        ...nth(changes, round),
        secondaryPhone: `+6129${String(1_000_000 + round).slice(-7)}`,
      });
    }
    await api.profiles.contactPoints.create({
      profileId: first.id,
      key: 'email',
      value: 'ada@analytical.example',
      uuid: 'crm-1042',
    });
    await api.profiles.contactPoints.create({ profileId: first.id, key: 'phone', value: '0413 555 010' });
  }
  if (second)
    await api.profiles.contactPoints.create({
      profileId: second.id,
      key: 'email',
      value: 'grace.work@example.com',
    });

  await api.members.create({ email: 'agent@tessera.dev', name: 'Avery Agent', role: 'agent' });
  await api.members.create({ email: 'viewer@tessera.dev', name: 'Val Viewer', role: 'viewer' });
  await api.tokens.create({ name: 'Dashboard', readOnly: true });
  await api.tokens.create({ name: 'CRM sync' });
}

/**
 * Creates the demo workspace and its member, and fills it with a bit of everything Tessera keeps,
 * in one transaction, unless it exists already; says which.
 */
export async function seedDemo(deps: AppDeps): Promise<'created' | 'present'> {
  if (await findWorkspaceBySlug(deps.db, demoSignIn.workspace)) return 'present';
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
      (trx, workspace, member) =>
        fillDemo(deps, trx, {
          ...member,
          workspaceSlug: workspace.slug,
          workspaceName: workspace.name,
        }),
    );
    return 'created';
  } catch (error) {
    // Another instance starting at the same moment made it first.
    if (isDomainError(error) && error.code === 'WORKSPACE_SLUG_TAKEN') return 'present';
    throw error;
  }
}
