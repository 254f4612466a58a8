import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/auth.service.ts';
import { createCaller } from '../router.ts';
import { failureOf } from '../testing/failure-of.ts';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';
import { issueToken } from '../tokens/tokens.service.ts';
import { addProfile } from './activity.testing.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** A usage event at an instant of November 2026. */
const at = (id: string, organizationId: string, profileId: string, module: string, instant: string) => ({
  id,
  organizationId,
  profileId,
  module,
  activity: 'Open',
  occurredAt: new Date(instant),
});

/** A workspace in Sydney with Acme (Ada and Grace) and Globex (Ada), and their usage of November. */
async function monitoredWorkspace() {
  const owner = await app.newWorkspace('master');
  await owner.caller.workspaceSettings.update({ timeZone: 'Australia/Sydney' });
  const acme = (await owner.caller.organizations.create({ name: 'Acme' })).id;
  const globex = (await owner.caller.organizations.create({ name: 'Globex' })).id;
  const ada = (await addProfile(owner, acme, 'Ada')).id;
  const grace = (await addProfile(owner, acme, 'Grace')).id;
  await owner.caller.memberships.create({ organizationId: globex, profileId: ada });
  await owner.caller.usage.ingest({
    events: [
      // 2 November in Sydney (UTC+11), 1 November in UTC.
      at('a1', acme, ada, 'Billing', '2026-11-01T14:00:00Z'),
      at('a2', acme, grace, 'Billing', '2026-11-02T03:00:00Z'),
      at('a3', acme, grace, 'Reports', '2026-11-02T12:59:59Z'),
      // 3 November in Sydney.
      at('a4', acme, ada, 'Reports', '2026-11-02T13:00:00Z'),
      at('g1', globex, ada, 'Billing', '2026-11-09T01:00:00Z'),
      at('g2', globex, ada, 'Dashboards', '2026-11-10T01:00:00Z'),
      at('late', acme, ada, 'Billing', '2026-11-20T01:00:00Z'),
    ],
  });
  return { owner, acme, globex, ada, grace };
}

/** A caller acting as an agent of the owner's workspace limited to these organizations. */
async function scopedAgent(owner: TestMember, organizationIds: string[]) {
  const agent = await owner.caller.members.create({
    email: `agent-${randomBytes(4).toString('hex')}@example.com`,
    name: 'Scoped agent',
    role: 'agent',
    password: null,
  });
  await owner.caller.members.setOrganizationScope({ memberId: agent.id, organizationIds });
  const { secret } = await issueToken(
    app.deps.db,
    app.deps,
    { workspaceId: owner.member.workspaceId, memberId: agent.id },
    'monitor',
  );
  const actor = await authenticate(app.deps, { authorization: `Bearer ${secret}` });
  if (!actor) throw new Error('the token signs nobody in');
  return createCaller(app.contextFor(actor));
}

describe('usage.summary', () => {
  it('counts usage per day of the workspace’s time zone, by module, with every day of the range', async () => {
    const { owner, acme, globex } = await monitoredWorkspace();
    const summary = await owner.caller.usage.summary({
      from: '2026-11-01',
      to: '2026-11-10',
      groupBy: 'module',
      interval: 'day',
    });
    expect(summary).toEqual({
      from: '2026-11-01',
      to: '2026-11-10',
      groupBy: 'module',
      interval: 'day',
      timeZone: 'Australia/Sydney',
      total: 6,
      starts: Array.from({ length: 10 }, (_, index) => `2026-11-${String(index + 1).padStart(2, '0')}`),
      series: [
        { key: 'Billing', label: 'Billing', count: 3 },
        { key: 'Reports', label: 'Reports', count: 2 },
        { key: 'Dashboards', label: 'Dashboards', count: 1 },
      ],
      buckets: [
        { start: '2026-11-02', key: 'Billing', count: 2 },
        { start: '2026-11-02', key: 'Reports', count: 1 },
        { start: '2026-11-03', key: 'Reports', count: 1 },
        { start: '2026-11-09', key: 'Billing', count: 1 },
        { start: '2026-11-10', key: 'Dashboards', count: 1 },
      ],
      busiestOrganizations: [
        { id: acme, name: 'Acme', count: 4 },
        { id: globex, name: 'Globex', count: 2 },
      ],
      busiestModules: [
        { module: 'Billing', count: 3 },
        { module: 'Reports', count: 2 },
        { module: 'Dashboards', count: 1 },
      ],
    });
  });

  it('counts per week from Monday, by organization, and leaves out the days outside the range', async () => {
    const { owner, acme, globex } = await monitoredWorkspace();
    const summary = await owner.caller.usage.summary({
      from: '2026-11-03',
      to: '2026-11-15',
      groupBy: 'organization',
      interval: 'week',
    });
    expect(summary).toMatchObject({
      total: 3,
      // Monday 2 November holds the 3rd; Monday 9 November the 9th to the 15th.
      starts: ['2026-11-02', '2026-11-09'],
      series: [
        { key: globex, label: 'Globex', count: 2 },
        { key: acme, label: 'Acme', count: 1 },
      ],
      buckets: [
        { start: '2026-11-02', key: acme, count: 1 },
        { start: '2026-11-09', key: globex, count: 2 },
      ],
    });
  });

  it('draws the busiest modules one by one and counts the others together', async () => {
    const owner = await app.newWorkspace('master');
    const acme = (await owner.caller.organizations.create({ name: 'Acme' })).id;
    const ada = (await addProfile(owner, acme, 'Ada')).id;
    // Module m<n> is used n times.
    const events = Array.from({ length: 10 }, (_, module) =>
      Array.from({ length: module + 1 }, (_, use) =>
        at(`m${module + 1}-${use}`, acme, ada, `m${module + 1}`, '2026-11-05T10:00:00Z'),
      ),
    ).flat();
    await owner.caller.usage.ingest({ events });
    const summary = await owner.caller.usage.summary({ from: '2026-11-01', to: '2026-11-30' });
    expect(summary.groupBy).toBe('module');
    expect(summary.interval).toBe('day');
    expect(summary.series.map((series) => [series.key, series.count])).toEqual([
      ['m10', 10],
      ['m9', 9],
      ['m8', 8],
      ['m7', 7],
      ['m6', 6],
      ['m5', 5],
      ['m4', 4],
      ['m3', 3],
      [null, 3],
    ]);
    expect(summary.buckets.find((bucket) => bucket.key === null)).toEqual({
      start: '2026-11-05',
      key: null,
      count: 3,
    });
    expect(summary.busiestModules).toHaveLength(10);
    expect(summary.total).toBe(55);
  });

  it('counts only the organizations a limited member may see', async () => {
    const { owner, acme } = await monitoredWorkspace();
    const agent = await scopedAgent(owner, [acme]);
    const summary = await agent.usage.summary({
      from: '2026-11-01',
      to: '2026-11-30',
      groupBy: 'organization',
      interval: 'week',
    });
    expect(summary.total).toBe(5);
    expect(summary.busiestOrganizations).toEqual([{ id: acme, name: 'Acme', count: 5 }]);
    expect(summary.series.map((series) => series.key)).toEqual([acme]);
    expect(summary.busiestModules).toEqual([
      { module: 'Billing', count: 3 },
      { module: 'Reports', count: 2 },
    ]);
    const initech = (await owner.caller.organizations.create({ name: 'Initech' })).id;
    const nowhere = await scopedAgent(owner, [initech]);
    expect(await nowhere.usage.summary({ from: '2026-11-01', to: '2026-11-30' })).toMatchObject({
      total: 0,
      series: [],
      buckets: [],
      busiestOrganizations: [],
      busiestModules: [],
    });
    const other = await monitoredWorkspace();
    expect((await other.owner.caller.usage.summary({ from: '2026-11-01', to: '2026-11-30' })).total).toBe(7);
  });

  it('counts each event once, and no more those of a deleted organization', async () => {
    const { owner, acme, globex, ada } = await monitoredWorkspace();
    expect(
      await owner.caller.usage.ingest({
        events: [
          at('a1', acme, ada, 'Billing', '2026-11-01T14:00:00Z'),
          at('g3', globex, ada, 'Billing', '2026-11-20T05:00:00Z'),
        ],
      }),
    ).toEqual({ accepted: 1, duplicates: ['a1'] });
    const november = { from: '2026-11-01', to: '2026-11-30', groupBy: 'organization' } as const;
    expect((await owner.caller.usage.summary(november)).busiestOrganizations).toEqual([
      { id: acme, name: 'Acme', count: 5 },
      { id: globex, name: 'Globex', count: 3 },
    ]);
    await owner.caller.organizations.delete({ id: globex });
    expect(await owner.caller.usage.summary(november)).toMatchObject({
      total: 5,
      busiestOrganizations: [{ id: acme, name: 'Acme', count: 5 }],
    });
  });

  it('counts the days again in the workspace’s new time zone', async () => {
    const { owner, acme, ada } = await monitoredWorkspace();
    await owner.caller.workspaceSettings.update({ timeZone: 'UTC' });
    const summary = await owner.caller.usage.summary({ from: '2026-11-01', to: '2026-11-03' });
    expect(summary.timeZone).toBe('UTC');
    expect(summary.buckets).toEqual([
      { start: '2026-11-01', key: 'Billing', count: 1 },
      { start: '2026-11-02', key: 'Billing', count: 1 },
      { start: '2026-11-02', key: 'Reports', count: 2 },
    ]);
    // Events stored from now on are counted in the new time zone too.
    await owner.caller.usage.ingest({ events: [at('utc', acme, ada, 'Billing', '2026-11-03T23:30:00Z')] });
    expect((await owner.caller.usage.summary({ from: '2026-11-03', to: '2026-11-03' })).buckets).toEqual([
      { start: '2026-11-03', key: 'Billing', count: 1 },
    ]);
  });

  it('refuses a range that ends before it starts or spans more than 366 days, at the field', async () => {
    const owner = await app.newWorkspace('master');
    const cases = [
      [{ from: '2026-11-02', to: '2026-11-01' }, 'to'],
      [{ from: '2025-01-01', to: '2026-01-02' }, 'to'],
      [{ from: '2026-11-31', to: '2026-12-01' }, 'from'],
      [{ from: '2026-11-01', to: '2026-12-01T00:00:00Z' }, 'to'],
      [{ from: '2026-11-01', to: '2026-12-01', groupBy: 'profile' }, 'groupBy'],
      [{ from: '2026-11-01', to: '2026-12-01', interval: 'month' }, 'interval'],
    ] as const;
    for (const [input, path] of cases) {
      expect(
        await failureOf(
          owner.caller.usage.summary(input as Parameters<typeof owner.caller.usage.summary>[0]),
        ),
      ).toMatchObject({ code: 'BAD_REQUEST', paths: [path] });
    }
    expect(
      await failureOf(
        owner.caller.usage.summary({ from: '2026-11-01', to: '2026-12-01', organizationId: 'x' } as never),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await owner.caller.usage.summary({ from: '2024-01-01', to: '2024-12-31' })).toMatchObject({
      total: 0,
      starts: expect.arrayContaining(['2024-02-29']) as string[],
    });
  });
});
