import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb } from '../testing/test-database.ts';

// Distributing tables by workspace (Citus) needs every primary key, unique key and foreign key of a
// distributed table to include its distribution column; here, to lead with `workspace_id`, so that
// each lookup by key goes to one shard.
const notDistributed: Record<string, string> = {
  workspaces: 'the tenants themselves, keyed by their own id (a reference table, or distributed by id)',
};

let database: Db;

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

interface Key {
  table: string;
  name: string;
  kind: string;
  columns: string[];
}

async function keys(): Promise<Key[]> {
  // Unique indexes (primary keys, unique constraints, and unique indexes made without one) and
  // foreign keys, with their columns in order.
  const { rows } = await sql<Key>`
    select t.relname as table, i.relname as name,
           case when x.indisprimary then 'primary key' else 'unique' end as kind,
           array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality as k(attnum, n)
                 join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n) as columns
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace ns on ns.oid = t.relnamespace
    where ns.nspname = 'public' and x.indisunique and t.relname not like 'kysely_%'
    union all
    select t.relname, c.conname, 'foreign key',
           array(select a.attname::text from unnest(c.conkey) with ordinality as k(attnum, n)
                 join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum order by k.n)
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_namespace ns on ns.oid = t.relnamespace
    where ns.nspname = 'public' and c.contype = 'f' and t.relname not like 'kysely_%'
    order by 1, 2`.execute(database.db);
  return rows;
}

describe('the schema, for distribution by workspace', () => {
  it('gives every table but the listed ones a workspace_id', async () => {
    const { rows } = await sql<{ table: string }>`
      select c.relname as table from pg_class c join pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = 'public' and c.relkind = 'r' and c.relname not like 'kysely_%'
        and not exists (select 1 from pg_attribute a
                        where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped)
      order by 1`.execute(database.db);
    expect(rows.map((row) => row.table)).toEqual(Object.keys(notDistributed));
  });

  it('leads every primary, unique and foreign key of a distributed table with workspace_id', async () => {
    const found = await keys();
    const distributed = found.filter((key) => !(key.table in notDistributed));
    expect(distributed.length).toBeGreaterThan(5);
    const offending = distributed.filter((key) => key.columns[0] !== 'workspace_id');
    expect(offending).toEqual([]);
  });

  it('keys presented secrets by workspace too', async () => {
    const found = await keys();
    const secretKeys = found.filter((key) => key.columns.includes('token_hash'));
    expect(secretKeys.map((key) => [key.table, key.columns])).toEqual([
      ['api_tokens', ['workspace_id', 'token_hash']],
      ['sessions', ['workspace_id', 'token_hash']],
    ]);
  });
});
