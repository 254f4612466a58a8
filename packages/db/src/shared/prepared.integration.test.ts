import { workspaceScope } from './scope.ts';
import { randomUUID } from 'node:crypto';
import { newProfileDefaults } from '@tessera/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { findProfile, findProfileByEmail, insertProfile } from '../profiles/profile.queries.ts';
import { createTestDb, testDriver } from '../testing/test-database.ts';
import { insertWorkspace } from '../workspaces/workspace.queries.ts';
import { executePrepared } from './prepared.ts';

let database: Db;

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

describe('prepared statements', () => {
  it('run the hot lookups as named statements on PostgreSQL, with the same answers', async (context) => {
    if ((await testDriver()) !== 'pg') context.skip('named statements exist only on a PostgreSQL server');
    const workspaceId = randomUUID();
    await insertWorkspace(database.db, { id: workspaceId, slug: `p-${workspaceId}`, name: 'P' });
    const profile = await insertProfile(database.db, workspaceScope(workspaceId), {
      ...newProfileDefaults,
      tags: [],
      statuses: [],
      addresses: [],
      id: randomUUID(),
      firstName: 'Pre',
      middleName: null,
      lastName: 'Pared',
      email: 'pre@example.com',
      now: new Date(),
    });
    const names = await database.db.transaction().execute(async (trx) => {
      expect(await findProfile(trx, workspaceScope(workspaceId), profile.id)).toEqual(profile);
      expect(await findProfileByEmail(trx, workspaceScope(workspaceId), 'pre@example.com')).toEqual(profile);
      expect(await findProfile(trx, workspaceScope(workspaceId), randomUUID())).toBeUndefined();
      return (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(trx)).rows.map(
        (row) => row.name,
      );
    });
    expect(names).toEqual(expect.arrayContaining(['profile_by_id', 'profile_by_email']));
  });

  it('refuse a name given to two different texts', async () => {
    await executePrepared(database.db, 'prepared_test_one', sql`select 1 as one`.compile(database.db));
    await expect(
      executePrepared(database.db, 'prepared_test_one', sql`select 2 as two`.compile(database.db)),
    ).rejects.toThrow(/two different texts/);
  });
});
