import { profileSortKeys, type ProfileSortKey, type ProfileView } from '@tessera/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';
import { failureOf } from '../testing/failure-of.ts';

let app: TestApp;
let owner: TestMember;
let made: ProfileView[];

const firstNames = ['Ada', 'Grace', 'Alan', 'Ada', 'Edsger', 'Barbara', 'Ada', 'Ken', 'Linus', 'Grace'];
const lastNames = [
  'Lovelace',
  'Hopper',
  null,
  'Byron',
  'Dijkstra',
  'Liskov',
  null,
  'Thompson',
  'Torvalds',
  'Hopper',
];

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.newWorkspace();
  await owner.caller.workspaceSettings.update({
    defaultPhoneRegion: 'AU',
    statuses: [{ handle: 'staff', name: 'Staff' }],
  });
  made = [];
  for (const [index, firstName] of firstNames.entries()) {
    made.push(
      await owner.caller.profiles.create({
        firstName,
        middleName: index % 3 === 0 ? 'M' : null,
        lastName: lastNames[index] ?? null,
        email: `p${index}@example.com`,
        mobilePhone: `0412 000 ${String(100 + index)}`,
        tags: index % 2 === 0 ? ['even'] : ['odd'],
        statuses: index % 4 === 0 ? ['staff'] : [],
        enabled: index % 5 !== 0,
        countryNumericCode: index < 5 ? '036' : '554',
      }),
    );
  }
  // One later update, so that updatedAt orders differently from createdAt.
  made[1] = await owner.caller.profiles.update({ id: made[1]?.id ?? '', company: 'Navy' });
});
afterAll(() => app.close());

function sortValue(profile: ProfileView, key: ProfileSortKey): string | number {
  switch (key) {
    case 'createdAt':
      return profile.createdAt.getTime();
    case 'updatedAt':
      return profile.updatedAt.getTime();
    case 'enabled':
      return profile.enabled ? 1 : 0;
    case 'middleName':
      return profile.middleName ?? '';
    case 'lastName':
      return profile.lastName ?? '';
    default:
      return profile[key];
  }
}

async function everyPage(input: Parameters<TestMember['caller']['profiles']['list']>[0]) {
  const seen: ProfileView[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ProfileView[]; nextCursor: string | null } = await owner.caller.profiles.list({
      ...input,
      limit: 3,
      cursor,
    });
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('listing profiles', () => {
  for (const sortBy of profileSortKeys) {
    for (const sortOrder of ['asc', 'desc'] as const) {
      it(`pages by cursor sorted by ${sortBy} ${sortOrder}, ties broken by id, without gaps or repeats`, async () => {
        const seen = await everyPage({ sortBy, sortOrder });
        const sign = sortOrder === 'asc' ? 1 : -1;
        const expected = [...made].sort((a, b) => {
          const [x, y] = [sortValue(a, sortBy), sortValue(b, sortBy)];
          if (x !== y) return (x < y ? -1 : 1) * sign;
          return (a.id < b.id ? -1 : 1) * sign;
        });
        expect(seen.map((profile) => profile.id)).toEqual(expected.map((profile) => profile.id));
      });
    }
  }

  it('combines filters with each other, with the sort and with the cursor', async () => {
    const seen = await everyPage({
      sortBy: 'lastName',
      sortOrder: 'asc',
      filter: { tag: 'even', countryNumericCode: '036', enabled: true },
    });
    const expected = made
      .filter(
        (profile) => profile.tags.includes('even') && profile.countryNumericCode === '036' && profile.enabled,
      )
      .sort((a, b) => (a.lastName ?? '').localeCompare(b.lastName ?? '') || (a.id < b.id ? -1 : 1));
    expect(expected.length).toBeGreaterThan(0);
    expect(seen.map((profile) => profile.id)).toEqual(expected.map((profile) => profile.id));
  });

  it('filters by names, email, phone, status and time', async () => {
    const list = async (filter: Record<string, unknown>) =>
      (await owner.caller.profiles.list({ filter, limit: 100 })).items.map((profile) => profile.id).sort();
    const ids = (keep: (profile: ProfileView) => boolean) =>
      made
        .filter(keep)
        .map((profile) => profile.id)
        .sort();
    expect(await list({ firstName: 'Ada' })).toEqual(ids((profile) => profile.firstName === 'Ada'));
    expect(await list({ fullName: 'Grace Hopper' })).toEqual(
      ids((profile) => profile.fullName === 'Grace Hopper'),
    );
    expect(await list({ email: 'P3@Example.com' })).toEqual(
      ids((profile) => profile.email === 'p3@example.com'),
    );
    expect(await list({ phone: '0412 000 104' })).toEqual(
      ids((profile) => profile.mobilePhone?.e164 === '+61412000104'),
    );
    expect(await list({ status: 'staff' })).toEqual(ids((profile) => profile.statuses.includes('staff')));
    const middle = made[5]?.createdAt ?? new Date();
    expect(await list({ createdFrom: middle })).toEqual(ids((profile) => profile.createdAt >= middle));
    expect(await list({ createdTo: middle.toISOString() })).toEqual(
      ids((profile) => profile.createdAt <= middle),
    );
  });

  it('pages by offset too, and refuses a cursor with an offset, or a cursor of another sort', async () => {
    const all = await everyPage({ sortBy: 'firstName', sortOrder: 'asc' });
    const page = await owner.caller.profiles.list({
      sortBy: 'firstName',
      sortOrder: 'asc',
      offset: 4,
      limit: 3,
    });
    expect(page.items.map((profile) => profile.id)).toEqual(all.slice(4, 7).map((profile) => profile.id));

    const first = await owner.caller.profiles.list({ sortBy: 'firstName', limit: 2 });
    expect(
      await failureOf(owner.caller.profiles.list({ sortBy: 'lastName', cursor: first.nextCursor })),
    ).toMatchObject({ domainCode: 'INVALID_CURSOR', paths: ['cursor'] });
    expect(
      await failureOf(owner.caller.profiles.list({ cursor: first.nextCursor, offset: 2 })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      paths: ['offset'],
    });
  });

  it('leaves deleted profiles out unless the lifecycle filter asks for them', async () => {
    const gone = await owner.caller.profiles.create({ firstName: 'Gone' });
    await owner.caller.profiles.delete({ id: gone.id });
    const listed = (await owner.caller.profiles.list({ limit: 100 })).items.map((profile) => profile.id);
    expect(listed).not.toContain(gone.id);
    const deleted = await owner.caller.profiles.list({ filter: { lifecycle: 'deleted' } });
    expect(deleted.items.map((profile) => profile.id)).toEqual([gone.id]);
  });

  it('searches names, email, phone and ids from partial input, exact and prefix matches first', async () => {
    const search = async (q: string, filter = {}) =>
      (await owner.caller.profiles.list({ q, filter, limit: 100 })).items;
    const lovelace = made[0];
    expect((await search('lov')).map((profile) => profile.id)).toEqual([lovelace?.id]);
    expect((await search('LOVELACE'))[0]?.id).toBe(lovelace?.id);
    const adas = made.filter((profile) => profile.firstName === 'Ada').map((profile) => profile.id);
    expect(
      (await search('ada'))
        .slice(0, adas.length)
        .map((profile) => profile.id)
        .sort(),
    ).toEqual([...adas].sort());
    expect((await search('p7@example.com'))[0]?.email).toBe('p7@example.com');
    expect((await search('000 105'.replace(' ', ''))).map((profile) => profile.mobilePhone?.e164)).toContain(
      '+61412000105',
    );
    expect((await search(lovelace?.id.slice(0, 8) ?? '')).map((profile) => profile.id)).toEqual([
      lovelace?.id,
    ]);
    expect(await search('%')).toEqual([]);
    const evenAdas = await search('ada', { tag: 'even' });
    expect(evenAdas.every((profile) => profile.tags.includes('even'))).toBe(true);
    expect(await failureOf(owner.caller.profiles.list({ q: 'ada', cursor: 'x' }))).toMatchObject({
      code: 'BAD_REQUEST',
      paths: ['q'],
    });
  });
});
