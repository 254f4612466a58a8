// One API server for the benchmark, in a process of its own as in production:
// `tsx src/serve.ts tessera|stock|minimal` on PORT over DATABASE_URL. `minimal` is no API at
// all: the least a Node HTTP server can do to answer the same calls with the same SQL from `pg`, with
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
import { bind, decodeCursor, type Template, type Templates } from './queries.ts';

const handler = process.argv[2];
const port = Number(process.env.PORT);
const database = createDb({ databaseUrl: process.env.DATABASE_URL });
const deps = createDeps(database.db);

const templates = JSON.parse(process.env.BENCH_TEMPLATES ?? '{}') as Templates;

function minimalServer() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 16 });
  const workspaceId = process.env.BENCH_WORKSPACE_ID;
  const answer = (res: ServerResponse, data: unknown) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: { data } }));
  const fail = (res: ServerResponse) => (error: unknown) =>
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  const named = (name: keyof Templates, values: unknown[]) =>
    pool.query({ name, text: templates[name].text, values });
  const unnamed = (template: Template, vars: Parameters<typeof bind>[1]) =>
    pool.query(template.text, bind(template, vars));
  interface Input {
    id: string;
    email: string;
    firstName: string;
    lastName: string;
    q?: string;
    cursor?: string;
    offset?: number;
  }
  const route = (path: string, json: Input): Promise<unknown> => {
    switch (path) {
      case '/trpc/profiles.get':
        return named('get', [workspaceId, json.id]).then((result): unknown => result.rows[0]);
      case '/trpc/profiles.getByEmail':
        return named('getByEmail', [workspaceId, json.email]).then((result): unknown => result.rows[0]);
      case '/trpc/profiles.create':
        return named('create', [workspaceId, json.firstName, json.lastName, json.email]).then(
          (result): unknown => result.rows[0],
        );
      case '/trpc/profiles.update':
        return named('update', [workspaceId, json.id, json.firstName]).then(
          (result): unknown => result.rows[0],
        );
      case '/trpc/profiles.list': {
        const page = json.q
          ? unnamed(templates.search, { term: json.q.toLowerCase() })
          : json.cursor
            ? unnamed(templates.listCursor, decodeCursor(json.cursor))
            : json.offset
              ? unnamed(templates.listOffset, { offset: json.offset })
              : unnamed(templates.listFirst, {});
        return page.then((result) => ({ items: result.rows, nextCursor: null }));
      }
      default:
        return Promise.reject(new Error(`no route ${path}`));
    }
  };
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET') {
      const { json } = JSON.parse(url.searchParams.get('input') ?? '{}') as { json: Input };
      route(url.pathname, json).then((data) => answer(res, data), fail(res));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { json } = JSON.parse(body) as { json: Input };
      route(url.pathname, json).then((data) => answer(res, data), fail(res));
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
