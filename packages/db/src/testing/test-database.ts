import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, migrateToLatest, type Db, type DriverName } from '../client.ts';

const serverUrl =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let serverReachable: Promise<boolean> | undefined;

async function canReach(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Which driver tests run on: a PostgreSQL server where one is reachable, else the embedded one. */
export async function testDriver(): Promise<DriverName> {
  if (process.env.TESSERA_TEST_DRIVER === 'pglite') return 'pglite';
  serverReachable ??= canReach(serverUrl);
  return (await serverReachable) ? 'pg' : 'pglite';
}

/**
 * A fresh, migrated database of its own: a new database on the PostgreSQL server, or an
 * in-memory embedded one. `close()` drops it.
 */
export async function createTestDb(driver?: DriverName): Promise<Db> {
  const chosen = driver ?? (await testDriver());
  if (chosen === 'pglite') {
    const db = createDb({ dataDir: 'memory://' });
    await migrateToLatest(db.db);
    return db;
  }
  const name = `tessera_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createDb({ databaseUrl: url.toString() });
  await migrateToLatest(db.db);
  return {
    ...db,
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
