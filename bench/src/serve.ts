// One API server for the benchmark, in a process of its own as in production:
// `tsx src/serve.ts tessera|stock|minimal` on PORT over DATABASE_URL. `minimal` is no API at
// all: the least a Node HTTP server can do to answer the same lookup and upsert from `pg`, with
// no authentication, validation, transformer or audit; it shows what this machine allows.
import { createServer, type ServerResponse } from 'node:http';
import {
  appRouter,
  createDeps,
  createHttpServer,
  createRequestContext,
  maxBodyBytes,
} from '@tessera/api/app';
import { createDb } from '@tessera/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import pg from 'pg';

const handler = process.argv[2];
const port = Number(process.env.PORT);
const database = createDb({ databaseUrl: process.env.DATABASE_URL });
const deps = createDeps(database.db);

const lookupText = `select workspace_id, id, first_name, middle_name, last_name, email, version, created_at, updated_at
  from profiles where workspace_id = $1 and id = $2`;
const upsertText = `insert into profiles (workspace_id, id, first_name, email, created_at, updated_at)
  values ($1, gen_random_uuid(), $2, $3, now(), now())
  on conflict on constraint profiles_workspace_email_key
  do update set first_name = excluded.first_name, updated_at = excluded.updated_at, version = profiles.version + 1
  returning workspace_id, id, first_name, middle_name, last_name, email, version, created_at, updated_at`;

function minimalServer() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 16 });
  const workspaceId = process.env.BENCH_WORKSPACE_ID;
  const answer = (res: ServerResponse, rows: unknown[]) =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ result: { data: rows[0] } }));
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/trpc/profiles.get') {
      const { json } = JSON.parse(url.searchParams.get('input') ?? '{}') as { json: { id: string } };
      void pool
        .query({ name: 'lookup', text: lookupText, values: [workspaceId, json.id] })
        .then((result) => answer(res, result.rows));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { json } = JSON.parse(body) as { json: { email: string; firstName: string } };
      void pool
        .query({ name: 'upsert', text: upsertText, values: [workspaceId, json.firstName, json.email] })
        .then((result) => answer(res, result.rows));
    });
  });
}

const server =
  handler === 'minimal'
    ? minimalServer()
    : handler === 'stock'
      ? createServer(
          createHTTPHandler({
            router: appRouter,
            basePath: '/trpc/',
            maxBodySize: maxBodyBytes,
            createContext: ({ req, res }) => createRequestContext(deps, req, res),
          }),
        )
      : createHttpServer(deps);

server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void database.close().then(() => process.exit(0)));
});
