import { randomUUID } from 'node:crypto';
import { newProfileDefaults } from '@tessera/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb } from '../testing/test-database.ts';
import { insertWorkspace } from '../workspaces/workspace.queries.ts';
import { workspaceScope, type Scope } from '../shared/scope.ts';
import {
  deleteProfileRow,
  findProfile,
  findProfilePage,
  insertProfile,
  sortValueOf,
  updateProfileRow,
  type ProfilePageQuery,
} from './profile.queries.ts';

let database: Db;
let workspaceId: string;
let scope: Scope;
let otherWorkspaceId: string;

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

beforeEach(async () => {
  workspaceId = randomUUID();
  scope = workspaceScope(workspaceId);
  otherWorkspaceId = randomUUID();
  await insertWorkspace(database.db, { id: workspaceId, slug: `w-${workspaceId}`, name: 'One' });
  await insertWorkspace(database.db, { id: otherWorkspaceId, slug: `w-${otherWorkspaceId}`, name: 'Two' });
});

function newProfile(fields: { email?: string | null; now?: Date } = {}) {
  return {
    ...newProfileDefaults,
    tags: [],
    statuses: [],
    addresses: [],
    id: randomUUID(),
    firstName: 'Mary',
    middleName: 'Jane',
    lastName: 'Smith',
    email: fields.email ?? null,
    now: fields.now ?? new Date('2026-01-01T00:00:00Z'),
  };
}

const firstPage: ProfilePageQuery = {
  sortBy: 'createdAt',
  sortOrder: 'desc',
  filter: {},
  limit: 25,
  offset: 0,
  after: undefined,
};

describe('profile queries', () => {
  it('store a profile and read it back with its full name and version 1', async () => {
    const created = await insertProfile(database.db, scope, newProfile({ email: 'mary@example.com' }));
    expect(created).toMatchObject({ fullName: 'Mary Jane Smith', email: 'mary@example.com', version: 1 });
    expect(await findProfile(database.db, scope, created.id)).toEqual(created);
  });

  it('keep workspaces apart', async () => {
    const created = await insertProfile(database.db, scope, newProfile());
    expect(await findProfile(database.db, workspaceScope(otherWorkspaceId), created.id)).toBeUndefined();
    expect(await deleteProfileRow(database.db, workspaceScope(otherWorkspaceId), created.id)).toBe(false);
    expect(
      await findProfilePage(database.db, workspaceScope(otherWorkspaceId), { ...firstPage, limit: 10 }),
    ).toEqual([]);
  });

  it('refuse an email another profile of the workspace owns, but not one of another workspace', async () => {
    await insertProfile(database.db, scope, newProfile({ email: 'taken@example.com' }));
    await expect(
      insertProfile(database.db, scope, newProfile({ email: 'taken@example.com' })),
    ).rejects.toMatchObject({
      code: 'PROFILE_EMAIL_TAKEN',
      path: 'email',
    });
    await expect(
      insertProfile(
        database.db,
        workspaceScope(otherWorkspaceId),
        newProfile({ email: 'taken@example.com' }),
      ),
    ).resolves.toBeDefined();
  });

  it('let many profiles have no email', async () => {
    await insertProfile(database.db, scope, newProfile());
    await expect(insertProfile(database.db, scope, newProfile())).resolves.toBeDefined();
  });

  it('let one of two concurrent inserts with the same email win', async () => {
    const results = await Promise.allSettled(
      [1, 2].map(() => insertProfile(database.db, scope, newProfile({ email: 'race@example.com' }))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'PROFILE_EMAIL_TAKEN' });
  });

  it('page through profiles newest first without gaps or repeats, ties broken by id', async () => {
    const sameTime = new Date('2026-02-01T00:00:00Z');
    const ids: string[] = [];
    for (let index = 0; index < 7; index++) {
      const profile = await insertProfile(
        database.db,
        scope,
        newProfile({ now: index < 3 ? sameTime : new Date(Date.UTC(2026, 2, index)) }),
      );
      ids.push(profile.id);
    }
    const seen: string[] = [];
    let after: ProfilePageQuery['after'];
    for (;;) {
      const page = await findProfilePage(database.db, scope, { ...firstPage, limit: 3, after });
      seen.push(...page.map((profile) => profile.id));
      const last = page.at(-1);
      if (page.length < 3 || !last) break;
      after = { value: sortValueOf(last, 'createdAt'), id: last.id };
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const expected = [...ids.slice(3).reverse(), ...ids.slice(0, 3).sort().reverse()];
    expect(seen).toEqual(expected);
  });

  it('bump the version and the update time on update', async () => {
    const created = await insertProfile(database.db, scope, newProfile());
    const later = new Date('2026-03-01T00:00:00Z');
    const updated = await updateProfileRow(database.db, scope, created.id, {
      ...created,
      lifecycle: 'active',
      firstName: 'Maria',
      middleName: null,
      lastName: 'Smith',
      email: 'maria@example.com',
      now: later,
    });
    expect(updated).toMatchObject({
      fullName: 'Maria Smith',
      version: 2,
      updatedAt: later,
      createdAt: created.createdAt,
    });
  });

  it('delete a profile once', async () => {
    const created = await insertProfile(database.db, scope, newProfile());
    expect(await deleteProfileRow(database.db, scope, created.id)).toBe(true);
    expect(await deleteProfileRow(database.db, scope, created.id)).toBe(false);
  });
});
