import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../http/http-server.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export interface TestServer {
  app: TestApp;
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/** Tessera's HTTP server on a free port over a fresh test database; with `webDist`, it serves the console too. */
export async function startTestServer(options: { webDist?: string } = {}): Promise<TestServer> {
  const app = await createTestApp();
  const server = createHttpServer(app.deps, { webDist: options.webDist });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await app.close();
    },
  };
}
