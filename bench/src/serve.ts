// One API server for the benchmark, in a process of its own as in production:
// `tsx src/serve.ts tessera|stock` on PORT over DATABASE_URL.
import { createServer } from 'node:http';
import { appRouter, createDeps, createHttpServer, createRequestContext, maxBodyBytes } from '@tessera/api/app';
import { createDb } from '@tessera/db';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';

const handler = process.argv[2];
const port = Number(process.env.PORT);
const database = createDb({ databaseUrl: process.env.DATABASE_URL });
const deps = createDeps(database.db);

const server =
  handler === 'stock'
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
