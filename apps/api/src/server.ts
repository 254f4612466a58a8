import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createDb, DataFolderInUseError, migrateToLatest, type Db } from '@tessera/db';
import { hasAnyWorkspace } from '@tessera/db/workspaces';
import pino from 'pino';
import { demoSignIn, seedDemo } from './demo/demo-data.ts';
import { createDeps } from './deps.ts';
import { readEnv } from './env.ts';
import { createHttpServer } from './http/http-server.ts';

const env = readEnv();
const log = pino({ level: env.logLevel });
const database = openDatabase();
const applied = await migrateToLatest(database.db);
if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
const deps = createDeps(database.db, { log, isCookieSecure: env.isCookieSecure });
const demo = env.isDemoSeeded ? await seedDemo(deps) : undefined;
if (demo === 'created') log.info('demo workspace created');
const hasWorkspace = demo !== undefined || (await hasAnyWorkspace(database.db));

const hasConsole = existsSync(env.webDist);
if (!hasConsole) log.warn({ webDist: env.webDist }, 'the console is not built; serving the API only');
const server = createHttpServer(deps, { webDist: hasConsole ? env.webDist : undefined });

server.listen(env.port, env.host, () => {
  const { port } = server.address() as AddressInfo;
  const where = env.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `the embedded database in ${env.dataDir}`;
  process.stdout.write(`\nTessera is running at http://localhost:${port} on ${where}.\n${howToSignIn()}\n`);
});

function openDatabase(): Db {
  try {
    return createDb({
      databaseUrl: env.databaseUrl,
      dataDir: env.dataDir,
      onIdleConnectionError: (error) => log.warn({ err: error }, 'an idle database connection failed'),
    });
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function howToSignIn(): string {
  if (demo) return `Sign in as ${demoSignIn.email} with the password ${demoSignIn.password}.\n`;
  if (hasWorkspace) return '';
  const createWorkspace =
    "  npm run -s tessera -- create-workspace --name 'Your company' --email you@example.com --password 'a long password'\n";
  return env.databaseUrl
    ? 'No workspace exists yet. Create one to sign in to, with the same DATABASE_URL:\n' +
        createWorkspace +
        'or start with TESSERA_DEMO=1 for the demo workspace.\n'
    : 'No workspace exists yet. Stop the server (Ctrl-C), then create one to sign in to:\n' +
        createWorkspace +
        'or start without TESSERA_DEMO=0 for the demo workspace.\n';
}

function shutDown(signal: string) {
  log.info({ signal }, 'shutting down');
  server.close(() => void database.close().then(() => process.exit(0)));
  server.closeAllConnections();
}
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
