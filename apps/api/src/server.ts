import { existsSync } from 'node:fs';
import { createDb, migrateToLatest } from '@tessera/db';
import pino from 'pino';
import { demoSignIn, seedDemo } from './demo/demo-data.ts';
import { createDeps } from './deps.ts';
import { readEnv } from './env.ts';
import { createHttpServer } from './http/http-server.ts';

const env = readEnv();
const log = pino({ level: env.logLevel });
const database = createDb({
  databaseUrl: env.databaseUrl,
  dataDir: env.dataDir,
  onIdleConnectionError: (error) => log.warn({ err: error }, 'an idle database connection failed'),
});
const applied = await migrateToLatest(database.db);
if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
const deps = createDeps(database.db, { log, isCookieSecure: env.isCookieSecure });
const demo = env.isDemoSeeded ? await seedDemo(deps) : undefined;
if (demo === 'created') log.info('demo workspace created');

const hasConsole = existsSync(env.webDist);
if (!hasConsole) log.warn({ webDist: env.webDist }, 'the console is not built; serving the API only');
const server = createHttpServer(deps, { webDist: hasConsole ? env.webDist : undefined });

server.listen(env.port, env.host, () => {
  const url = `http://localhost:${env.port}`;
  const where = env.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `the embedded database in ${env.dataDir}`;
  const signIn = demo
    ? `Sign in as ${demoSignIn.email} with the password ${demoSignIn.password}.`
    : 'Create a workspace to sign in to, with the same DATABASE_URL:\n' +
      '  pnpm -s tessera create-workspace --name … --email … --password …\n' +
      'or start with TESSERA_DEMO=1 for the demo workspace.';
  process.stdout.write(`\nTessera is running at ${url} on ${where}.\n${signIn}\n\n`);
});

function shutDown(signal: string) {
  log.info({ signal }, 'shutting down');
  server.close(() => void database.close().then(() => process.exit(0)));
  server.closeAllConnections();
}
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
