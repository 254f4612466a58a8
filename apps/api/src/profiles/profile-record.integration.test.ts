import { workspaceScope } from '@tessera/db';
import { listAuditEntries } from '@tessera/db/audit';
import type { Role } from '@tessera/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../router.ts';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';
import { failureOf } from '../testing/failure-of.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** 29 November 2026, 20:00 in UTC: already 30 November in Sydney. */
const now = new Date('2026-11-29T20:00:00Z');

function callerAt(member: TestMember, at: Date = now) {
  return createCaller({
    ...app.contextFor({ member: member.member, sessionId: null, tokenId: null }),
    clock: { now: () => at },
  });
}

async function workspaceWithSettings(role: Role = 'master') {
  const owner = role === 'master' ? await app.newWorkspace() : await app.newWorkspace(role);
  await callerAt(owner).workspaceSettings.update({
    defaultPhoneRegion: 'au',
    timeZone: 'Australia/Sydney',
    currencies: ['AUD', 'NZD'],
    locations: [
      { name: 'Sydney', externalId: 'store-1' },
      { name: 'Auckland', externalId: 'store-2' },
    ],
    statuses: [
      { handle: 'staff', name: 'Staff' },
      { handle: 'media', name: 'Media' },
    ],
    tiers: [{ handle: 'gold', name: 'Gold', rank: 2 }],
  });
  return owner;
}

describe('the full customer record', () => {
  it('stores every field and reads back the derived values', async () => {
    const owner = await workspaceWithSettings();
    const caller = callerAt(owner);
    const profile = await caller.profiles.create({
      title: 'Dr',
      firstName: 'Mary',
      middleName: 'Jane',
      lastName: 'Smith',
      email: 'mary@example.com',
      mobilePhone: '0412 323 123',
      secondaryPhone: '+64 21 123 4567',
      gender: 'female',
      birthYear: 1990,
      birthMonth: 12,
      birthDay: 25,
      countryNumericCode: '036',
      currency: 'aud',
      joinedAt: new Date('2020-01-02T03:04:05Z'),
      company: 'Acme',
      occupation: 'Engineer',
      avatarUrl: 'https://example.com/mary.png',
      preferredLocation: 'store-1',
      tags: [' blue ', 'green', 'Blue'],
      statuses: ['staff'],
      addresses: [
        { line1: '1 George St', city: 'Sydney' },
        { line1: '2 Queen St', isDefault: true },
      ],
      lifecycle: 'pending',
      integrationUuid: 'crm-42',
    });
    expect(profile).toMatchObject({
      fullName: 'Mary Jane Smith',
      mobilePhone: {
        e164: '+61412323123',
        callingCode: 61,
        national: '412323123',
        nationalWithPrefix: '0412323123',
      },
      secondaryPhone: { e164: '+64211234567', callingCode: 64 },
      birthDate: '1990-12-25',
      // 30 November in Sydney: 25 days to go, and this year's birthday is still ahead.
      nextBirthday: '2026-12-25',
      daysUntilBirthday: 25,
      daysSinceBirthday: null,
      country: { numericCode: '036', alpha2Code: 'AU', alpha3Code: 'AUS', regionCode: '053' },
      currency: 'AUD',
      preferredLocation: { name: 'Sydney', externalId: 'store-1' },
      joinedLocation: null,
      tier: null,
      tags: ['blue', 'green'],
      statuses: ['staff'],
      address: { line1: '2 Queen St', isDefault: true },
      lifecycle: 'pending',
      enabled: true,
      integrationUuid: 'crm-42',
    });
    expect(profile.addresses.map((address) => address.isDefault)).toEqual([false, true]);
    expect(await caller.profiles.get({ id: profile.id })).toEqual(profile);
  });

  it('keeps 29 February for leap years and celebrates it on 28 February otherwise', async () => {
    const owner = await workspaceWithSettings();
    const caller = callerAt(owner, new Date('2027-02-01T00:00:00Z'));
    expect(
      await failureOf(
        caller.profiles.create({ firstName: 'Leap', birthYear: 2023, birthMonth: 2, birthDay: 29 }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['birthDay'] });
    const leapling = await caller.profiles.create({
      firstName: 'Leap',
      birthYear: 2024,
      birthMonth: 2,
      birthDay: 29,
    });
    expect(leapling).toMatchObject({
      birthDate: '2024-02-29',
      nextBirthday: '2027-02-28',
      daysUntilBirthday: 27,
    });
  });

  it('reads a number without a country code in the workspace region and refuses one that is not valid', async () => {
    const owner = await workspaceWithSettings();
    const caller = callerAt(owner);
    expect(await failureOf(caller.profiles.create({ firstName: 'P', mobilePhone: '12345' }))).toMatchObject({
      code: 'BAD_REQUEST',
      domainCode: 'INVALID_FIELD',
      paths: ['mobilePhone'],
    });
    const bare = await app.newWorkspace();
    expect(
      await failureOf(callerAt(bare).profiles.create({ firstName: 'P', mobilePhone: '0412 323 123' })),
    ).toMatchObject({ domainCode: 'INVALID_FIELD', paths: ['mobilePhone'] });
    expect(
      (await callerAt(bare).profiles.create({ firstName: 'P', mobilePhone: '+61412323123' })).mobilePhone,
    ).toMatchObject({ e164: '+61412323123' });
  });

  it('refuses a country that does not exist, a currency, location or status the workspace lacks', async () => {
    const owner = await workspaceWithSettings();
    const caller = callerAt(owner);
    const cases: [Parameters<typeof caller.profiles.create>[0], string][] = [
      [{ firstName: 'C', countryNumericCode: '999' }, 'countryNumericCode'],
      [{ firstName: 'C', currency: 'USD' }, 'currency'],
      [{ firstName: 'C', preferredLocation: 'store-9' }, 'preferredLocation'],
      [{ firstName: 'C', statuses: ['staff', 'royalty'] }, 'statuses.1'],
      [{ firstName: 'C', birthYear: 2027 }, 'birthYear'],
      [{ firstName: 'C', avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
    ];
    for (const [input, path] of cases) {
      expect({ path, ...(await failureOf(caller.profiles.create(input))) }).toMatchObject({
        code: 'BAD_REQUEST',
        paths: [path],
      });
    }
  });

  it('gives a mobile phone and an integration uuid to one profile only', async () => {
    const owner = await workspaceWithSettings();
    const caller = callerAt(owner);
    await caller.profiles.create({ firstName: 'A', mobilePhone: '0412 000 111', integrationUuid: 'x-1' });
    expect(
      await failureOf(caller.profiles.create({ firstName: 'B', mobilePhone: '+61412000111' })),
    ).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'PROFILE_PHONE_TAKEN',
      paths: ['mobilePhone'],
    });
    expect(await failureOf(caller.profiles.create({ firstName: 'B', integrationUuid: 'x-1' }))).toMatchObject(
      {
        domainCode: 'PROFILE_INTEGRATION_UUID_TAKEN',
        paths: ['integrationUuid'],
      },
    );
  });

  it('lets an admin set a tier by handle, expanded on read, and no agent', async () => {
    const owner = await workspaceWithSettings();
    const caller = callerAt(owner);
    const profile = await caller.profiles.create({ firstName: 'T' });
    expect(await caller.profiles.setTier({ id: profile.id, tier: 'gold' })).toMatchObject({
      tier: { handle: 'gold', name: 'Gold', rank: 2 },
      version: 2,
    });
    expect((await caller.profiles.setTier({ id: profile.id, tier: null })).tier).toBeNull();
    expect(await failureOf(caller.profiles.setTier({ id: profile.id, tier: 'platinum' }))).toMatchObject({
      paths: ['tier'],
    });
    const agent = await app.newWorkspace('agent');
    expect(await failureOf(callerAt(agent).profiles.setTier({ id: profile.id, tier: null }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('deletes, restores to the lifecycle it had, and purges for good, freeing its email and phone', async () => {
    const owner = await workspaceWithSettings();
    const caller = callerAt(owner);
    const profile = await caller.profiles.create({
      firstName: 'Gone',
      email: 'gone@example.com',
      mobilePhone: '0412 999 888',
      lifecycle: 'pending',
    });
    await caller.profiles.delete({ id: profile.id });
    expect(await failureOf(caller.profiles.update({ id: profile.id, firstName: 'X' }))).toMatchObject({
      domainCode: 'PROFILE_DELETED',
    });
    expect(
      await failureOf(caller.profiles.upsert({ email: 'gone@example.com', firstName: 'X' })),
    ).toMatchObject({
      domainCode: 'PROFILE_DELETED',
      paths: ['email'],
    });
    expect(await caller.profiles.get({ id: profile.id })).toMatchObject({ firstName: 'Gone', version: 2 });
    expect(
      await failureOf(caller.profiles.create({ firstName: 'Copy', email: 'gone@example.com' })),
    ).toMatchObject({
      domainCode: 'PROFILE_EMAIL_TAKEN',
    });
    expect(await caller.profiles.restore({ id: profile.id })).toMatchObject({
      lifecycle: 'pending',
      version: 3,
    });
    expect(await failureOf(caller.profiles.restore({ id: profile.id }))).toMatchObject({
      domainCode: 'PROFILE_NOT_DELETED',
    });

    expect(await caller.profiles.purge({ id: profile.id })).toEqual({ id: profile.id });
    expect(await failureOf(caller.profiles.get({ id: profile.id }))).toMatchObject({
      domainCode: 'PROFILE_NOT_FOUND',
    });
    const again = await caller.profiles.create({
      firstName: 'Again',
      email: 'gone@example.com',
      mobilePhone: '0412 999 888',
    });
    expect(again.email).toBe('gone@example.com');
    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(owner.member.workspaceId),
      'profile',
      profile.id,
    );
    const purge = trail.find((entry) => entry.action === 'profile.purge');
    expect(purge).toMatchObject({ before: null, after: null });
    expect(JSON.stringify(purge)).not.toContain('gone@example.com');
  });
});

describe('workspace settings', () => {
  it('are read by every member and changed only by admins and above, audited', async () => {
    const owner = await workspaceWithSettings();
    const settings = await callerAt(owner).workspaceSettings.get();
    expect(settings).toMatchObject({
      defaultPhoneRegion: 'AU',
      timeZone: 'Australia/Sydney',
      currencies: ['AUD', 'NZD'],
      statuses: [
        { handle: 'media', name: 'Media' },
        { handle: 'staff', name: 'Staff' },
      ],
      tiers: [{ handle: 'gold', rank: 2 }],
      version: 1,
    });
    expect(settings.locations.map((location) => location.externalId).sort()).toEqual(['store-1', 'store-2']);
    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(owner.member.workspaceId),
      'workspace_settings',
      owner.member.workspaceId,
    );
    expect(trail).toHaveLength(1);

    const agent = await app.newWorkspace('agent');
    expect(await failureOf(callerAt(agent).workspaceSettings.update({ timeZone: 'UTC' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await callerAt(agent).workspaceSettings.get()).toMatchObject({ timeZone: 'UTC', version: 0 });
  });

  it('keeps a status and a location that profiles hold, refusing to remove them', async () => {
    const owner = await workspaceWithSettings();
    const caller = callerAt(owner);
    const profile = await caller.profiles.create({
      firstName: 'S',
      statuses: ['staff', 'media'],
      preferredLocation: 'store-2',
    });
    const settings = await caller.workspaceSettings.get();
    expect(
      await failureOf(caller.workspaceSettings.update({ statuses: [{ handle: 'media', name: 'Media' }] })),
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'SETTING_IN_USE', paths: ['statuses.1'] });
    expect(
      await failureOf(
        caller.workspaceSettings.update({
          locations: settings.locations.filter((location) => location.externalId === 'store-1'),
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'SETTING_IN_USE', paths: ['locations.0'] });
    expect(await caller.profiles.get({ id: profile.id })).toMatchObject({
      statuses: ['staff', 'media'],
      preferredLocation: { externalId: 'store-2' },
    });
  });

  it('refuses a region, time zone or currency that does not exist, at the field', async () => {
    const owner = await app.newWorkspace();
    const caller = callerAt(owner);
    const cases: [Parameters<typeof caller.workspaceSettings.update>[0], string][] = [
      [{ defaultPhoneRegion: 'ZZ' }, 'defaultPhoneRegion'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ currencies: ['AUD', 'XYZ'] }, 'currencies.1'],
      [
        {
          statuses: [
            { handle: 'a', name: 'A' },
            { handle: 'a', name: 'B' },
          ],
        },
        'statuses.1.handle',
      ],
    ];
    for (const [input, path] of cases) {
      expect(await failureOf(caller.workspaceSettings.update(input))).toMatchObject({
        code: 'BAD_REQUEST',
        paths: [path],
      });
    }
  });
});
