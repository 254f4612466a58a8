import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';
import { failureOf } from '../testing/failure-of.ts';
import { addMember } from '../testing/victim-workspace.ts';
import { createCaller } from '../router.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** How many rows of each table the workspace has: what a refused request must leave as it was. */
async function rowCounts(member: TestMember) {
  const counts: Record<string, number> = {};
  for (const table of [
    'profiles',
    'contact_points',
    'source_records',
    'source_record_identifiers',
    'profile_identities',
    'audit_entries',
  ] as const) {
    const { count } = await app.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('workspace_id', '=', member.member.workspaceId)
      .executeTakeFirstOrThrow();
    counts[table] = Number(count);
  }
  return counts;
}

async function callerOf(owner: TestMember, role: 'agent' | 'viewer') {
  const added = await addMember(app, owner.member.workspaceId, {
    role,
    email: `${role}@${owner.member.workspaceSlug}.test`,
    name: role,
  });
  const token = await app.deps.db
    .selectFrom('api_tokens')
    .select('id')
    .where('member_id', '=', added.id)
    .executeTakeFirstOrThrow();
  return createCaller(
    app.contextFor({
      member: { ...owner.member, id: added.id, email: added.email, role },
      sessionId: null,
      tokenId: token.id,
    }),
  );
}

describe('creating a source record by identifier query', () => {
  it('creates the record and an anonymous profile, then answers updated for the same query', async () => {
    const { caller } = await app.newWorkspace();
    const created = await caller.sourceRecords.upsert({
      identifierQuery: 'coolbikes:rider:email:Jane@Example.com',
      identifiers: [
        { type: 'external_id', value: '0987654321' },
        { type: 'phone_number', value: 12345678 },
      ],
      attributes: { favorite_color: 'red', height: '103cm' },
    });
    expect(created).toMatchObject({
      isCreated: true,
      source: 'coolbikes',
      type: 'rider',
      name: 'jane@example.com',
      identifiers: [
        { type: 'external_id', value: '0987654321' },
        { type: 'phone_number', value: '12345678' },
        { type: 'email', value: 'jane@example.com' },
      ],
      attributes: { favorite_color: 'red', height: '103cm' },
    });
    expect(created.id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    const profile = await caller.profiles.get({ id: created.profileId });
    expect(profile).toMatchObject({
      lifecycle: 'temporary',
      firstName: 'jane@example.com',
      email: 'jane@example.com',
    });

    const updated = await caller.sourceRecords.upsert({
      identifierQuery: 'coolbikes:rider:email:jane@example.com',
      name: 'Jane Smith',
      attributes: { favorite_color: 'blue' },
    });
    expect(updated).toMatchObject({
      isCreated: false,
      id: created.id,
      profileId: created.profileId,
      name: 'Jane Smith',
      identifiers: [{ type: 'email', value: 'jane@example.com' }],
      attributes: { favorite_color: 'blue' },
    });
    expect(await caller.sourceRecords.list({ profileId: created.profileId })).toHaveLength(1);
  });

  it('links the record to the profile an email, phone or standard identity already identifies', async () => {
    const { caller } = await app.newWorkspace();
    await caller.workspaceSettings.update({ defaultPhoneRegion: 'AU' });
    const byEmail = await caller.profiles.create({ firstName: 'Ada', email: 'ada@example.com' });
    const byPhone = await caller.profiles.create({ firstName: 'Grace', mobilePhone: '0412 555 000' });

    const viaGoogle = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:google:ADA@example.com',
    });
    expect(viaGoogle.profileId).toBe(byEmail.id);
    const viaPhone = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:phone_number:+61 412 555 000',
    });
    expect(viaPhone).toMatchObject({ profileId: byPhone.id, identifiers: [{ value: '+61412555000' }] });

    const first = await caller.sourceRecords.upsert({ identifierQuery: 'crm:lead:twitter:@Grace' });
    const second = await caller.sourceRecords.upsert({ identifierQuery: 'forum:member:twitter:@grace' });
    expect(second.profileId).toBe(first.profileId);
    const other = await caller.sourceRecords.upsert({ identifierQuery: 'forum:member:member_id:grace' });
    expect(other.profileId).not.toBe(first.profileId);
  });

  it('adds the emails and phones as contact points and every identifier as an identity', async () => {
    const { caller } = await app.newWorkspace();
    const profile = await caller.profiles.create({ firstName: 'Cora', email: 'cora@example.com' });
    await caller.sourceRecords.upsert({
      identifierQuery: 'crm:contact:email:cora@example.com',
      identifiers: [
        { type: 'email', value: 'cora@work.test' },
        { type: 'phone_number', value: '+61412555111' },
        { type: 'crm_id', value: 'C-1' },
      ],
    });
    const points = await caller.profiles.contactPoints.list({ profileId: profile.id });
    expect(points.map((point) => [point.key, point.value, point.isPrimary])).toEqual([
      ['email', 'cora@example.com', true],
      ['email', 'cora@work.test', false],
      ['phone', '+61412555111', true],
    ]);
    const { identities, externalId } = await caller.profiles.identities.list({ profileId: profile.id });
    expect(
      identities.map((identity) => [identity.handle, identity.type, identity.identifier, identity.isPrimary]),
    ).toEqual([
      ['crm', 'email', 'cora@work.test', true],
      ['crm', 'phone_number', '+61412555111', false],
      ['crm', 'crm_id', 'C-1', false],
      ['crm', 'email', 'cora@example.com', false],
    ]);
    expect(externalId).toBe('cora@work.test');
  });

  it('makes an external id the primary identity, and the profile external id, where the profile has none', async () => {
    const { caller } = await app.newWorkspace();
    const record = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:email:jo@example.com',
      identifiers: [{ type: 'external_id', value: 'JO-7' }],
    });
    const before = await caller.profiles.identities.list({ profileId: record.profileId });
    expect(before.externalId).toBe('JO-7');
    expect(await caller.profiles.get({ id: record.profileId })).toMatchObject({ externalId: 'JO-7' });

    const email = before.identities.find((identity) => identity.type === 'email');
    if (!email) throw new Error('no email identity');
    const after = await caller.profiles.identities.setPrimary({ profileId: record.profileId, id: email.id });
    expect(after.externalId).toBe('jo@example.com');
    expect(await caller.profiles.get({ id: record.profileId })).toMatchObject({
      externalId: 'jo@example.com',
    });
    expect(after.identities.filter((identity) => identity.isPrimary).map((identity) => identity.id)).toEqual([
      email.id,
    ]);

    await caller.sourceRecords.upsert({
      identifierQuery: 'erp:account:external_id:JO-8',
      identifiers: [{ type: 'email', value: 'jo@example.com' }],
    });
    expect((await caller.profiles.identities.list({ profileId: record.profileId })).externalId).toBe(
      'jo@example.com',
    );
    expect(
      await failureOf(caller.profiles.identities.setPrimary({ profileId: record.profileId, id: record.id })),
    ).toMatchObject({ code: 'NOT_FOUND', domainCode: 'IDENTITY_NOT_FOUND', paths: ['id'] });

    // Erasing the profile erases its identities with it.
    await caller.profiles.delete({ id: record.profileId });
    await caller.profiles.purge({ id: record.profileId });
    expect(await failureOf(caller.profiles.identities.list({ profileId: record.profileId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses identifiers of two different profiles and writes nothing', async () => {
    const owner = await app.newWorkspace();
    const { caller } = owner;
    await caller.profiles.create({ firstName: 'A', email: 'a@example.com' });
    const b = await caller.profiles.create({ firstName: 'B', email: 'b@example.com' });
    const before = await rowCounts(owner);

    for (const [identifierQuery, identifiers] of [
      ['shop:customer:email:a@example.com', [{ type: 'email', value: 'b@example.com' }]],
      [
        'shop:customer:sku:1',
        [
          { type: 'phone_number', value: '+61412555222' },
          { type: 'email', value: 'a@example.com' },
          { type: 'email', value: 'b@example.com' },
        ],
      ],
    ] as const) {
      expect(
        await failureOf(caller.sourceRecords.upsert({ identifierQuery, identifiers: [...identifiers] })),
      ).toMatchObject({
        code: 'CONFLICT',
        domainCode: 'SOURCE_RECORD_PROFILE_CONFLICT',
        paths: ['identifiers'],
      });
    }
    expect(await rowCounts(owner)).toEqual(before);

    const ofB = await caller.sourceRecords.upsert({ identifierQuery: 'shop:customer:email:b@example.com' });
    expect(
      await failureOf(
        caller.sourceRecords.update({ id: ofB.id, identifiers: [{ type: 'email', value: 'a@example.com' }] }),
      ),
    ).toMatchObject({ domainCode: 'SOURCE_RECORD_PROFILE_CONFLICT' });
    expect(
      await failureOf(
        caller.sourceRecords.patch({ id: ofB.id, identifiers: [{ type: 'email', value: 'a@example.com' }] }),
      ),
    ).toMatchObject({ domainCode: 'SOURCE_RECORD_PROFILE_CONFLICT' });
    expect(await caller.sourceRecords.get({ id: ofB.id })).toMatchObject({
      profileId: b.id,
      identifiers: [{ type: 'email', value: 'b@example.com' }],
    });
  });

  it('refuses the reserved sources zendesk and tessera, in any case, and writes nothing', async () => {
    const owner = await app.newWorkspace();
    const before = await rowCounts(owner);
    for (const source of ['zendesk', 'tessera', 'Zendesk', ' TESSERA ']) {
      expect(
        await failureOf(
          owner.caller.sourceRecords.upsert({ identifierQuery: `${source}:user:email:z@example.com` }),
        ),
      ).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'SOURCE_RESERVED', paths: ['identifierQuery'] });
    }
    expect(await rowCounts(owner)).toEqual(before);
  });

  it('refuses a malformed identifier query, saying what is wrong', async () => {
    const { caller } = await app.newWorkspace();
    for (const identifierQuery of ['shop:customer:email', 'shop::email:x', 'sh\\op:customer:email:x']) {
      expect(await failureOf(caller.sourceRecords.getByQuery({ identifierQuery }))).toMatchObject({
        code: 'BAD_REQUEST',
        domainCode: 'INVALID_IDENTIFIER_QUERY',
        paths: ['identifierQuery'],
      });
    }
  });

  it('creates a record for a given profile, and refuses one of another profile', async () => {
    const { caller } = await app.newWorkspace();
    const ada = await caller.profiles.create({ firstName: 'Ada' });
    const grace = await caller.profiles.create({ firstName: 'Grace' });
    const created = await caller.sourceRecords.upsertForProfile({
      profileId: ada.id,
      identifierQuery: 'gym:member:member_id:42',
    });
    expect(created).toMatchObject({ profileId: ada.id, isCreated: true, name: 'member_id user 42' });
    expect(
      await caller.sourceRecords.upsertForProfile({
        profileId: ada.id,
        identifierQuery: 'gym:member:member_id:42',
      }),
    ).toMatchObject({ id: created.id, isCreated: false });
    expect(
      await failureOf(
        caller.sourceRecords.upsertForProfile({
          profileId: grace.id,
          identifierQuery: 'gym:member:member_id:42',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'SOURCE_RECORD_PROFILE_CONFLICT' });
    expect(
      await failureOf(
        caller.sourceRecords.upsertForProfile({
          profileId: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60',
          identifierQuery: 'gym:member:member_id:43',
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', domainCode: 'PROFILE_NOT_FOUND' });
  });
});

describe('naming a record given no name, row by row of the reference table', () => {
  const rows: [string, { type: string; value: string }[], string][] = [
    ['email', [{ type: 'email', value: 'Row@Example.com' }], 'row@example.com'],
    ['external_id', [{ type: 'external_id', value: 'FooBar123' }], 'User FooBar123'],
    ['phone_number', [{ type: 'phone_number', value: '0411 555 666' }], 'User 0411 555 666'],
    ['twitter', [{ type: 'twitter', value: 'FooBar' }], 'Twitter user foobar'],
    ['facebook', [{ type: 'facebook', value: 'FooBar' }], 'Facebook user FooBar'],
    ['sdk', [{ type: 'sdk', value: 'FooBarSDK' }], 'SDK user FooBarSDK'],
    ['another type', [{ type: 'Shado', value: 'FooBar' }], 'Shado user FooBar'],
  ];
  for (const [row, identifiers, name] of rows) {
    it(`names it from ${row}`, async () => {
      const { caller } = await app.newWorkspace();
      const [first] = identifiers;
      if (!first) throw new Error('a row without identifiers');
      const record = await caller.sourceRecords.upsert({
        identifierQuery: `shop:customer:${first.type}:${first.value}`,
        identifiers: [...identifiers, { type: 'loyalty_id', value: 'L-1' }],
      });
      expect(record.name).toBe(name);
      expect((await caller.profiles.get({ id: record.profileId })).firstName).toBe(name);
    });
  }

  it('names it again from its identifiers when a patch removes its name', async () => {
    const { caller } = await app.newWorkspace();
    const record = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:sdk:S1',
      name: 'Given',
    });
    expect(record.name).toBe('Given');
    expect(await caller.sourceRecords.patch({ id: record.id, name: null })).toMatchObject({
      name: 'SDK user S1',
    });
  });
});

describe('changing a source record', () => {
  it('merges a patch into the attributes: null removes a key, objects merge, the rest stays', async () => {
    const { caller } = await app.newWorkspace();
    const record = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:email:m@example.com',
      attributes: { membership: 'gold', favorite_color: 'red', address: { city: 'Sydney', zip: '2000' } },
    });
    const patched = await caller.sourceRecords.patch({
      id: record.id,
      attributes: { membership: null, address: { zip: null, street: '1 George St' }, height: 103 },
    });
    expect(patched.attributes).toEqual({
      favorite_color: 'red',
      address: { city: 'Sydney', street: '1 George St' },
      height: 103,
    });
    expect((await caller.sourceRecords.get({ id: record.id })).attributes).toEqual(patched.attributes);

    const byQuery = await caller.sourceRecords.patchByQuery({
      identifierQuery: 'shop:customer:email:M@EXAMPLE.COM',
      identifiers: [{ type: 'loyalty_id', value: 'L-9' }],
      name: 'Mia',
    });
    expect(byQuery).toMatchObject({
      id: record.id,
      name: 'Mia',
      identifiers: [
        { type: 'email', value: 'm@example.com' },
        { type: 'loyalty_id', value: 'L-9' },
      ],
      attributes: patched.attributes,
    });
    expect((await caller.sourceRecords.patch({ id: record.id, attributes: null })).attributes).toEqual({});
  });

  it('replaces identifiers and attributes on a full update: what is left out is gone', async () => {
    const { caller } = await app.newWorkspace();
    const record = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:email:f@example.com',
      identifiers: [{ type: 'loyalty_id', value: 'L-1' }],
      name: 'F',
      attributes: { a: 1, b: 2 },
    });
    const updated = await caller.sourceRecords.update({
      id: record.id,
      identifiers: [{ type: 'loyalty_id', value: 'L-2' }],
      attributes: { c: 3 },
    });
    expect(updated).toMatchObject({
      name: 'loyalty_id user L-2',
      identifiers: [{ type: 'loyalty_id', value: 'L-2' }],
      attributes: { c: 3 },
      profileId: record.profileId,
    });
    expect(
      await failureOf(
        caller.sourceRecords.getByQuery({ identifierQuery: 'shop:customer:email:f@example.com' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', domainCode: 'SOURCE_RECORD_NOT_FOUND', paths: ['identifierQuery'] });
    expect(
      (await caller.sourceRecords.getByQuery({ identifierQuery: 'shop:customer:loyalty_id:L-2' })).id,
    ).toBe(record.id);
  });

  it('refuses an identifier another record of the same source and type has', async () => {
    const { caller } = await app.newWorkspace();
    const first = await caller.sourceRecords.upsert({ identifierQuery: 'shop:customer:loyalty_id:L-1' });
    const second = await caller.sourceRecords.upsert({ identifierQuery: 'shop:customer:loyalty_id:L-2' });
    expect(
      await failureOf(
        caller.sourceRecords.patch({ id: second.id, identifiers: [{ type: 'loyalty_id', value: 'L-1' }] }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'SOURCE_RECORD_IDENTIFIER_TAKEN',
      paths: ['identifiers'],
    });
    const otherType = await caller.sourceRecords.upsert({ identifierQuery: 'shop:staff:loyalty_id:L-1' });
    expect(otherType.id).not.toBe(first.id);
  });

  it('removes one identifier, keeping the last', async () => {
    const { caller } = await app.newWorkspace();
    const record = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:email:r@example.com',
      identifiers: [{ type: 'loyalty_id', value: 'L-1' }],
    });
    const removed = await caller.sourceRecords.removeIdentifier({
      id: record.id,
      type: 'email',
      value: 'R@example.com',
    });
    expect(removed.identifiers).toEqual([{ type: 'loyalty_id', value: 'L-1' }]);
    expect(
      await failureOf(
        caller.sourceRecords.removeIdentifier({ id: record.id, type: 'email', value: 'r@example.com' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', domainCode: 'IDENTIFIER_NOT_FOUND' });
    expect(
      await failureOf(
        caller.sourceRecords.removeIdentifier({ id: record.id, type: 'loyalty_id', value: 'L-1' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_FIELD', paths: ['value'] });
  });

  it('deletes a record; the profile keeps its identities', async () => {
    const { caller } = await app.newWorkspace();
    const record = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:email:d@example.com',
    });
    expect(await caller.sourceRecords.delete({ id: record.id.toLowerCase() })).toEqual({ id: record.id });
    expect(await failureOf(caller.sourceRecords.get({ id: record.id }))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'SOURCE_RECORD_NOT_FOUND',
    });
    expect(await failureOf(caller.sourceRecords.delete({ id: record.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await caller.profiles.identities.list({ profileId: record.profileId })).identities).toHaveLength(
      1,
    );
    const again = await caller.sourceRecords.upsert({
      identifierQuery: 'other:customer:email:d@example.com',
    });
    expect(again.profileId).toBe(record.profileId);
  });

  it('refuses records of a deleted profile', async () => {
    const { caller } = await app.newWorkspace();
    const record = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:email:x@example.com',
    });
    await caller.profiles.delete({ id: record.profileId });
    expect(await failureOf(caller.sourceRecords.patch({ id: record.id, name: 'X' }))).toMatchObject({
      domainCode: 'PROFILE_DELETED',
    });
  });
});

describe('limits', () => {
  it('allow twenty identifiers per record and refuse more, counting the query’s', async () => {
    const { caller } = await app.newWorkspace();
    const identifiers = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ type: 'loyalty_id', value: `L-${index}` }));
    expect(
      await failureOf(
        caller.sourceRecords.upsert({ identifierQuery: 'shop:customer:sku:1', identifiers: identifiers(21) }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['identifiers'] });
    expect(
      await failureOf(
        caller.sourceRecords.upsert({ identifierQuery: 'shop:customer:sku:1', identifiers: identifiers(20) }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'IDENTIFIER_LIMIT_EXCEEDED', paths: ['identifiers'] });
    const record = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:loyalty_id:L-0',
      identifiers: identifiers(20),
    });
    expect(record.identifiers).toHaveLength(20);
    expect(
      await failureOf(
        caller.sourceRecords.patch({ id: record.id, identifiers: [{ type: 'sku', value: '1' }] }),
      ),
    ).toMatchObject({ domainCode: 'IDENTIFIER_LIMIT_EXCEEDED' });
  });

  it('allow twenty source records per profile by default, and what the workspace sets', async () => {
    const owner = await app.newWorkspace();
    const { caller } = owner;
    expect((await caller.workspaceSettings.get()).sourceRecordsPerProfileMax).toBe(20);
    const profile = await caller.profiles.create({ firstName: 'Many' });
    for (let index = 0; index < 20; index++) {
      await caller.sourceRecords.upsertForProfile({
        profileId: profile.id,
        identifierQuery: `s${index}:t:id:1`,
      });
    }
    const before = await rowCounts(owner);
    expect(
      await failureOf(
        caller.sourceRecords.upsertForProfile({ profileId: profile.id, identifierQuery: 's20:t:id:1' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'SOURCE_RECORD_LIMIT_EXCEEDED' });
    expect(await rowCounts(owner)).toEqual(before);
    expect(
      await caller.sourceRecords.upsertForProfile({ profileId: profile.id, identifierQuery: 's0:t:id:1' }),
    ).toMatchObject({ isCreated: false });

    await caller.workspaceSettings.update({ sourceRecordsPerProfileMax: 1 });
    const first = await caller.sourceRecords.upsert({ identifierQuery: 'a:t:email:one@example.com' });
    expect(
      await failureOf(caller.sourceRecords.upsert({ identifierQuery: 'b:t:email:one@example.com' })),
    ).toMatchObject({ domainCode: 'SOURCE_RECORD_LIMIT_EXCEEDED' });
    expect(await caller.sourceRecords.list({ profileId: first.profileId })).toHaveLength(1);
  });

  it('refuse an identifier query part or value longer than a record allows', async () => {
    const { caller } = await app.newWorkspace();
    expect(
      await failureOf(
        caller.sourceRecords.upsert({ identifierQuery: `${'s'.repeat(65)}:t:email:a@example.com` }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_IDENTIFIER_QUERY' });
    expect(
      await failureOf(
        caller.sourceRecords.upsert({
          identifierQuery: 'shop:t:id:1',
          identifiers: [{ type: 'note', value: 'v'.repeat(256) }],
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['identifiers.0.value'] });
  });
});

describe('permissions', () => {
  it('let agents write source records and viewers only read them', async () => {
    const owner = await app.newWorkspace();
    const agent = await callerOf(owner, 'agent');
    const viewer = await callerOf(owner, 'viewer');
    const record = await agent.sourceRecords.upsert({ identifierQuery: 'shop:customer:email:p@example.com' });
    expect(await viewer.sourceRecords.get({ id: record.id })).toMatchObject({ id: record.id });
    expect(await viewer.sourceRecords.list({ profileId: record.profileId })).toHaveLength(1);
    expect(await viewer.profiles.identities.list({ profileId: record.profileId })).toMatchObject({
      externalId: 'p@example.com',
    });
    for (const write of [
      viewer.sourceRecords.upsert({ identifierQuery: 'shop:customer:email:q@example.com' }),
      viewer.sourceRecords.patch({ id: record.id, name: 'X' }),
      viewer.sourceRecords.delete({ id: record.id }),
      viewer.profiles.identities.setPrimary({ profileId: record.profileId, id: record.id }),
    ]) {
      expect(await failureOf(write)).toMatchObject({ code: 'FORBIDDEN', domainCode: 'FORBIDDEN' });
    }
    expect(await agent.sourceRecords.delete({ id: record.id })).toEqual({ id: record.id });
  });
});
