import type { DomainError, UpdateWorkspaceSettingsInput } from '@tessera/domain';
import { type TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import type { TestMember } from '../testing/test-app.ts';
import { refusalOf } from '../testing/failure-of.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const settings = {
  currencies: ['AUD', 'NZD'],
  locations: [
    { name: 'Sydney', externalId: 'store-1' },
    { name: 'Auckland', externalId: 'store-2' },
  ],
  statuses: [
    { handle: 'media', name: 'Media' },
    { handle: 'staff', name: 'Staff' },
  ],
  tiers: [
    { handle: 'silver', name: 'Silver', rank: 1 },
    { handle: 'gold', name: 'Gold', rank: 2 },
  ],
};

async function workspaceWithSettings(): Promise<TestMember> {
  const owner = await server.app.newWorkspace();
  await owner.caller.workspaceSettings.update(settings);
  return owner;
}

describe('workspace settings and the profiles that hold their values', () => {
  it('keep a location sent again without its id but with its external id, and the profiles that name it', async () => {
    const owner = await workspaceWithSettings();
    const { caller } = owner;
    const before = await caller.workspaceSettings.get();
    const profile = await caller.profiles.create({
      firstName: 'Loyal',
      preferredLocation: 'store-1',
      joinedLocation: 'store-2',
    });

    const saved = await caller.workspaceSettings.update({
      locations: [
        { name: 'Sydney CBD', externalId: 'store-1' },
        { name: 'Auckland', externalId: 'store-2' },
      ],
    });
    expect(saved.locations).toEqual(
      before.locations.map((location) =>
        location.externalId === 'store-1' ? { ...location, name: 'Sydney CBD' } : location,
      ),
    );
    expect(await caller.profiles.get({ id: profile.id })).toMatchObject({
      preferredLocation: { externalId: 'store-1', name: 'Sydney CBD' },
      joinedLocation: { externalId: 'store-2' },
    });
  });

  it('match a location by external id only when no other location sent names it by id', async () => {
    const owner = await workspaceWithSettings();
    const { caller } = owner;
    const before = await caller.workspaceSettings.get();
    const sydney = before.locations.find((location) => location.externalId === 'store-1');
    const auckland = before.locations.find((location) => location.externalId === 'store-2');
    if (!sydney || !auckland) throw new Error('the settings have no locations');

    const saved = await caller.workspaceSettings.update({
      locations: [
        { id: sydney.id, name: 'Sydney', externalId: 'store-9' },
        { name: 'New Sydney', externalId: 'store-1' },
        { id: auckland.id, name: 'Auckland', externalId: 'store-2' },
      ],
    });
    const ids = saved.locations.map((location) => location.id);
    expect(new Set(ids).size).toBe(3);
    expect(saved.locations.find((location) => location.externalId === 'store-9')?.id).toBe(sydney.id);
    expect(saved.locations.find((location) => location.externalId === 'store-1')?.id).not.toBe(sydney.id);
  });

  const removals: [string, (owner: TestMember) => Promise<unknown>, UpdateWorkspaceSettingsInput, string][] =
    [
      [
        'a tier',
        async ({ caller }) => {
          const held = await caller.profiles.create({ firstName: 'A' });
          await caller.profiles.setTier({ id: held.id, tier: 'gold' });
          await caller.profiles
            .create({ firstName: 'B' })
            .then(({ id }) => caller.profiles.setTier({ id, tier: 'gold' }));
        },
        { tiers: [{ handle: 'silver', name: 'Silver', rank: 1 }] },
        'tiers.1',
      ],
      [
        'a status',
        async ({ caller }) => {
          await caller.profiles.create({ firstName: 'A', statuses: ['staff', 'media'] });
          await caller.profiles.create({ firstName: 'B', statuses: ['staff'] });
        },
        { statuses: [{ handle: 'media', name: 'Media' }] },
        'statuses.1',
      ],
      [
        'a location',
        async ({ caller }) => {
          await caller.profiles.create({
            firstName: 'A',
            preferredLocation: 'store-2',
            joinedLocation: 'store-2',
          });
          await caller.profiles.create({ firstName: 'B', joinedLocation: 'store-2' });
        },
        { locations: [{ name: 'Sydney', externalId: 'store-1' }] },
        // Listed by name: Auckland before Sydney.
        'locations.0',
      ],
      [
        'a currency',
        async ({ caller }) => {
          await caller.profiles.create({ firstName: 'A', currency: 'NZD' });
          await caller.profiles.create({ firstName: 'B', currency: 'NZD' });
        },
        { currencies: ['AUD'] },
        'currencies.1',
      ],
    ];

  for (const [name, giveToTwoProfiles, input, path] of removals) {
    it(`refuse to remove ${name} that two profiles hold, at its entry with the count, and write nothing`, async () => {
      const owner = await workspaceWithSettings();
      await giveToTwoProfiles(owner);
      const before = await owner.caller.workspaceSettings.get();
      const profilesBefore = await owner.caller.profiles.list({});

      expect(
        await refusalOf(owner.caller.workspaceSettings.update({ ...input, timeZone: 'Europe/Paris' })),
      ).toEqual({
        code: 'CONFLICT',
        domainCode: 'SETTING_IN_USE',
        paths: [path],
        details: { profileCount: 2 },
      });
      expect(await owner.caller.workspaceSettings.get()).toEqual(before);
      expect(await owner.caller.profiles.list({})).toEqual(profilesBefore);
    });
  }

  it('count a deleted profile as holding its values, and remove a value no profile holds', async () => {
    const owner = await workspaceWithSettings();
    const { caller } = owner;
    const profile = await caller.profiles.create({ firstName: 'Gone', statuses: ['staff'] });
    await caller.profiles.delete({ id: profile.id });
    expect(
      await refusalOf(caller.workspaceSettings.update({ statuses: [{ handle: 'media', name: 'Media' }] })),
    ).toMatchObject({ domainCode: 'SETTING_IN_USE', paths: ['statuses.1'], details: { profileCount: 1 } });

    await caller.profiles.purge({ id: profile.id });
    const saved = await caller.workspaceSettings.update({
      statuses: [{ handle: 'media', name: 'Media' }],
      tiers: [],
      currencies: [],
      locations: [],
    });
    expect(saved).toMatchObject({
      statuses: [{ handle: 'media' }],
      tiers: [],
      currencies: [],
      locations: [],
    });
  });

  it('answer the refusal over HTTP with its code, the path of the entry and the count', async () => {
    const owner = await workspaceWithSettings();
    const profile = await owner.caller.profiles.create({ firstName: 'Golden' });
    await owner.caller.profiles.setTier({ id: profile.id, tier: 'gold' });
    const response = await fetch(`${server.url}/trpc/workspaceSettings.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
      body: JSON.stringify({ json: { tiers: [{ handle: 'silver', name: 'Silver', rank: 1 }] } }),
    });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { json: { message: string; data: unknown } } };
    expect(body.error.json.data).toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
      domainCode: 'SETTING_IN_USE',
      details: { profileCount: 1 },
      issues: [{ path: 'tiers.1', message: body.error.json.message }],
    });
    expect(body.error.json.message).toContain('1 profile');
  });

  it('never leave a profile holding a tier or status that a concurrent save removed', async () => {
    const owner = await workspaceWithSettings();
    const { caller } = owner;
    const rounds = 12;
    for (let round = 0; round < rounds; round++) {
      await caller.workspaceSettings.update({
        statuses: [...settings.statuses, { handle: `s${round}`, name: `S ${round}` }],
        tiers: [...settings.tiers, { handle: `t${round}`, name: `T ${round}` }],
      });
      const profile = await caller.profiles.create({ firstName: `Racer ${round}` });
      const outcomes = await Promise.allSettled([
        caller.profiles.update({ id: profile.id, statuses: [`s${round}`] }),
        caller.profiles.setTier({ id: profile.id, tier: `t${round}` }),
        caller.workspaceSettings.update({ statuses: settings.statuses, tiers: settings.tiers }),
      ]);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          const { code } = (outcome.reason as TRPCError).cause as DomainError;
          expect(['SETTING_IN_USE', 'INVALID_FIELD']).toContain(code);
        }
      }
      const now = await caller.workspaceSettings.get();
      const held = await caller.profiles.get({ id: profile.id });
      for (const status of held.statuses) {
        expect(now.statuses.map((each) => each.handle)).toContain(status);
      }
      if (held.tier) expect(now.tiers.map((tier) => tier.handle)).toContain(held.tier.handle);
      // Clean up what this round's profile holds, for the next round to start from the settings.
      await caller.profiles.purge({ id: profile.id });
    }
  });
});
