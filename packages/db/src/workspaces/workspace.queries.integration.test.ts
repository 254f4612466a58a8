import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb } from '../testing/test-database.ts';
import { hasAnyWorkspace, insertWorkspace } from './workspace.queries.ts';

let database: Db;

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

describe('workspace queries', () => {
  it('say whether any workspace exists', async () => {
    expect(await hasAnyWorkspace(database.db)).toBe(false);

    const id = randomUUID();
    await insertWorkspace(database.db, { id, slug: `w-${id}`, name: 'One' });

    expect(await hasAnyWorkspace(database.db)).toBe(true);
  });
});
