import { workspaceScope } from '@tessera/db';
import { listAuditEntries } from '@tessera/db/audit';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of.ts';
import { memberOfRole } from '../testing/member-of-role.ts';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function organizations(owner: TestMember, ...names: string[]) {
  const created = [];
  for (const name of names) created.push(await owner.caller.organizations.create({ name }));
  return created;
}

async function membershipCount(owner: TestMember, profileId: string) {
  const { count } = await app.database.db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('workspace_id', '=', owner.member.workspaceId)
    .where('profile_id', '=', profileId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

describe('memberships', () => {
  it('link a profile to many organizations, each with attributes of its own, each change in its trail', async () => {
    const owner = await app.newWorkspace('master');
    const [acme, beta] = await organizations(owner, 'Acme', 'Beta');
    if (!acme || !beta) throw new Error('no organizations');
    const ada = await owner.caller.profiles.create({ firstName: 'Ada', email: 'ada@example.com' });

    const atAcme = await owner.caller.memberships.create({
      organizationId: acme.id,
      profileId: ada.id,
      attributes: { role: 'admin', seats: 3 },
    });
    expect(atAcme).toMatchObject({
      organizationId: acme.id,
      profileId: ada.id,
      isContact: false,
      isKeyContact: false,
      attributes: { role: 'admin', seats: 3 },
      organization: { id: acme.id, name: 'Acme' },
      profile: { id: ada.id, fullName: 'Ada', email: 'ada@example.com' },
    });
    await owner.caller.memberships.create({
      organizationId: beta.id,
      profileId: ada.id,
      isContact: true,
      attributes: { role: 'billing' },
    });

    const updated = await owner.caller.memberships.update({
      organizationId: acme.id,
      profileId: ada.id,
      isKeyContact: true,
      attributes: { seats: null, is_champion: true },
    });
    expect(updated).toMatchObject({
      isContact: false,
      isKeyContact: true,
      attributes: { role: 'admin', is_champion: true },
    });

    const ofAda = await owner.caller.memberships.list({ profileId: ada.id });
    expect(ofAda.items.map((item) => [item.organization.name, item.attributes.role])).toEqual([
      ['Acme', 'admin'],
      ['Beta', 'billing'],
    ]);

    await owner.caller.memberships.delete({ organizationId: beta.id, profileId: ada.id });
    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(owner.member.workspaceId),
      'profile',
      ada.id,
    );
    expect(trail.map((entry) => entry.action)).toEqual([
      'profile.create',
      'membership.create',
      'membership.create',
      'membership.update',
      'membership.delete',
    ]);
    expect(trail.at(-1)?.before).toMatchObject({ organizationId: beta.id, attributes: { role: 'billing' } });
  });

  it('refuse a second membership of a profile in one organization, and records that do not exist', async () => {
    const owner = await app.newWorkspace('master');
    const [acme] = await organizations(owner, 'Acme');
    if (!acme) throw new Error('no organization');
    const ada = await owner.caller.profiles.create({ firstName: 'Ada' });
    await owner.caller.memberships.create({ organizationId: acme.id, profileId: ada.id });
    expect(
      await failureOf(owner.caller.memberships.create({ organizationId: acme.id, profileId: ada.id })),
    ).toEqual({
      code: 'CONFLICT',
      domainCode: 'MEMBERSHIP_EXISTS',
      paths: ['profileId'],
    });
    expect(
      await failureOf(owner.caller.memberships.create({ organizationId: randomUUID(), profileId: ada.id })),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION_NOT_FOUND', paths: ['organizationId'] });
    expect(
      await failureOf(owner.caller.memberships.create({ organizationId: acme.id, profileId: randomUUID() })),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'PROFILE_NOT_FOUND', paths: ['profileId'] });
    expect(
      await failureOf(
        owner.caller.memberships.update({
          organizationId: acme.id,
          profileId: randomUUID(),
          isContact: true,
        }),
      ),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'MEMBERSHIP_NOT_FOUND', paths: ['profileId'] });

    const deleted = await owner.caller.profiles.create({ firstName: 'Gone' });
    await owner.caller.profiles.delete({ id: deleted.id });
    expect(
      await failureOf(owner.caller.memberships.create({ organizationId: acme.id, profileId: deleted.id })),
    ).toMatchObject({
      domainCode: 'PROFILE_DELETED',
      paths: ['profileId'],
    });
  });

  it('refuse attributes past 50 keys once merged, and keys that are not snake case', async () => {
    const owner = await app.newWorkspace('master');
    const [acme] = await organizations(owner, 'Acme');
    if (!acme) throw new Error('no organization');
    const ada = await owner.caller.profiles.create({ firstName: 'Ada' });
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`key_${index}`, index]));
    await owner.caller.memberships.create({ organizationId: acme.id, profileId: ada.id, attributes: fifty });
    expect(
      await failureOf(
        owner.caller.memberships.update({
          organizationId: acme.id,
          profileId: ada.id,
          attributes: { one_more: 1 },
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', domainCode: 'INVALID_FIELD', paths: ['attributes'] });
    expect(
      await failureOf(
        owner.caller.memberships.update({
          organizationId: acme.id,
          profileId: ada.id,
          attributes: { 'Not-Snake': 1 },
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('are changed by agents and above, and listed to every role', async () => {
    const owner = await app.newWorkspace('master');
    const [acme] = await organizations(owner, 'Acme');
    if (!acme) throw new Error('no organization');
    const ada = await owner.caller.profiles.create({ firstName: 'Ada' });
    const { caller: viewer } = await memberOfRole(app, owner, 'viewer');
    const { caller: agent } = await memberOfRole(app, owner, 'agent');
    expect(
      await failureOf(viewer.memberships.create({ organizationId: acme.id, profileId: ada.id })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    await agent.memberships.create({ organizationId: acme.id, profileId: ada.id });
    expect((await viewer.memberships.list({ organizationId: acme.id })).items).toHaveLength(1);
  });
});

describe('an organization’s contacts and members', () => {
  it('show contacts and key contacts among its contacts, and every member that is not deleted among its members', async () => {
    const owner = await app.newWorkspace('master');
    const [acme] = await organizations(owner, 'Acme');
    if (!acme) throw new Error('no organization');
    const add = async (firstName: string, flags: { isContact?: boolean; isKeyContact?: boolean }) => {
      const profile = await owner.caller.profiles.create({ firstName });
      await owner.caller.memberships.create({ organizationId: acme.id, profileId: profile.id, ...flags });
      return profile;
    };
    await add('Dora', { isContact: true });
    await add('Carl', {});
    await add('Bea', { isKeyContact: true });
    await add('Abe', { isContact: true, isKeyContact: true });
    const gone = await add('Eve', { isContact: true });
    await owner.caller.profiles.delete({ id: gone.id });

    const names = async (contactsOnly: boolean) =>
      (await owner.caller.memberships.list({ organizationId: acme.id, contactsOnly })).items.map(
        (item) => item.profile.fullName,
      );
    expect(await names(true)).toEqual(['Abe', 'Bea', 'Dora']);
    expect(await names(false)).toEqual(['Abe', 'Bea', 'Carl', 'Dora']);

    const first = await owner.caller.memberships.list({ organizationId: acme.id, limit: 3 });
    expect(first.items.map((item) => item.profile.fullName)).toEqual(['Abe', 'Bea', 'Carl']);
    const second = await owner.caller.memberships.list({
      organizationId: acme.id,
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(second).toMatchObject({ items: [{ profile: { fullName: 'Dora' } }], nextCursor: null });
  });
});

describe('a profile’s last membership', () => {
  it('is refused with LAST_MEMBERSHIP; any other membership goes', async () => {
    const owner = await app.newWorkspace('master');
    const [acme, beta] = await organizations(owner, 'Acme', 'Beta');
    if (!acme || !beta) throw new Error('no organizations');
    const { profile } = await owner.caller.organizations.createContact({
      organizationId: acme.id,
      firstName: 'Ada',
    });
    expect(
      await failureOf(owner.caller.memberships.delete({ organizationId: acme.id, profileId: profile.id })),
    ).toEqual({
      code: 'CONFLICT',
      domainCode: 'LAST_MEMBERSHIP',
      paths: ['organizationId'],
    });
    await owner.caller.memberships.create({ organizationId: beta.id, profileId: profile.id });
    await expect(
      owner.caller.memberships.delete({ organizationId: acme.id, profileId: profile.id }),
    ).resolves.toEqual({ organizationId: acme.id, profileId: profile.id });
    expect(await membershipCount(owner, profile.id)).toBe(1);
  });

  /**
   * Five times, a profile of two organizations and two removals at once that would each leave it
   * in none: one goes ahead, the other is refused with LAST_MEMBERSHIP, and one membership stays.
   */
  async function raceRemovals(
    removals: (
      owner: TestMember,
      organizations: { acme: string; beta: string },
      profileId: string,
    ) => [Promise<unknown>, Promise<unknown>],
  ) {
    const owner = await app.newWorkspace('master');
    for (let round = 0; round < 5; round++) {
      const [acme, beta] = await organizations(owner, `Acme ${round}`, `Beta ${round}`);
      if (!acme || !beta) throw new Error('no organizations');
      const { profile } = await owner.caller.organizations.createContact({
        organizationId: acme.id,
        firstName: `Ada ${round}`,
      });
      await owner.caller.memberships.create({ organizationId: beta.id, profileId: profile.id });
      const outcomes = await Promise.allSettled(
        removals(owner, { acme: acme.id, beta: beta.id }, profile.id),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refused?.reason).toMatchObject({ code: 'CONFLICT', cause: { code: 'LAST_MEMBERSHIP' } });
      expect(await membershipCount(owner, profile.id)).toBe(1);
    }
  }

  it('stays when two clients remove a profile’s last two memberships at once: one succeeds, one is refused', async () => {
    await raceRemovals((owner, { acme, beta }, profileId) => [
      owner.caller.memberships.delete({ organizationId: acme, profileId }),
      owner.caller.memberships.delete({ organizationId: beta, profileId }),
    ]);
  });

  it('stays when an organization is deleted while the profile’s other membership is removed', async () => {
    await raceRemovals((owner, { acme, beta }, profileId) => [
      owner.caller.organizations.delete({ id: acme }),
      owner.caller.memberships.delete({ organizationId: beta, profileId }),
    ]);
  });
});
