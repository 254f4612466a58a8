import { workspaceScope } from '../shared/scope.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb, testDriver } from '../testing/test-database.ts';
import { insertWorkspace } from '../workspaces/workspace.queries.ts';
import {
  profilePageQuery,
  profileSearchQuery,
  type ProfilePageQuery,
  type ProfileSearch,
} from './profile.queries.ts';

// The plans a large workspace needs, checked on a small one: with sequential scans made costly,
// each hot list query must be able to use its index. A migration that loses an index fails here.
let database: Db;
const scope = workspaceScope(randomUUID());

beforeAll(async () => {
  database = await createTestDb();
  await insertWorkspace(database.db, {
    id: scope.workspaceId,
    slug: `plans-${scope.workspaceId}`,
    name: 'Plans',
  });
  if ((await testDriver()) !== 'pg') return;
  // Enough rows, and their statistics, for the planner to weigh a selective index against the rest.
  await sql`insert into profiles (workspace_id, id, first_name, last_name, created_at, updated_at)
    select ${scope.workspaceId}::uuid, gen_random_uuid(), 'First ' || n, 'Last ' || n, now(), now()
    from generate_series(1, 5000) as n`.execute(database.db);
  await sql`analyze profiles`.execute(database.db);
});
afterAll(() => database.close());

const firstPage: ProfilePageQuery = {
  sortBy: 'createdAt',
  sortOrder: 'desc',
  filter: {},
  limit: 26,
  offset: 0,
  after: undefined,
};
const someId = '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60';

const cases: [string, ProfilePageQuery, string][] = [
  ['the first page, newest first', firstPage, 'profiles_workspace_created_idx'],
  [
    'a page after a cursor, oldest first',
    { ...firstPage, sortOrder: 'asc', after: { value: '2026-01-01T00:00:00.000Z', id: someId } },
    'profiles_workspace_created_idx',
  ],
  ['by update time', { ...firstPage, sortBy: 'updatedAt' }, 'profiles_workspace_updated_idx'],
  [
    'by first name after a cursor',
    { ...firstPage, sortBy: 'firstName', sortOrder: 'asc', after: { value: 'Mary', id: someId } },
    'profiles_workspace_first_name_key_idx',
  ],
  ['by last name', { ...firstPage, sortBy: 'lastName' }, 'profiles_workspace_last_name_key_idx'],
  [
    'by full name',
    { ...firstPage, sortBy: 'fullName', sortOrder: 'asc' },
    'profiles_workspace_full_name_key_idx',
  ],
  ['by id', { ...firstPage, sortBy: 'id', after: { value: someId, id: someId } }, 'profiles_pkey'],
  [
    'by full name after a cursor, newest last',
    { ...firstPage, sortBy: 'fullName', sortOrder: 'desc', after: { value: 'Émile Zola', id: someId } },
    'profiles_workspace_full_name_key_idx',
  ],
  [
    'the adopters of a profile type',
    { ...firstPage, filter: { profileTypeId: someId } },
    'profile_type_adoptions_contacts_idx',
  ],
  [
    'the adopters of a profile type by last name after a cursor',
    {
      ...firstPage,
      sortBy: 'lastName',
      sortOrder: 'asc',
      filter: { profileTypeId: someId, tag: 'vip' },
      after: { value: 'Lovelace', id: someId },
    },
    'profile_type_adoptions_contacts_idx',
  ],
  [
    'the members of an organization',
    { ...firstPage, filter: { organizationId: someId } },
    'memberships_pkey',
  ],
  [
    'the members of an organization by first name',
    {
      ...firstPage,
      sortBy: 'firstName',
      sortOrder: 'asc',
      filter: { organizationId: someId, enabled: true },
    },
    'memberships_pkey',
  ],
  [
    'with an email among the contact points',
    { ...firstPage, filter: { email: 'a@b.co' } },
    'contact_points_workspace_key_value_key',
  ],
];

describe('the plans of profile lists', () => {
  for (const [name, page, index] of cases) {
    it(`use ${index} for ${name}`, async (context) => {
      if ((await testDriver()) !== 'pg') context.skip('plans are checked on the PostgreSQL server');
      const plan = await database.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const rows = await profilePageQuery(trx, scope, page).explain('json');
        return JSON.stringify(rows);
      });
      expect(plan).toContain(index);
    });
  }

  const searches: [string, ProfileSearch][] = [
    ['a term', { text: 'gmail', filter: {}, limit: 25 }],
    ['every word of a name', { text: 'Ada  Lovelace', filter: {}, limit: 25 }],
    ['a name or a phone', { text: '0412 323 123', phone: '+61412323123', filter: {}, limit: 25 }],
  ];
  for (const [name, search] of searches) {
    it(`use the trigram index to find search candidates for ${name}`, async (context) => {
      if ((await testDriver()) !== 'pg') context.skip('plans are checked on the PostgreSQL server');
      const plan = await database.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return JSON.stringify(await profileSearchQuery(trx, scope, search).explain('json'));
      });
      expect(plan).toContain('profiles_search_text_idx');
      expect(plan).toContain('"Limit"');
    });
  }
});
