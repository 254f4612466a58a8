import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { createDb, migrateToLatest, type Db, type DriverName } from '../client.ts';
import type { Database } from '../schema.ts';

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

/** What the migrations are, as a short hash of their files: a migrated copy is kept per version. */
function migrationsVersion(): string {
  const folder = new URL('../migrations/', import.meta.url);
  const hash = createHash('sha256');
  for (const file of readdirSync(folder).sort()) {
    if (file.endsWith('.test.ts')) continue;
    hash.update(file).update(readFileSync(new URL(file, folder)));
  }
  return hash.digest('hex').slice(0, 16);
}

const version = migrationsVersion();

async function withAdmin<T>(use: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function migrateServerDatabase(name: string): Promise<void> {
  const db = createDb({ databaseUrl: urlOf(name), poolSize: 1 });
  try {
    await migrateToLatest(db.db);
  } finally {
    await db.close();
  }
}

/**
 * The migrated template that test databases on the server are copied from, made once per version
 * of the migrations by whichever test process asks first; the others wait on an advisory lock. It
 * is built under another name and renamed when complete, so a build cut short is never copied.
 */
async function serverTemplate(): Promise<string> {
  const template = `tessera_template_${version}`;
  return withAdmin(async (admin) => {
    const exists = async () =>
      (await admin.query('select 1 from pg_database where datname = $1', [template])).rowCount === 1;
    if (await exists()) return template;
    await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
    try {
      if (await exists()) return template;
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      await migrateServerDatabase(building);
      await admin.query(`alter database ${building} rename to ${template}`);
      return template;
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
}

let templateReady: Promise<string> | undefined;

async function serverTestDb(fresh: boolean): Promise<Db> {
  const name = `tessera_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (fresh) {
    await withAdmin((admin) => admin.query(`create database ${name}`));
    await migrateServerDatabase(name);
  } else {
    templateReady ??= serverTemplate();
    const template = await templateReady;
    await withAdmin((admin) => admin.query(`create database ${name} template ${template}`));
  }
  const db = createDb({ databaseUrl: urlOf(name) });
  return {
    ...db,
    async close() {
      await db.close();
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/**
 * The files of a migrated embedded database, made once per version of the migrations and kept in
 * the system's temporary folder; a test process that finds none makes it, renames it into place and
 * removes the images of other versions.
 */
async function embeddedImage(): Promise<Blob> {
  const path = join(tmpdir(), `tessera-test-pglite-${version}.tar`);
  try {
    return new Blob([await readFile(path)]);
  } catch {
    const pglite = new PGlite('memory://', { extensions: { pg_trgm } });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    try {
      await migrateToLatest(db);
      const image = await pglite.dumpDataDir('none');
      const building = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(building, Buffer.from(await image.arrayBuffer()));
      renameSync(building, path);
      // Images of other versions of the migrations are of no more use (a reader that opened one
      // keeps reading it).
      for (const file of readdirSync(tmpdir())) {
        if (/^tessera-test-pglite-[0-9a-f]{16}\.tar$/.test(file) && join(tmpdir(), file) !== path) {
          rmSync(join(tmpdir(), file), { force: true });
        }
      }
      return image;
    } finally {
      await db.destroy();
    }
  }
}

let imageReady: Promise<Blob> | undefined;

async function embeddedTestDb(fresh: boolean): Promise<Db> {
  if (fresh) {
    const db = createDb({ dataDir: 'memory://' });
    await migrateToLatest(db.db);
    return db;
  }
  imageReady ??= embeddedImage();
  return createDb({ dataDir: 'memory://', loadDataDir: await imageReady });
}

/**
 * A migrated database of its own: a new database on the PostgreSQL server, or an in-memory
 * embedded one, copied from one migrated once; `fresh` migrates it from empty instead, for tests of
 * the migrations themselves. `close()` drops it.
 */
export async function createTestDb(driver?: DriverName, options: { fresh?: boolean } = {}): Promise<Db> {
  const chosen = driver ?? (await testDriver());
  const fresh = options.fresh ?? false;
  return chosen === 'pglite' ? embeddedTestDb(fresh) : serverTestDb(fresh);
}
