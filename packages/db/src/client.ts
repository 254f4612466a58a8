import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockDataFolder } from './data-folder-lock.ts';
import { migrationProvider } from './migrations/index.ts';
import { prepareStatementsOn } from './shared/prepared.ts';
import type { Database } from './schema.ts';

export { DataFolderInUseError } from './data-folder-lock.ts';

/** A Kysely that queries run on: the database itself or an open transaction. */
export type Executor = Kysely<Database>;

export type DriverName = 'pg' | 'pglite';

export interface DbOptions {
  /** A PostgreSQL connection string; without one, the embedded database is used. */
  databaseUrl?: string | undefined;
  /**
   * Where the embedded database keeps its files; `memory://` keeps them in memory. A folder is open
   * to one database at a time: another, in this process or any other, is refused with DataFolderInUseError.
   */
  dataDir?: string | undefined;
  /** A dump of an embedded database's files (`dumpDataDir`) that a new in-memory one starts from. */
  loadDataDir?: Blob | undefined;
  /** The most connections the pool opens to a PostgreSQL server. */
  poolSize?: number | undefined;
  /**
   * Told when an idle pooled connection fails (the server restarted, or ended it); the pool drops
   * the connection and opens another when needed. Without a listener the failure would end the process.
   */
  onIdleConnectionError?: ((error: Error) => void) | undefined;
}

export interface Db {
  db: Kysely<Database>;
  driver: DriverName;
  close(): Promise<void>;
}

export function createDb(options: DbOptions = {}): Db {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 16 });
    pool.on('error', (error) => options.onIdleConnectionError?.(error));
    prepareStatementsOn(pool);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, driver: 'pg', close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? '.data';
  const lock = dataDir.startsWith('memory://') ? undefined : lockDataFolder(dataDir);
  // pg_trgm serves profile search; on a PostgreSQL server the migration creates it.
  const pglite = new PGlite(dataDir, { extensions: { pg_trgm }, loadDataDir: options.loadDataDir });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    driver: 'pglite',
    async close() {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Applies every migration not yet applied; throws if one fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed', { cause: error });
  return (results ?? []).map((result) => result.migrationName);
}
