import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { initTRPC, TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { appRouter } from '../router.ts';
import { createRequestContext, maxBatchSize, maxBodyBytes } from './http-server.ts';
import { createTrpcHandler } from './trpc-handler.ts';

// A router with one procedure of every kind the protocol carries.
interface FixtureContext {
  user: string | null;
}
const t = initTRPC.context<FixtureContext>().create({ transformer: superjson });
const fixtureRouter = t.router({
  greet: t.procedure
    .input(z.object({ name: z.string() }))
    .query(({ input }) => ({ text: `Hello ${input.name}`, at: new Date(0) })),
  add: t.procedure
    .input(z.object({ a: z.number(), b: z.number() }))
    .mutation(({ input }) => input.a + input.b),
  conflict: t.procedure.query(() => {
    throw new TRPCError({ code: 'CONFLICT', message: 'taken' });
  }),
  crash: t.procedure.query(() => {
    throw new Error('boom');
  }),
  whoami: t.procedure.query(({ ctx }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' });
    return ctx.user;
  }),
  nested: t.router({ ping: t.procedure.query(() => 'pong') }),
  ticks: t.procedure.input(z.object({ count: z.number() })).subscription(async function* ({ input }) {
    for (let tick = 1; tick <= input.count; tick++) yield await Promise.resolve(tick);
  }),
});

const fixtureContext = (req: { headers: { authorization?: string | undefined } }): Promise<FixtureContext> =>
  Promise.resolve({ user: req.headers.authorization ?? null });

async function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) =>
    req.url?.startsWith('/trpc/') ? handler(req, res) : res.writeHead(404).end(),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const servers: Server[] = [];
let fixtureStock: string;
let fixtureLean: string;
let appStock: string;
let appLean: string;
let app: TestApp;
let token: string;

beforeAll(async () => {
  const fixtureStockHandler = createHTTPHandler({
    router: fixtureRouter,
    basePath: '/trpc/',
    maxBodySize: 1024,
    maxBatchSize: 3,
    createContext: ({ req }) => fixtureContext(req),
  });
  const fixtureLeanHandler = createTrpcHandler({
    router: fixtureRouter,
    basePath: '/trpc/',
    maxBodyBytes: 1024,
    maxBatchSize: 3,
    createContext: fixtureContext,
    streaming: fixtureStockHandler,
  });

  app = await createTestApp();
  token = (await app.newWorkspace()).token;
  const createContext = (
    req: Parameters<typeof createRequestContext>[1],
    res: Parameters<typeof createRequestContext>[2],
  ) => createRequestContext(app.deps, req, res);
  const appStockHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: maxBodyBytes,
    maxBatchSize,
    createContext: ({ req, res }) => createContext(req, res),
  });
  const appLeanHandler = createTrpcHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodyBytes,
    maxBatchSize,
    createContext,
    streaming: appStockHandler,
  });

  const started = await Promise.all(
    [fixtureStockHandler, fixtureLeanHandler, appStockHandler, appLeanHandler].map(listen),
  );
  servers.push(...started.map((entry) => entry.server));
  [fixtureStock, fixtureLean, appStock, appLean] = started.map((entry) => entry.url) as [
    string,
    string,
    string,
    string,
  ];
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await app.close();
});

const input = (value: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(value)));
const batchInput = (...values: unknown[]) =>
  encodeURIComponent(
    JSON.stringify(Object.fromEntries(values.map((value, index) => [index, superjson.serialize(value)]))),
  );

interface RawRequest {
  name: string;
  path: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  /**
   * tRPC's adapter labels this JSON answer (an error found before any call) `text/plain`; ours says
   * `application/json`. For an unsupported content type its message also drops the closing quote.
   */
  isLabelledTextByStock?: boolean;
}

/** Status, content type and body of an answer, without the stack traces and request ids that differ each time. */
async function answer(base: string, request: RawRequest) {
  const response = await fetch(`${base}${request.path}`, {
    method: request.method ?? 'GET',
    headers: request.headers ?? (request.body === undefined ? {} : { 'content-type': 'application/json' }),
    body: request.body,
  });
  const text = await response.text();
  const body: unknown = JSON.parse(text, (key, value: unknown) =>
    key === 'stack' || key === 'requestId' ? undefined : value,
  );
  return { status: response.status, contentType: response.headers.get('content-type'), body };
}

type ErrorBody = { error: { json: { message: string } } };

function messageOf(body: unknown): string {
  return (body as ErrorBody).error.json.message;
}

function withMessage<T extends { body: unknown }>(answer: T, message: string): T {
  const { error } = answer.body as ErrorBody;
  return { ...answer, body: { error: { ...error, json: { ...error.json, message } } } };
}

const fixtureRequests: RawRequest[] = [
  { name: 'a query with its input', path: `/trpc/greet?input=${input({ name: 'Ada' })}` },
  { name: 'a nested query without input', path: '/trpc/nested.ping' },
  {
    name: 'a mutation',
    path: '/trpc/add',
    method: 'POST',
    body: JSON.stringify(superjson.serialize({ a: 2, b: 3 })),
  },
  {
    name: 'a batch of queries',
    path: `/trpc/greet,nested.ping?batch=1&input=${batchInput({ name: 'Ada' })}`,
  },
  {
    name: 'a batch mixing success and failure',
    path: `/trpc/greet,conflict?batch=1&input=${batchInput({ name: 'Ada' })}`,
  },
  {
    name: 'a batch of mutations',
    path: '/trpc/add,add?batch=1',
    method: 'POST',
    body: JSON.stringify({ 0: superjson.serialize({ a: 1, b: 1 }), 1: superjson.serialize({ a: 2, b: 2 }) }),
  },
  { name: 'a thrown TRPCError', path: '/trpc/conflict' },
  { name: 'an unexpected error', path: '/trpc/crash' },
  { name: 'an unauthorised call', path: '/trpc/whoami' },
  { name: 'an authorised call', path: '/trpc/whoami', headers: { authorization: 'ada' } },
  { name: 'malformed input', path: `/trpc/greet?input=${input({ name: 5 })}` },
  { name: 'input that is not JSON', path: '/trpc/greet?input=%7Bnope' },
  { name: 'a batch input that is not an object', path: `/trpc/greet,greet?batch=1&input=${input('x')}` },
  { name: 'an unknown procedure', path: '/trpc/nothing.here' },
  {
    name: 'a batch over the size limit',
    path: '/trpc/nested.ping,nested.ping,nested.ping,nested.ping?batch=1',
    isLabelledTextByStock: true,
  },
  {
    name: 'a query sent as POST',
    path: '/trpc/greet',
    method: 'POST',
    body: JSON.stringify(superjson.serialize({ name: 'A' })),
  },
  { name: 'a mutation sent as GET', path: `/trpc/add?input=${input({ a: 1, b: 2 })}` },
  {
    name: 'an oversized body',
    path: '/trpc/add',
    method: 'POST',
    body: JSON.stringify({ json: { a: 1, b: 2, pad: 'x'.repeat(4096) } }),
  },
  {
    name: 'an unsupported content type',
    path: '/trpc/add',
    method: 'POST',
    body: 'a=1',
    headers: { 'content-type': 'text/plain' },
    isLabelledTextByStock: true,
  },
  { name: 'a path with bad URL-encoding', path: '/trpc/gr%E0%A4%A', isLabelledTextByStock: true },
];

describe("Tessera's tRPC endpoint", () => {
  for (const request of fixtureRequests) {
    it(`answers ${request.name} as tRPC's own adapter does`, async () => {
      const [lean, stock] = [await answer(fixtureLean, request), await answer(fixtureStock, request)];
      if (request.isLabelledTextByStock) {
        expect(stock.contentType).toMatch(/^text\/plain/);
        expect(lean.contentType).toBe('application/json');
        const [leanMessage, stockMessage] = [messageOf(lean.body), messageOf(stock.body)];
        expect(leanMessage.startsWith(stockMessage)).toBe(true);
        expect(withMessage(lean, '')).toEqual({ ...withMessage(stock, ''), contentType: lean.contentType });
      } else {
        expect(lean).toEqual(stock);
      }
    });
  }

  const appRequests = (): RawRequest[] => [
    { name: 'an unauthorised call', path: '/trpc/profiles.list' },
    { name: 'a lookup', path: `/trpc/auth.me`, headers: { authorization: `Bearer ${token}` } },
    {
      name: 'a create with a malformed email',
      path: '/trpc/profiles.create',
      method: 'POST',
      body: JSON.stringify(superjson.serialize({ firstName: 'A', email: 'nope' })),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    },
    {
      name: 'an unknown id',
      path: `/trpc/profiles.get?input=${input({ id: '00000000-0000-4000-8000-000000000000' })}`,
      headers: { authorization: `Bearer ${token}` },
    },
  ];
  it("answers the app's own calls as tRPC's own adapter does", async () => {
    for (const request of appRequests()) {
      const [lean, stock] = [await answer(appLean, request), await answer(appStock, request)];
      expect({ request: request.name, ...lean }).toEqual({ request: request.name, ...stock });
    }
  });

  describe('with the official client links', () => {
    const client = (base: string, headers: Record<string, string> = {}) =>
      createTRPCClient<typeof fixtureRouter>({
        links: [
          splitLink({
            condition: (op) => op.type === 'subscription',
            true: httpSubscriptionLink({ url: `${base}/trpc`, transformer: superjson, EventSource }),
            false: splitLink({
              condition: (op) => op.context.isBatched === true,
              true: httpBatchLink({ url: `${base}/trpc`, transformer: superjson, headers }),
              false: httpLink({ url: `${base}/trpc`, transformer: superjson, headers }),
            }),
          }),
        ],
      });

    it('runs queries and mutations with the transformer', async () => {
      const api = client(fixtureLean);
      expect(await api.greet.query({ name: 'Ada' })).toEqual({ text: 'Hello Ada', at: new Date(0) });
      expect(await api.add.mutate({ a: 2, b: 40 })).toBe(42);
    });

    it('batches calls and keeps each one’s success or failure', async () => {
      const api = client(fixtureLean, { authorization: 'ada' });
      const batched = { context: { isBatched: true } };
      const results = await Promise.allSettled([
        api.greet.query({ name: 'Ada' }, batched),
        api.conflict.query(undefined, batched),
        api.whoami.query(undefined, batched),
      ]);
      expect(results[0]).toEqual({ status: 'fulfilled', value: { text: 'Hello Ada', at: new Date(0) } });
      expect(results[1]).toMatchObject({
        status: 'rejected',
        reason: { message: 'taken', data: { code: 'CONFLICT', httpStatus: 409 } },
      });
      expect(results[2]).toEqual({ status: 'fulfilled', value: 'ada' });
    });

    it('turns errors into TRPCClientError with the code and status', async () => {
      const error = await client(fixtureLean)
        .whoami.query()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TRPCClientError);
      expect(error).toMatchObject({ data: { code: 'UNAUTHORIZED', httpStatus: 401, path: 'whoami' } });
    });

    it('streams a subscription over server-sent events', async () => {
      const ticks = await new Promise<number[]>((resolve, reject) => {
        const seen: number[] = [];
        const subscription = client(fixtureLean).ticks.subscribe(
          { count: 3 },
          {
            onData: (tick) => {
              seen.push(tick);
              if (seen.length === 3) {
                subscription.unsubscribe();
                resolve(seen);
              }
            },
            onError: reject,
          },
        );
      });
      expect(ticks).toEqual([1, 2, 3]);
    });
  });
});
