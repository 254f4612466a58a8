import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../http/http-server.ts';
import type { AppDeps } from '../context.ts';
import { createDeps } from '../deps.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export interface TestServer {
  app: TestApp;
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

async function listen(deps: AppDeps, webDist: string | undefined) {
  const server = createHttpServer(deps, { webDist });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** Tessera's HTTP server on a free port over a fresh test database; with `webDist`, it serves the console too. */
export async function startTestServer(options: { webDist?: string } = {}): Promise<TestServer> {
  const app = await createTestApp();
  const server = await listen(app.deps, options.webDist);
  return {
    app,
    url: server.url,
    async close() {
      await server.close();
      await app.close();
    },
  };
}

/**
 * Another server instance over the same database, as behind a load balancer: its own token cache,
 * sign-in throttle and the rest of what a process keeps. Close it before the first one.
 */
export function startOtherInstance(first: TestServer): Promise<{ url: string; close(): Promise<void> }> {
  return listen(createDeps(first.app.database.db, { passwords: first.app.deps.passwords }), undefined);
}
