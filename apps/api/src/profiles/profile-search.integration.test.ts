import { randomUUID } from 'node:crypto';
import type { ProfileSortKey, ProfileView } from '@tessera/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';
import { failureOf } from '../testing/failure-of.ts';

let app: TestApp;
let owner: TestMember;

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.newWorkspace();
  await owner.caller.workspaceSettings.update({ defaultPhoneRegion: 'AU' });
});
afterAll(() => app.close());

const ids = (profiles: { id: string }[]) => profiles.map((profile) => profile.id);

async function search(member: TestMember, q: string) {
  return (await member.caller.profiles.list({ q, limit: 100 })).items;
}

describe('searching profiles', () => {
  it('finds a full name typed with one space between its words, in either order', async () => {
    const ada = await owner.caller.profiles.create({ firstName: 'Ada', lastName: 'Lovelace' });
    const countess = await owner.caller.profiles.create({
      firstName: 'Augusta',
      middleName: 'Ada',
      lastName: 'King',
    });
    expect(ids(await search(owner, 'Ada Lovelace'))).toEqual([ada.id]);
    expect(ids(await search(owner, '  lovelace   ADA '))).toEqual([ada.id]);
    expect(ids(await search(owner, 'Augusta Ada King'))).toEqual([countess.id]);
    expect(ids(await search(owner, 'ada king'))).toEqual([countess.id]);
  });

  it('finds a profile by its external id and by the identifier of any of its identities', async () => {
    const record = await owner.caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:external_id:CUST-7781',
      identifiers: [{ type: 'twitter', value: 'grace_h' }],
    });
    await owner.caller.sourceRecords.upsertForProfile({
      profileId: record.profileId,
      identifierQuery: 'crm:contact:sdk:device-5521-aa',
    });
    const profile = await owner.caller.profiles.get({ id: record.profileId });
    expect(profile.externalId).toBe('CUST-7781');
    for (const term of ['CUST-7781', 'cust-77', 'grace_h', 'device-5521']) {
      expect(ids(await search(owner, term)), term).toEqual([record.profileId]);
    }
    expect((await search(owner, 'cust-7781'))[0]?.id).toBe(record.profileId);
  });

  it('finds a profile by every email and phone it has, and forgets one that is removed', async () => {
    const profile = await owner.caller.profiles.create({
      firstName: 'Edsger',
      email: 'edsger@example.com',
      mobilePhone: '+61 412 323 123',
    });
    const second = await owner.caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'email',
      value: 'ewd@archive.example',
    });
    await owner.caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'phone',
      value: '0298 765 432',
    });
    expect(ids(await search(owner, 'ewd@archive'))).toEqual([profile.id]);
    expect(ids(await search(owner, 'edsger@example.com'))).toEqual([profile.id]);
    expect(ids(await search(owner, '0412 323 123'))).toEqual([profile.id]);
    expect(ids(await search(owner, '(02) 9876 5432'))).toEqual([profile.id]);
    expect(ids(await search(owner, '+61298765432'))).toEqual([profile.id]);

    await owner.caller.profiles.contactPoints.delete({ profileId: profile.id, id: second.id });
    expect(await search(owner, 'ewd@archive')).toEqual([]);
    const moved = await owner.caller.profiles.update({ id: profile.id, email: 'dijkstra@example.com' });
    expect(ids(await search(owner, 'dijkstra@example'))).toEqual([moved.id]);
    expect(await search(owner, 'edsger@example')).toEqual([]);
  });

  it('reads a phone typed in national form in the workspace’s region only', async () => {
    const other = await app.newWorkspace();
    await other.caller.workspaceSettings.update({ defaultPhoneRegion: 'NZ' });
    await other.caller.profiles.create({ firstName: 'Kiwi', mobilePhone: '+61 412 555 777' });
    expect(await search(other, '0412 555 777')).toEqual([]);
    expect(await search(other, '+61 412 555 777')).toHaveLength(1);
  });
});

describe('getting a profile by email', () => {
  it('finds it by any of its emails, not only the primary one', async () => {
    const profile = await owner.caller.profiles.create({
      firstName: 'Barbara',
      email: 'barbara@example.com',
    });
    await owner.caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'email',
      value: 'liskov@mit.example',
    });
    expect((await owner.caller.profiles.getByEmail({ email: 'Liskov@MIT.example' })).id).toBe(profile.id);
    expect((await owner.caller.profiles.getByEmail({ email: 'barbara@example.com' })).id).toBe(profile.id);
    expect(await failureOf(owner.caller.profiles.getByEmail({ email: 'nobody@mit.example' }))).toMatchObject({
      domainCode: 'PROFILE_NOT_FOUND',
    });
  });
});

describe('sorting by name', () => {
  const names = ['Zoe', 'Westley', 'Émile', 'bd', 'aaaa', 'Aaaa', 'émile'];
  const expected = ['aaaa', 'Aaaa', 'bd', 'Émile', 'émile', 'Westley', 'Zoe'];
  let sorter: TestMember;
  let made: ProfileView[];

  beforeAll(async () => {
    sorter = await app.newWorkspace();
    made = [];
    for (const name of names) {
      made.push(await sorter.caller.profiles.create({ firstName: name, middleName: name, lastName: name }));
    }
  });

  /** The names in order, ties (same name but for case or accents) broken by id. */
  function inOrder(order: 'asc' | 'desc'): string[] {
    const key = (name: string) => expected.findIndex((each) => each.toLowerCase() === name.toLowerCase());
    const sorted = [...made].sort(
      (one, other) => key(one.firstName) - key(other.firstName) || (one.id < other.id ? -1 : 1),
    );
    return ids(order === 'asc' ? sorted : sorted.reverse());
  }

  for (const sortBy of ['firstName', 'middleName', 'lastName', 'fullName'] satisfies ProfileSortKey[]) {
    for (const sortOrder of ['asc', 'desc'] as const) {
      it(`sorts ${sortBy} ${sortOrder} without regard to case or accents, page by page`, async () => {
        const seen: ProfileView[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: ProfileView[]; nextCursor: string | null } = await sorter.caller.profiles.list(
            {
              sortBy,
              sortOrder,
              limit: 2,
              cursor,
            },
          );
          seen.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        expect(ids(seen)).toEqual(inOrder(sortOrder));
        const firsts = seen.map((profile) => profile.firstName.normalize('NFD').replace(/\p{M}/gu, ''));
        expect(firsts.map((name) => name.toLowerCase())).toEqual(
          (sortOrder === 'asc' ? expected : [...expected].reverse()).map((name) =>
            name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
          ),
        );
      });
    }
  }

  it('pages organizations by name the same way', async () => {
    for (const name of names) await sorter.caller.organizations.create({ name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } =
        await sorter.caller.organizations.list({ limit: 2, cursor });
      seen.push(...page.items.map((organization) => organization.name));
      cursor = page.nextCursor;
    } while (cursor);
    const plain = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    expect(seen.map(plain)).toEqual(expected.map(plain));
  });
});

describe('segments', () => {
  let segmenter: TestMember;
  let members: ProfileView[];
  let typeId: string;
  let acme: string;

  beforeAll(async () => {
    segmenter = await app.newWorkspace('master');
    const { caller } = segmenter;
    members = [];
    for (const [index, name] of ['Nia', 'Omar', 'Pia', 'Quinn', 'Rhea', 'Sol'].entries()) {
      members.push(
        await caller.profiles.create({ firstName: name, tags: index % 2 === 0 ? ['even'] : ['odd'] }),
      );
    }
    typeId = (await caller.profileTypes.create({ objectKind: 'contacts', slug: 'vip', title: 'VIP' })).id;
    acme = (await caller.organizations.create({ name: 'Acme' })).id;
    const globex = (await caller.organizations.create({ name: 'Globex' })).id;
    for (const profile of members.slice(0, 4)) {
      await caller.profileTypes.attach({ id: typeId, recordId: profile.id });
    }
    for (const profile of members.slice(2)) {
      await caller.memberships.create({ organizationId: acme, profileId: profile.id });
    }
    await caller.memberships.create({ organizationId: globex, profileId: members[0]?.id ?? '' });
  });

  async function everyPage(input: Parameters<TestMember['caller']['profiles']['list']>[0]) {
    const seen: ProfileView[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ProfileView[]; nextCursor: string | null } = await segmenter.caller.profiles.list({
        ...input,
        limit: 1,
        cursor,
      });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it('lists the profiles that adopted a profile type, with the other filters, sorts and cursors', async () => {
    expect(
      ids(await everyPage({ sortBy: 'firstName', sortOrder: 'asc', filter: { profileTypeId: typeId } })),
    ).toEqual(ids(members.slice(0, 4)));
    expect(
      ids(
        await everyPage({
          sortBy: 'firstName',
          sortOrder: 'desc',
          filter: { profileTypeId: typeId, tag: 'even' },
        }),
      ),
    ).toEqual(ids([members[2], members[0]] as ProfileView[]));
  });

  it('lists the members of an organization, with the other filters, sorts and cursors', async () => {
    expect(
      ids(await everyPage({ sortBy: 'firstName', sortOrder: 'asc', filter: { organizationId: acme } })),
    ).toEqual(ids(members.slice(2)));
    expect(
      ids(
        await everyPage({
          sortBy: 'createdAt',
          sortOrder: 'asc',
          filter: { organizationId: acme, profileTypeId: typeId, tag: 'odd' },
        }),
      ),
    ).toEqual(ids([members[3]] as ProfileView[]));
    const found = await segmenter.caller.profiles.list({ q: 'pia', filter: { organizationId: acme } });
    expect(ids(found.items)).toEqual(ids([members[2]] as ProfileView[]));
  });

  it('lists nobody for a type or an organization that is unknown, of another kind or of another workspace', async () => {
    const list = async (filter: { profileTypeId?: string; organizationId?: string }) =>
      (await segmenter.caller.profiles.list({ filter })).items;
    const organizationsType = await segmenter.caller.profileTypes.create({
      objectKind: 'organizations',
      slug: 'partner',
      title: 'Partner',
    });
    await segmenter.caller.profileTypes.attach({ id: organizationsType.id, recordId: acme });
    const stranger = await app.newWorkspace();
    const theirs = await stranger.caller.organizations.create({ name: 'Theirs' });
    const theirProfile = await stranger.caller.profiles.create({ firstName: 'Theo' });
    await stranger.caller.memberships.create({ organizationId: theirs.id, profileId: theirProfile.id });

    expect(await list({ profileTypeId: randomUUID() })).toEqual([]);
    expect(await list({ profileTypeId: organizationsType.id })).toEqual([]);
    expect(await list({ organizationId: randomUUID() })).toEqual([]);
    expect(await list({ organizationId: theirs.id })).toEqual([]);
    expect(
      await failureOf(segmenter.caller.profiles.list({ filter: { organizationId: 'acme' } })),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['filter.organizationId'] });
  });
});
