import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from '@trpc/client';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@tessera/db';
import pino from 'pino';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../router.ts';
import { startTestServer, testPassword, type TestServer } from '../testing/index.ts';
import { sessionCookieName } from '../auth/auth.service.ts';
import { createDeps } from '../deps.ts';
import { createHttpServer, maxBatchSize } from './http-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function clientWith(headers: Record<string, string>) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${server.url}/trpc`, transformer: superjson, headers })],
  });
}

describe('the HTTP server', () => {
  it('answers API calls made with a bearer token', async () => {
    const { token, member } = await server.app.newWorkspace();
    const client = clientWith({ authorization: `Bearer ${token}` });
    const created = await client.profiles.create.mutate({ firstName: 'Over', lastName: 'HTTP' });
    expect(created.createdAt).toBeInstanceOf(Date);
    const [me, fetched] = await Promise.all([
      client.auth.me.query(),
      client.profiles.get.query({ id: created.id }),
    ]);
    expect(me).toMatchObject({ member: { id: member.id }, via: 'token' });
    expect(fetched.fullName).toBe('Over HTTP');
  });

  it('signs in with a cookie session and serves the member with it', async () => {
    const { member } = await server.app.newWorkspace('viewer');
    const response = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: member.email, password: testPassword } }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((text) => text.startsWith(`${sessionCookieName}=`));
    expect(cookie).toMatch(/HttpOnly/);
    const me = await clientWith({ cookie: cookie?.split(';')[0] ?? '' }).auth.me.query();
    expect(me).toMatchObject({ member: { id: member.id, role: 'viewer' }, via: 'session' });
  });

  it('refuses a write that is not JSON, as a cross-site form would send, and keeps the session', async () => {
    const { member } = await server.app.newWorkspace();
    const signIn = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: member.email, password: testPassword } }),
    });
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const form = new FormData();
    form.set('a', '1');
    const forged = await fetch(`${server.url}/trpc/auth.signOut`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    expect(forged.status).toBe(415);
    expect(await clientWith({ cookie }).auth.me.query()).toMatchObject({ member: { id: member.id } });
  });

  it('refuses a batch of more calls than it allows', async () => {
    const { token } = await server.app.newWorkspace();
    const paths = Array.from({ length: maxBatchSize + 1 }, () => 'auth.me').join(',');
    const response = await fetch(`${server.url}/trpc/${paths}?batch=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
  });

  it('answers 401 without a session or a token', async () => {
    const response = await fetch(`${server.url}/trpc/profiles.list`);
    expect(response.status).toBe(401);
    const error = await clientWith({})
      .profiles.list.query({})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data).toMatchObject({
      code: 'UNAUTHORIZED',
      domainCode: 'UNAUTHENTICATED',
      httpStatus: 401,
    });
  });

  it('names the field at fault and gives a request id, without a stack trace', async () => {
    const { token } = await server.app.newWorkspace();
    const client = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${server.url}/trpc`,
          transformer: superjson,
          headers: { authorization: `Bearer ${token}` },
        }),
      ],
    });
    const error = (await client.profiles.create
      .mutate({ firstName: 'Ada', email: 'nope' })
      .catch((caught: unknown) => caught)) as TRPCClientError<AppRouter>;
    expect(error.data).toMatchObject({ httpStatus: 400, issues: [{ path: 'email' }] });
    expect(error.data?.requestId).toEqual(expect.any(String));
    expect(error.data).not.toHaveProperty('stack', expect.anything());
    expect(error.message).toMatch(/^email: /);
  });

  it('refuses a body over the size limit', async () => {
    const { token } = await server.app.newWorkspace();
    const response = await fetch(`${server.url}/trpc/profiles.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ json: { firstName: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });

  it('refuses a chunked body over the size limit, which names no length', async () => {
    const { token } = await server.app.newWorkspace();
    const megabyte = 'x'.repeat(1024 * 1024);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        controller.enqueue(encoder.encode('{"json":{"firstName":"'));
        controller.enqueue(encoder.encode(megabyte));
        controller.enqueue(encoder.encode('"}}'));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/trpc/profiles.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      duplex: 'half',
    });
    expect(response.status).toBe(413);
  });

  it('answers an unexpected failure with a generic message and a request id, and logs the cause', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const broken = createDb({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
    const deps = createDeps(broken.db, { log });
    const { token } = await server.app.newWorkspace();
    const brokenServer = createHttpServer(deps);
    await new Promise<void>((resolve) => brokenServer.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = brokenServer.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/trpc/profiles.list`, {
        headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-42' },
      });
      expect(response.status).toBe(500);
      const body = (await response.json()) as {
        error: { json: { message: string; data: Record<string, unknown> } };
      };
      expect(body.error.json.message).toBe('Something went wrong on our side (request req-42)');
      expect(body.error.json.data).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' });
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|at .*\.ts/);
      expect(lines.join('')).toMatch(/ECONNREFUSED/);
      expect(lines.join('')).toContain('req-42');
    } finally {
      brokenServer.closeAllConnections();
      await new Promise((resolve) => brokenServer.close(resolve));
      await broken.close();
    }
  });

  it('reports its health, with the database reachable', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toEqual(expect.any(String));
  });
});

describe('addresses that are not pages', () => {
  let withConsole: TestServer;
  beforeAll(async () => {
    const webDist = await mkdtemp(join(tmpdir(), 'console-'));
    await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Tessera</title>');
    withConsole = await startTestServer({ webDist });
  });
  afterAll(() => withConsole.close());

  it('answers a page of the console to GET and HEAD only', async () => {
    const page = await fetch(`${withConsole.url}/profiles`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`${withConsole.url}/profiles`, { method: 'HEAD' })).status).toBe(200);
  });

  it.each(['POST /profiles', 'DELETE /anything', 'PUT /', 'PATCH /settings'])(
    'refuses %s with 405 in the API’s error shape',
    async (request) => {
      const [method, path] = request.split(' ');
      const response = await fetch(`${withConsole.url}${path}`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      const body = (await response.json()) as { errors: { code: string; id: string }[] };
      expect(body.errors[0]).toMatchObject({
        code: 'METHOD_NOT_SUPPORTED',
        id: response.headers.get('x-request-id'),
      });
    },
  );

  it.each(['GET /api/v2/nothing', 'GET /api/users', 'GET /api', 'POST /api/v3/profiles', 'GET /trpc'])(
    'answers %s, which no route takes, with 404 in the API’s error shape',
    async (request) => {
      const [method, path] = request.split(' ');
      const response = await fetch(`${withConsole.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await response.json()) as { errors: { code: string }[] };
      expect(body.errors[0]?.code).toBe('NOT_FOUND');
    },
  );
});
