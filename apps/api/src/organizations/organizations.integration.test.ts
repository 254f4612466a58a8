import { workspaceScope } from '@tessera/db';
import { listAuditEntries } from '@tessera/db/audit';
import { roles, type Role } from '@tessera/domain';
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

function trail(owner: TestMember, entityType: string, id: string) {
  return listAuditEntries(app.database.db, workspaceScope(owner.member.workspaceId), entityType, id);
}

async function countOf(owner: TestMember, table: 'profiles' | 'memberships' | 'organizations') {
  const { count } = await app.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('workspace_id', '=', owner.member.workspaceId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

describe('organizations', () => {
  it('are created, read, updated and deleted, each change audited', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({
      name: ' Acme ',
      externalId: 'ACC-1',
      domain: 'Acme.COM',
    });
    expect(acme).toMatchObject({
      name: 'Acme',
      externalId: 'ACC-1',
      domain: 'acme.com',
      profileTypes: [],
      attributes: {},
    });
    expect(await owner.caller.organizations.get({ id: acme.id })).toEqual(acme);

    const renamed = await owner.caller.organizations.update({ id: acme.id, name: 'Acme Inc.', domain: null });
    expect(renamed).toMatchObject({ name: 'Acme Inc.', externalId: 'ACC-1', domain: null });

    expect(await owner.caller.organizations.delete({ id: acme.id })).toEqual({ id: acme.id });
    expect(await failureOf(owner.caller.organizations.get({ id: acme.id }))).toEqual({
      code: 'NOT_FOUND',
      domainCode: 'ORGANIZATION_NOT_FOUND',
      paths: ['id'],
    });
    expect((await trail(owner, 'organization', acme.id)).map((entry) => [entry.action, entry.after])).toEqual(
      [
        ['organization.create', { name: 'Acme', externalId: 'ACC-1', domain: 'acme.com' }],
        ['organization.update', { name: 'Acme Inc.', externalId: 'ACC-1', domain: null }],
        ['organization.delete', null],
      ],
    );
  });

  it('refuse an external id another organization of the workspace has, and not one of another workspace', async () => {
    const owner = await app.newWorkspace('master');
    const other = await app.newWorkspace('master');
    await owner.caller.organizations.create({ name: 'Acme', externalId: 'ACC-1' });
    await expect(
      other.caller.organizations.create({ name: 'Acme', externalId: 'ACC-1' }),
    ).resolves.toBeDefined();
    expect(
      await failureOf(owner.caller.organizations.create({ name: 'Acme 2', externalId: 'ACC-1' })),
    ).toEqual({
      code: 'CONFLICT',
      domainCode: 'ORGANIZATION_EXTERNAL_ID_TAKEN',
      paths: ['externalId'],
    });
    const second = await owner.caller.organizations.create({ name: 'Beta' });
    expect(
      await failureOf(owner.caller.organizations.update({ id: second.id, externalId: 'ACC-1' })),
    ).toMatchObject({ domainCode: 'ORGANIZATION_EXTERNAL_ID_TAKEN', paths: ['externalId'] });
  });

  it('keep one organization per external id when 16 clients create it at once', async () => {
    const owner = await app.newWorkspace('master');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 16 }, (_, index) =>
        owner.caller.organizations.create({ name: `Racer ${index}`, externalId: 'RACE-1' }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect(outcome.reason).toMatchObject({ cause: { code: 'ORGANIZATION_EXTERNAL_ID_TAKEN' } });
      }
    }
    expect(await countOf(owner, 'organizations')).toBe(1);
  });

  it('are listed by name a page at a time, and searched by name, external id or domain', async () => {
    const owner = await app.newWorkspace('master');
    for (const [name, externalId, domain] of [
      ['beta Labs', 'B-7', 'beta.io'],
      ['Acme', 'ACC-1', 'acme.com'],
      ['Cobalt Mining', null, 'cobalt.example'],
      ['acme Europe', 'ACC-2', null],
    ] as const) {
      await owner.caller.organizations.create({ name, externalId, domain });
    }
    const first = await owner.caller.organizations.list({ limit: 3 });
    expect(first.items.map((item) => item.name)).toEqual(['Acme', 'acme Europe', 'beta Labs']);
    const second = await owner.caller.organizations.list({ limit: 3, cursor: first.nextCursor });
    expect(second).toMatchObject({ items: [{ name: 'Cobalt Mining' }], nextCursor: null });

    const names = async (q: string) =>
      (await owner.caller.organizations.list({ q })).items.map((item) => item.name);
    expect(await names('acme')).toEqual(['Acme', 'acme Europe']);
    expect(await names('EUROPE')).toEqual(['acme Europe']);
    expect(await names('acc-2')).toEqual(['acme Europe']);
    expect(await names('beta.io')).toEqual(['beta Labs']);
    expect(await names('min')).toEqual(['Cobalt Mining']);
    expect(await names('co')).toEqual(['Cobalt Mining', 'Acme']);
    expect(await names('zzz')).toEqual([]);
    expect(await names('50%_')).toEqual([]);
    expect(
      await failureOf(owner.caller.organizations.list({ q: 'acme', cursor: first.nextCursor })),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['q'] });
  });

  it('are read by every role, changed by agents and above, deleted by admins and above', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    const writers: readonly Role[] = ['master', 'super_admin', 'admin', 'agent'];
    const deleters: readonly Role[] = ['master', 'super_admin', 'admin'];
    for (const role of roles) {
      const { caller } = await memberOfRole(app, owner, role);
      await expect(caller.organizations.get({ id: acme.id })).resolves.toMatchObject({ id: acme.id });
      const created = caller.organizations.create({ name: `By ${role}` });
      if (writers.includes(role)) {
        const organization = await created;
        const deleted = caller.organizations.delete({ id: organization.id });
        if (deleters.includes(role)) await expect(deleted).resolves.toEqual({ id: organization.id });
        else expect(await failureOf(deleted)).toMatchObject({ code: 'FORBIDDEN', domainCode: 'FORBIDDEN' });
      } else {
        expect(await failureOf(created)).toMatchObject({ code: 'FORBIDDEN', domainCode: 'FORBIDDEN' });
      }
    }
  });

  it('refuse to be deleted while some of their profiles belong to no other, saying how many', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    const beta = await owner.caller.organizations.create({ name: 'Beta' });
    const ada = await owner.caller.organizations.createContact({
      organizationId: acme.id,
      firstName: 'Ada',
    });
    const bob = await owner.caller.organizations.createContact({
      organizationId: acme.id,
      firstName: 'Bob',
    });
    await owner.caller.memberships.create({ organizationId: beta.id, profileId: bob.profile.id });

    expect(await failureOf(owner.caller.organizations.delete({ id: acme.id }))).toEqual({
      code: 'CONFLICT',
      domainCode: 'LAST_MEMBERSHIP',
      paths: ['id'],
    });
    const refusal = await owner.caller.organizations.delete({ id: acme.id }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ cause: { details: { id: acme.id, profileCount: 1 } } });

    await owner.caller.memberships.create({ organizationId: beta.id, profileId: ada.profile.id });
    await expect(owner.caller.organizations.delete({ id: acme.id })).resolves.toEqual({ id: acme.id });
    const left = await owner.caller.memberships.list({ organizationId: beta.id });
    expect(left.items.map((item) => item.profile.fullName)).toEqual(['Ada', 'Bob']);
    expect(await countOf(owner, 'profiles')).toBe(2);
  });
});

describe('organizations.createContact', () => {
  it('creates the profile and its membership as a contact, key contact when asked, both audited', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    const created = await owner.caller.organizations.createContact({
      organizationId: acme.id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@acme.com',
      isKeyContact: true,
      membershipAttributes: { role: 'admin' },
    });
    expect(created.profile).toMatchObject({ fullName: 'Ada Lovelace', email: 'ada@acme.com' });
    expect(created.membership).toMatchObject({
      organizationId: acme.id,
      profileId: created.profile.id,
      isContact: true,
      isKeyContact: true,
      attributes: { role: 'admin' },
      organization: { id: acme.id, name: 'Acme' },
      profile: { id: created.profile.id, fullName: 'Ada Lovelace', email: 'ada@acme.com' },
    });
    expect((await trail(owner, 'profile', created.profile.id)).map((entry) => entry.action)).toEqual([
      'profile.create',
      'membership.create',
    ]);
  });

  it('writes neither profile nor membership when the profile is refused, at its field', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    await owner.caller.organizations.createContact({
      organizationId: acme.id,
      firstName: 'Ada',
      email: 'ada@acme.com',
    });
    const before = [await countOf(owner, 'profiles'), await countOf(owner, 'memberships')];
    expect(
      await failureOf(
        owner.caller.organizations.createContact({
          organizationId: acme.id,
          firstName: 'Ada again',
          email: 'ada@acme.com',
        }),
      ),
    ).toEqual({ code: 'CONFLICT', domainCode: 'PROFILE_EMAIL_TAKEN', paths: ['email'] });
    expect(
      await failureOf(
        owner.caller.organizations.createContact({
          organizationId: acme.id,
          firstName: 'Bad phone',
          mobilePhone: 'not a phone',
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['mobilePhone'] });
    expect(
      await failureOf(
        owner.caller.organizations.createContact({
          organizationId: randomUUID(),
          firstName: 'Nobody',
        }),
      ),
    ).toMatchObject({ domainCode: 'ORGANIZATION_NOT_FOUND', paths: ['organizationId'] });
    expect([await countOf(owner, 'profiles'), await countOf(owner, 'memberships')]).toEqual(before);
  });

  it('is refused to viewers, who change nothing', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    const { caller } = await memberOfRole(app, owner, 'viewer');
    expect(
      await failureOf(caller.organizations.createContact({ organizationId: acme.id, firstName: 'A' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('organizations as records of profile types', () => {
  it('adopt profile types, hold checked attribute values, sit in workflows and link to profiles', async () => {
    const owner = await app.newWorkspace('master');
    const { caller } = owner;
    await caller.attributeDefinitions.create({
      objectKind: 'organizations',
      slug: 'seats',
      label: 'Seats',
      dataType: 'integer',
      min: 1,
      isRequired: true,
    });
    const onboarding = await caller.workflows.create({
      objectKind: 'organizations',
      slug: 'onboarding',
      name: 'Onboarding',
      stages: [
        { slug: 'kickoff', name: 'Kickoff' },
        { slug: 'live', name: 'Live' },
      ],
    });
    const customer = await caller.profileTypes.create({
      objectKind: 'organizations',
      slug: 'customer',
      title: 'Customer',
      attributes: ['seats'],
      defaultValues: { seats: 5 },
      defaultWorkflowId: onboarding.id,
    });
    const acme = await caller.organizations.create({ name: 'Acme' });

    const adopted = await caller.profileTypes.attach({ id: customer.id, recordId: acme.id });
    expect(adopted).toMatchObject({
      objectKind: 'organizations',
      recordId: acme.id,
      attributes: { seats: 5 },
    });
    expect(
      await failureOf(
        caller.attributeValues.set({
          objectKind: 'organizations',
          recordId: acme.id,
          attributes: { seats: 0 },
        }),
      ),
    ).toMatchObject({ domainCode: 'INVALID_ATTRIBUTE_VALUE', paths: ['attributes.seats'] });
    await caller.attributeValues.set({
      objectKind: 'organizations',
      recordId: acme.id,
      attributes: { seats: 12 },
    });
    expect(await caller.organizations.get({ id: acme.id })).toMatchObject({
      profileTypes: [{ id: customer.id, slug: 'customer', title: 'Customer' }],
      attributes: { seats: 12 },
    });
    expect(await caller.profileTypes.listAdopters({ id: customer.id })).toMatchObject({
      items: [{ recordId: acme.id, name: 'Acme' }],
    });

    const [kickoff, live] = onboarding.stages;
    expect(
      await caller.workflows.recordStages({ objectKind: 'organizations', recordId: acme.id }),
    ).toMatchObject([{ workflowId: onboarding.id, stageId: kickoff?.id }]);
    await caller.workflows.moveRecord({ id: onboarding.id, recordId: acme.id, stageId: live?.id ?? '' });

    const worksAt = await caller.relationships.create({
      slug: 'works-at',
      name: 'Works at',
      sourceKind: 'contacts',
      targetKind: 'organizations',
      cardinality: 'many_to_one',
      targetProfileTypeId: customer.id,
    });
    const ada = await caller.profiles.create({ firstName: 'Ada' });
    await caller.relationships.link({ id: worksAt.id, sourceId: ada.id, targetId: acme.id });
    expect(
      await caller.relationships.links({ objectKind: 'organizations', recordId: acme.id }),
    ).toMatchObject([
      { relationshipId: worksAt.id, sourceId: ada.id, targetKind: 'organizations', targetId: acme.id },
    ]);
    expect(
      await failureOf(
        caller.relationships.link({ id: worksAt.id, sourceId: ada.id, targetId: randomUUID() }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', paths: ['targetId'] });
    expect((await trail(owner, 'organization', acme.id)).map((entry) => entry.action)).toEqual([
      'organization.create',
      'workflow.move',
      'profile_type.attach',
      'attribute_values.set',
      'workflow.move',
    ]);

    await caller.relationships.unlink({ id: worksAt.id, sourceId: ada.id, targetId: acme.id });
    await caller.organizations.delete({ id: acme.id });
    expect(await caller.profileTypes.listAdopters({ id: customer.id })).toMatchObject({ items: [] });
  });

  it('keep their attributes and profile types to members whose role may read and change organizations', async () => {
    const owner = await app.newWorkspace('master');
    const type = await owner.caller.profileTypes.create({
      objectKind: 'organizations',
      slug: 'vendor',
      title: 'V',
    });
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    const { caller: viewer } = await memberOfRole(app, owner, 'viewer');
    const { caller: agent } = await memberOfRole(app, owner, 'agent');
    await expect(
      viewer.attributeValues.get({ objectKind: 'organizations', recordId: acme.id }),
    ).resolves.toBeDefined();
    expect(await failureOf(viewer.profileTypes.attach({ id: type.id, recordId: acme.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(agent.profileTypes.attach({ id: type.id, recordId: acme.id })).resolves.toMatchObject({
      profileTypes: [{ id: type.id }],
    });
  });
});
