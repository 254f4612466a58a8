import { workspaceScope } from '@tessera/db';
import { randomUUID } from 'node:crypto';
import { listAuditEntries } from '@tessera/db/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of.ts';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function people(owner: TestMember, ...names: string[]) {
  return Promise.all(names.map((firstName) => owner.caller.profiles.create({ firstName })));
}

describe('relationships', () => {
  it('are defined, read, changed and deleted with their links, each change audited', async () => {
    const owner = await app.newWorkspace('master');
    const relationship = await owner.caller.relationships.create({
      slug: 'referred-by',
      name: 'Referred by',
      sourceKind: 'contacts',
      targetKind: 'contacts',
      cardinality: 'many_to_one',
    });
    expect(relationship).toMatchObject({ targetProfileTypeId: null, cardinality: 'many_to_one' });
    expect(await owner.caller.relationships.list()).toEqual([relationship]);
    const [ada, grace] = await people(owner, 'Ada', 'Grace');
    if (!ada || !grace) throw new Error('no people');

    const link = await owner.caller.relationships.link({
      id: relationship.id,
      sourceId: ada.id,
      targetId: grace.id,
    });
    expect(link).toMatchObject({
      sourceKind: 'contacts',
      sourceId: ada.id,
      targetKind: 'contacts',
      targetId: grace.id,
    });
    await expect(
      owner.caller.relationships.link({ id: relationship.id, sourceId: ada.id, targetId: grace.id }),
    ).resolves.toEqual(link);
    expect(await owner.caller.relationships.links({ objectKind: 'contacts', recordId: grace.id })).toEqual([
      link,
    ]);
    expect(await owner.caller.relationships.links({ objectKind: 'contacts', recordId: ada.id })).toEqual([
      link,
    ]);

    expect(await owner.caller.relationships.update({ id: relationship.id, name: 'Referrer' })).toMatchObject({
      name: 'Referrer',
    });
    await owner.caller.relationships.unlink({ id: relationship.id, sourceId: ada.id, targetId: grace.id });
    expect(
      (
        await failureOf(
          owner.caller.relationships.unlink({ id: relationship.id, sourceId: ada.id, targetId: grace.id }),
        )
      ).domainCode,
    ).toBe('RELATIONSHIP_LINK_NOT_FOUND');
    await owner.caller.relationships.link({ id: relationship.id, sourceId: ada.id, targetId: grace.id });
    await owner.caller.relationships.delete({ id: relationship.id });
    expect(await owner.caller.relationships.links({ objectKind: 'contacts', recordId: ada.id })).toEqual([]);

    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(owner.member.workspaceId),
      'relationship',
      relationship.id,
    );
    expect(trail.map((entry) => entry.action)).toEqual([
      'relationship.create',
      'relationship.link',
      'relationship.link',
      'relationship.update',
      'relationship.unlink',
      'relationship.link',
      'relationship.delete',
    ]);
  });

  it('scoped to a profile type, link only to records that adopted it, and keep it while linked', async () => {
    const owner = await app.newWorkspace('master');
    const mentor = await owner.caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'mentor',
      title: 'Mentor',
    });
    const relationship = await owner.caller.relationships.create({
      slug: 'mentored-by',
      name: 'Mentored by',
      sourceKind: 'contacts',
      targetKind: 'contacts',
      cardinality: 'many_to_many',
      targetProfileTypeId: mentor.id,
    });
    const [ada, grace] = await people(owner, 'Ada', 'Grace');
    if (!ada || !grace) throw new Error('no people');
    const linking = { id: relationship.id, sourceId: ada.id, targetId: grace.id };

    expect(await failureOf(owner.caller.relationships.link(linking))).toEqual({
      code: 'CONFLICT',
      domainCode: 'RELATIONSHIP_TARGET_NOT_ADOPTED',
      paths: ['targetId'],
    });
    await owner.caller.profileTypes.attach({ id: mentor.id, recordId: grace.id });
    await expect(owner.caller.relationships.link(linking)).resolves.toMatchObject({ targetId: grace.id });

    expect(await failureOf(owner.caller.profileTypes.detach({ id: mentor.id, recordId: grace.id }))).toEqual({
      code: 'CONFLICT',
      domainCode: 'PROFILE_TYPE_IN_USE',
      paths: ['id'],
    });
    expect((await failureOf(owner.caller.profileTypes.delete({ id: mentor.id }))).domainCode).toBe(
      'PROFILE_TYPE_IN_USE',
    );
    await owner.caller.relationships.unlink(linking);
    await expect(
      owner.caller.profileTypes.detach({ id: mentor.id, recordId: grace.id }),
    ).resolves.toMatchObject({
      profileTypes: [],
    });
  });

  it('refuse a scope that is not a profile type of the target kind', async () => {
    const owner = await app.newWorkspace('master');
    const vendor = await owner.caller.profileTypes.create({
      objectKind: 'organizations',
      slug: 'vendor',
      title: 'Vendor',
    });
    expect(
      await failureOf(
        owner.caller.relationships.create({
          slug: 'supplied-by',
          name: 'Supplied by',
          sourceKind: 'contacts',
          targetKind: 'contacts',
          cardinality: 'many_to_one',
          targetProfileTypeId: vendor.id,
        }),
      ),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'PROFILE_TYPE_NOT_FOUND', paths: ['targetProfileTypeId'] });
  });

  it('keep to their cardinality, and refuse a new cardinality that their links exceed', async () => {
    const owner = await app.newWorkspace('master');
    const relationship = await owner.caller.relationships.create({
      slug: 'spouse',
      name: 'Spouse',
      sourceKind: 'contacts',
      targetKind: 'contacts',
      cardinality: 'one_to_one',
    });
    const [ada, grace, hedy] = await people(owner, 'Ada', 'Grace', 'Hedy');
    if (!ada || !grace || !hedy) throw new Error('no people');
    await owner.caller.relationships.link({ id: relationship.id, sourceId: ada.id, targetId: grace.id });
    for (const [sourceId, targetId] of [
      [ada.id, hedy.id],
      [hedy.id, grace.id],
    ] as const) {
      expect(
        await failureOf(owner.caller.relationships.link({ id: relationship.id, sourceId, targetId })),
      ).toEqual({
        code: 'CONFLICT',
        domainCode: 'RELATIONSHIP_CARDINALITY_EXCEEDED',
        paths: ['cardinality'],
      });
    }
    await owner.caller.relationships.update({ id: relationship.id, cardinality: 'one_to_many' });
    await owner.caller.relationships.link({ id: relationship.id, sourceId: ada.id, targetId: hedy.id });
    expect(
      (
        await failureOf(
          owner.caller.relationships.update({ id: relationship.id, cardinality: 'many_to_one' }),
        )
      ).domainCode,
    ).toBe('RELATIONSHIP_CARDINALITY_EXCEEDED');
    expect(await owner.caller.relationships.get({ id: relationship.id })).toMatchObject({
      cardinality: 'one_to_many',
    });
  });

  it('refuse records that do not exist, on either side', async () => {
    const owner = await app.newWorkspace('master');
    const relationship = await owner.caller.relationships.create({
      slug: 'account-manager',
      name: 'Account manager',
      sourceKind: 'contacts',
      targetKind: 'users',
      cardinality: 'many_to_one',
    });
    const [ada] = await people(owner, 'Ada');
    if (!ada) throw new Error('no people');
    expect(
      await failureOf(
        owner.caller.relationships.link({ id: relationship.id, sourceId: ada.id, targetId: randomUUID() }),
      ),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'MEMBER_NOT_FOUND', paths: ['targetId'] });
    expect(
      await failureOf(
        owner.caller.relationships.link({
          id: relationship.id,
          sourceId: randomUUID(),
          targetId: owner.member.id,
        }),
      ),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'PROFILE_NOT_FOUND', paths: ['sourceId'] });
    await expect(
      owner.caller.relationships.link({ id: relationship.id, sourceId: ada.id, targetId: owner.member.id }),
    ).resolves.toMatchObject({ targetKind: 'users', targetId: owner.member.id });
  });
});
