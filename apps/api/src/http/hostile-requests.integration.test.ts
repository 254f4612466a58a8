import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import superjson, { type SuperJSONResult } from 'superjson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDeps } from '../deps.ts';
import { startTestServer, type TestServer } from '../testing/index.ts';
import { maxInputDepth } from '../transformer.ts';
import { createHttpServer } from './http-server.ts';

const anyText = expect.any(String) as string;

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = (await server.app.newWorkspace()).token;
});
afterAll(() => server.close());

interface ErrorEnvelope {
  error: { json: { code: number; message: string; data: Record<string, unknown> } };
}

async function call(
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    body: init.body,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return call(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
}

function errorOf(text: string): ErrorEnvelope['error']['json'] {
  return (JSON.parse(text) as ErrorEnvelope).error.json;
}

/** Envelopes as values, or as their JSON text where they nest too deeply to build as values. */
const hostileEnvelopes: Record<string, unknown> = {
  'a meta tree that overflowed the stack': {
    json: { email: 'a@b.co', password: 'x' },
    meta: { values: { x: ['custom', 'Foo'] } },
  },
  'a body of null': null,
  'a meta path through __proto__': {
    json: { a: {} },
    meta: { values: { '__proto__.polluted': ['Date'] }, v: 1 },
  },
  'a meta path through constructor.prototype': {
    json: { a: {} },
    meta: { values: { 'constructor.prototype.polluted': ['Date'] }, v: 1 },
  },
  'a referential equality through __proto__': {
    json: { a: {} },
    meta: { referentialEqualities: { a: ['__proto__.polluted'] }, v: 1 },
  },
  'a typed array': { json: { a: [1] }, meta: { values: { a: [['typed-array', 'Int8Array']] }, v: 1 } },
  'a map with children that are not paths': {
    json: { a: [] },
    meta: { values: { a: ['map', ['x']] }, v: 1 },
  },
  'an invalid URL': { json: { a: 'not a url' }, meta: { values: { a: ['URL'] }, v: 1 } },
  'an invalid bigint': { json: { a: 'twelve' }, meta: { values: { a: ['bigint'] }, v: 1 } },
  'a path that escapes nothing': { json: { a: 1 }, meta: { values: { 'a\\b': ['Date'] }, v: 1 } },
  'an annotation for a value that is not there': { json: {}, meta: { values: { 'a.b.c': ['Date'] }, v: 1 } },
  'a deeply nested meta tree': `{"json":{},"meta":{"v":1,"values":${'{"a":'.repeat(600)}["Date"]${'}'.repeat(600)}}}`,
  'deeply nested json': `{"json":${'['.repeat(2000)}${']'.repeat(2000)}}`,
  'json with a __proto__ key': JSON.parse('{"json":{"__proto__":{"polluted":true}}}') as unknown,
};

describe('malformed superjson input', () => {
  for (const [name, envelope] of Object.entries(hostileEnvelopes)) {
    it(`answers ${name} with a 400, by POST and by GET`, async () => {
      const text = typeof envelope === 'string' ? envelope : JSON.stringify(envelope);
      const posted = await post('/trpc/profiles.create', text);
      const got = await call(`/trpc/profiles.get?input=${encodeURIComponent(text)}`);
      for (const answer of [posted, got]) {
        expect(answer.status).toBe(400);
        expect(errorOf(answer.text).data).toMatchObject({
          code: 'BAD_REQUEST',
          requestId: anyText,
        });
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('answers json nested 100,000 levels deep with a 400', async () => {
    const answer = await post(
      '/trpc/profiles.create',
      `{"json":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    expect(answer.status).toBe(400);
    expect(errorOf(answer.text).message).toMatch(/nested deeper/);
  });

  it('refuses the stack-overflowing envelope before superjson walks it, also on the public sign-in', async () => {
    const deserialize = vi.spyOn(superjson, 'deserialize');
    try {
      const answer = await call('/trpc/auth.signIn', {
        method: 'POST',
        body: JSON.stringify(hostileEnvelopes['a meta tree that overflowed the stack']),
        headers: { 'content-type': 'application/json', authorization: '' },
      });
      expect(answer.status).toBe(400);
      expect(errorOf(answer.text).message).toMatch(/meta\.values\.x/);
      expect(deserialize).not.toHaveBeenCalled();
    } finally {
      deserialize.mockRestore();
    }
  });

  it(`passes input nested ${maxInputDepth - 1} levels deep to the procedure, as the limit allows`, async () => {
    const padding = Array.from({ length: maxInputDepth - 2 }).reduce((inner) => [inner], []);
    const answer = await post(
      '/trpc/profiles.create',
      JSON.stringify({ json: { firstName: 'Deep', padding } }),
    );
    // The procedure itself answers: `padding` is a key it does not know.
    expect(answer.status).toBe(400);
    expect(errorOf(answer.text).data.issues).toEqual([expect.objectContaining({ path: 'padding' })]);
  });

  it('fails only the malformed call of a batch', async () => {
    const created = await post(
      '/trpc/profiles.create',
      JSON.stringify(superjson.serialize({ firstName: 'Batched' })),
    );
    const { result } = JSON.parse(created.text) as { result: { data: SuperJSONResult } };
    const { id } = superjson.deserialize<{ id: string }>(result.data);
    const input = JSON.stringify({ 0: superjson.serialize({ id }), 1: null });
    const answer = await call(`/trpc/profiles.get,profiles.get?batch=1&input=${encodeURIComponent(input)}`);
    expect(answer.status).toBe(207);
    const [first, second] = JSON.parse(answer.text) as [{ result?: unknown }, ErrorEnvelope];
    expect(first.result).toBeDefined();
    expect(second.error.json.data).toMatchObject({ httpStatus: 400 });
  });

  it('matches the JSON media type in any case and with parameters', async () => {
    for (const type of ['APPLICATION/JSON', 'application/json; charset=utf-8', ' Application/Json ;x=y']) {
      expect((await post('/trpc/profiles.create', 'null', { 'content-type': type })).status).toBe(400);
      const valid = JSON.stringify({ json: { firstName: 'Typed' } });
      expect((await post('/trpc/profiles.create', valid, { 'content-type': type })).status).toBe(200);
    }
  });

  it('refuses a write in another media type with 415', async () => {
    const answer = await post('/trpc/profiles.create', 'firstName=Ada', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(answer.status).toBe(415);
    expect(errorOf(answer.text).data).toMatchObject({ requestId: anyText });
  });
});

describe('text with characters PostgreSQL cannot store', () => {
  const cases: [string, string, unknown][] = [
    ['profiles.create', 'firstName', { firstName: 'Ada\u0000' }],
    ['profiles.create', 'lastName', { firstName: 'Ada', lastName: 'Love\uD800lace' }],
    ['profiles.upsert', 'firstName', { email: 'nul@example.com', firstName: '\u0000' }],
    ['profiles.update', 'middleName', { id: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60', middleName: 'x\u0000' }],
    ['tokens.create', 'name', { name: 'ci\u0000' }],
    ['auth.signIn', 'email', { email: 'a\u0000@b.co', password: 'x' }],
  ];
  for (const [path, field, input] of cases) {
    it(`refuses a NUL or a lone surrogate in ${path} at ${field}`, async () => {
      const answer = await post(`/trpc/${path}`, JSON.stringify(superjson.serialize(input)));
      expect(answer.status).toBe(400);
      expect(errorOf(answer.text).data).toMatchObject({ issues: [{ path: field }] });
    });
  }
});

describe('methods, paths and answers', () => {
  for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
    it(`answers ${method} with 405 and the methods it allows`, async () => {
      // fetch refuses to send TRACE: a raw request can.
      const { port } = new URL(server.url);
      const answer = await new Promise<{ status: number; allow: unknown; text: string }>(
        (resolve, reject) => {
          const request = httpRequest(
            { host: '127.0.0.1', port, method, path: '/trpc/profiles.list' },
            (response) => {
              let text = '';
              response.setEncoding('utf8');
              response.on('data', (chunk: string) => (text += chunk));
              response.on('end', () =>
                resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, text }),
              );
            },
          );
          request.on('error', reject);
          request.end();
        },
      );
      expect(answer.status).toBe(405);
      expect(answer.allow).toBe('GET, POST');
      expect(errorOf(answer.text).data).toMatchObject({ requestId: anyText });
    });
  }

  it('gives a request id to errors found before any call', async () => {
    for (const path of ['/trpc/gr%E0%A4%A', `/trpc/${Array(51).fill('auth.me').join(',')}?batch=1`]) {
      const answer = await call(path);
      expect(answer.status).toBe(400);
      expect(errorOf(answer.text).data).toMatchObject({ requestId: answer.headers.get('x-request-id') });
    }
  });

  it('sends no stack field in an error', async () => {
    const answer = await post('/trpc/profiles.create', JSON.stringify({ json: { firstName: '' } }));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).not.toHaveProperty('error.json.data.stack');
    expect(answer.text).not.toContain('"stack"');
  });
});

describe('a client that hangs up', () => {
  it('is logged at debug level, not as a failure', async () => {
    const lines: { level: number; msg: string }[] = [];
    let onLogged = () => undefined as void;
    const logged = new Promise<void>((resolve) => (onLogged = resolve));
    const log = pino(
      { level: 'debug' },
      {
        write: (line: string) => {
          lines.push(JSON.parse(line) as { level: number; msg: string });
          onLogged();
        },
      },
    );
    const quitter = createHttpServer(createDeps(server.app.database.db, { log }));
    await new Promise<void>((resolve) => quitter.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = quitter.address() as AddressInfo;
      const request = httpRequest({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/trpc/profiles.create',
        headers: {
          'content-type': 'application/json',
          'content-length': '1000',
          expect: '100-continue',
          authorization: `Bearer ${token}`,
        },
      });
      request.on('error', () => undefined);
      // The server answers 100 Continue once it has the request; then part of the body, and gone.
      request.on('continue', () => request.write('{"json":{"firstName"', () => request.destroy()));
      request.flushHeaders();
      await logged;
      expect(lines).toEqual([expect.objectContaining({ level: pino.levels.values.debug })]);
    } finally {
      quitter.closeAllConnections();
      await new Promise((resolve) => quitter.close(resolve));
    }
  });
});
