import { randomUUID } from 'node:crypto';
import type { UsageEvent } from '@tessera/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { workspaceScope, type Scope } from '../shared/scope.ts';
import { createTestDb } from '../testing/test-database.ts';
import { insertWorkspace } from '../workspaces/workspace.queries.ts';
import { findCampaignSummary, insertCampaignEvents } from './campaign-event.queries.ts';
import { findProfileIdsInScope } from './profile-scope.queries.ts';
import {
  eraseUsageEventsOf,
  findUsagePage,
  insertUsageEvents,
  isOrganizationInScope,
  lockMemberEmails,
  type UsagePageQuery,
} from './usage-event.queries.ts';

let database: Db;
let scope: Scope;
/** Two organizations; Ada belongs to both, Grace to the second only. */
let acme: string;
let globex: string;
let ada: string;
let grace: string;

const now = new Date('2026-03-01T12:00:00Z');

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

async function addOrganization(name: string): Promise<string> {
  const id = randomUUID();
  await database.db
    .insertInto('organizations')
    .values({ workspace_id: scope.workspaceId, id, name, created_at: now, updated_at: now })
    .execute();
  return id;
}

async function addProfile(firstName: string, email: string, organizationIds: string[]): Promise<string> {
  const id = randomUUID();
  await database.db
    .insertInto('profiles')
    .values({
      workspace_id: scope.workspaceId,
      id,
      first_name: firstName,
      email,
      addresses: '[]',
      updated_at: now,
    })
    .execute();
  for (const organizationId of organizationIds) {
    await database.db
      .insertInto('memberships')
      .values({
        workspace_id: scope.workspaceId,
        organization_id: organizationId,
        profile_id: id,
        is_contact: false,
        is_key_contact: false,
        attributes: '{}',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return id;
}

beforeEach(async () => {
  const workspaceId = randomUUID();
  scope = workspaceScope(workspaceId);
  await insertWorkspace(database.db, { id: workspaceId, slug: `w-${workspaceId}`, name: 'Activity' });
  acme = await addOrganization('Acme');
  globex = await addOrganization('Globex');
  ada = await addProfile('Ada', 'ada@example.com', [acme, globex]);
  grace = await addProfile('Grace', 'grace@example.com', [globex]);
});

const limitedTo = (...organizationIds: string[]): Scope => ({ ...scope, organizationIds });

function usage(
  id: string,
  organizationId: string,
  profileId: string,
  minute: number,
  module = 'billing',
): UsageEvent {
  return {
    id,
    organizationId,
    profileId,
    email: `${profileId === ada ? 'ada' : 'grace'}@example.com`,
    module,
    activity: 'open',
    occurredAt: new Date(now.getTime() + minute * 60_000),
  };
}

const page = (owner: UsagePageQuery['owner'], fields: Partial<UsagePageQuery> = {}): UsagePageQuery => ({
  owner,
  from: undefined,
  to: undefined,
  module: undefined,
  after: undefined,
  limit: 10,
  ...fields,
});

const idsOf = (events: UsageEvent[]) => events.map((event) => event.id);

describe('usage events', () => {
  it('stores new ids and leaves those stored before as they are', async () => {
    const first = await insertUsageEvents(database.db, scope, [
      usage('e2', acme, ada, 2),
      usage('e1', acme, ada, 1),
    ]);
    expect(idsOf(first).sort()).toEqual(['e1', 'e2']);
    const again = await insertUsageEvents(database.db, scope, [
      { ...usage('e1', acme, ada, 1), activity: 'changed' },
      usage('e3', acme, ada, 3),
    ]);
    expect(idsOf(again)).toEqual(['e3']);
    const stored = await findUsagePage(database.db, scope, page({ organizationId: acme }));
    expect(stored.find((event) => event.id === 'e1')?.activity).toBe('open');
  });

  it('pages newest first by time and then id, within a time range and a module', async () => {
    await insertUsageEvents(database.db, scope, [
      usage('a', acme, ada, 1),
      usage('b', acme, ada, 2),
      usage('c', acme, ada, 2),
      usage('d', acme, ada, 3, 'reports'),
      usage('e', globex, ada, 4),
    ]);
    const first = await findUsagePage(database.db, scope, page({ organizationId: acme }, { limit: 2 }));
    expect(idsOf(first)).toEqual(['d', 'c']);
    const last = first.at(-1);
    if (!last) throw new Error('empty page');
    const second = await findUsagePage(
      database.db,
      scope,
      page({ organizationId: acme }, { after: { occurredAt: last.occurredAt, id: last.id } }),
    );
    expect(idsOf(second)).toEqual(['b', 'a']);
    const ranged = await findUsagePage(
      database.db,
      scope,
      page(
        { organizationId: acme },
        { from: usage('', acme, ada, 2).occurredAt, to: usage('', acme, ada, 3).occurredAt },
      ),
    );
    expect(idsOf(ranged)).toEqual(['c', 'b']);
    const ofModule = await findUsagePage(database.db, scope, page({ profileId: ada }, { module: 'billing' }));
    expect(idsOf(ofModule)).toEqual(['e', 'c', 'b', 'a']);
  });

  it("shows a limited member the usage of its organizations only, and a profile's only while it is in scope", async () => {
    await insertUsageEvents(database.db, scope, [
      usage('acme-ada', acme, ada, 1),
      usage('globex-ada', globex, ada, 2),
      usage('globex-grace', globex, grace, 3),
    ]);
    const acmeOnly = limitedTo(acme);
    expect(await findUsagePage(database.db, acmeOnly, page({ organizationId: globex }))).toEqual([]);
    expect(idsOf(await findUsagePage(database.db, acmeOnly, page({ organizationId: acme })))).toEqual([
      'acme-ada',
    ]);
    expect(idsOf(await findUsagePage(database.db, acmeOnly, page({ profileId: ada })))).toEqual(['acme-ada']);
    expect(await findUsagePage(database.db, acmeOnly, page({ profileId: grace }))).toEqual([]);
    expect(await findUsagePage(database.db, limitedTo(), page({ profileId: ada }))).toEqual([]);
    expect(await isOrganizationInScope(database.db, acmeOnly, globex)).toBe(false);
    expect(await isOrganizationInScope(database.db, acmeOnly, acme)).toBe(true);
    expect([
      ...(await findProfileIdsInScope(database.db, acmeOnly, [ada, grace], { isLocked: false })),
    ]).toEqual([ada]);
  });

  it('finds the emails of profiles in the organizations they belong to, in scope', async () => {
    const pairs = [
      { organizationId: acme, profileId: ada },
      { organizationId: acme, profileId: grace },
      { organizationId: globex, profileId: grace },
    ];
    const found = await database.db.transaction().execute((trx) => lockMemberEmails(trx, scope, pairs));
    expect(found).toHaveLength(2);
    expect(found).toEqual(
      expect.arrayContaining([
        { organizationId: acme, profileId: ada, email: 'ada@example.com' },
        { organizationId: globex, profileId: grace, email: 'grace@example.com' },
      ]),
    );
    expect(await lockMemberEmails(database.db, limitedTo(acme), pairs)).toEqual([
      { organizationId: acme, profileId: ada, email: 'ada@example.com' },
    ]);
  });

  it("keeps a deleted profile's events, and erases its id and email from every organization's", async () => {
    await insertUsageEvents(database.db, scope, [
      usage('acme-ada', acme, ada, 1),
      usage('globex-ada', globex, ada, 2),
    ]);
    await database.db
      .deleteFrom('profiles')
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', ada)
      .execute();
    expect(await findUsagePage(database.db, scope, page({ organizationId: acme }))).toMatchObject([
      { id: 'acme-ada', profileId: ada, email: 'ada@example.com' },
    ]);
    expect(await findUsagePage(database.db, scope, page({ profileId: ada }))).toEqual([]);
    expect(await eraseUsageEventsOf(database.db, limitedTo(acme), ada)).toBe(2);
    const globexUsage = await findUsagePage(database.db, scope, page({ organizationId: globex }));
    expect(globexUsage).toMatchObject([{ id: 'globex-ada', profileId: null, email: null }]);
  });
});

describe('campaign events', () => {
  const campaign = (
    id: string,
    campaignId: string,
    stage: 'sent' | 'viewed' | 'engaged' | 'goal_achieved',
    minute: number,
  ) => ({
    id,
    profileId: ada,
    campaignId,
    campaignName: `Campaign ${campaignId}`,
    stage,
    occurredAt: new Date(now.getTime() + minute * 60_000),
  });

  it('counts the campaigns that reached each stage and shows the latest stage of the most recent ones', async () => {
    expect(
      await insertCampaignEvents(database.db, scope, [
        campaign('1', 'welcome', 'sent', 1),
        campaign('2', 'welcome', 'viewed', 2),
        campaign('3', 'welcome', 'viewed', 3),
        campaign('4', 'upsell', 'sent', 4),
        campaign('5', 'renewal', 'sent', 0),
        campaign('6', 'renewal', 'goal_achieved', 5),
      ]),
    ).toHaveLength(6);
    expect(await insertCampaignEvents(database.db, scope, [campaign('1', 'welcome', 'sent', 1)])).toEqual([]);
    const summary = await findCampaignSummary(database.db, scope, ada, 2);
    expect(summary).toEqual({
      counts: { sent: 3, viewed: 1, engaged: 0, goal_achieved: 1 },
      recent: [
        {
          campaignId: 'renewal',
          campaignName: 'Campaign renewal',
          stage: 'goal_achieved',
          occurredAt: campaign('', '', 'sent', 5).occurredAt,
        },
        {
          campaignId: 'upsell',
          campaignName: 'Campaign upsell',
          stage: 'sent',
          occurredAt: campaign('', '', 'sent', 4).occurredAt,
        },
      ],
    });
  });

  it('summarizes a profile without campaigns as zeros, and none out of scope or unknown', async () => {
    expect(await findCampaignSummary(database.db, scope, grace, 5)).toEqual({
      counts: { sent: 0, viewed: 0, engaged: 0, goal_achieved: 0 },
      recent: [],
    });
    expect(await findCampaignSummary(database.db, limitedTo(acme), grace, 5)).toBeUndefined();
    expect(await findCampaignSummary(database.db, scope, randomUUID(), 5)).toBeUndefined();
  });

  it('go with their profile', async () => {
    await insertCampaignEvents(database.db, scope, [campaign('1', 'welcome', 'sent', 1)]);
    await database.db
      .deleteFrom('profiles')
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', ada)
      .execute();
    const left = await database.db
      .selectFrom('campaign_events')
      .select('id')
      .where('workspace_id', '=', scope.workspaceId)
      .execute();
    expect(left).toEqual([]);
  });
});
