import { Agent } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../router.ts';
import {
  arbitraryOf,
  brokenArbitraryOf,
  hostileValue,
  jsonSchemaOf,
  proceduresOf,
  type ArbitraryOptions,
  type ProcedureEntry,
} from '../testing/arbitrary-input.ts';
import {
  eachConcurrently,
  envelopeText,
  jsonText,
  excerpt,
  groupedReport,
  leaksIn,
  sendRaw,
  sentText,
  signInOverHttp,
  trpcRequest,
  withInputText,
  type Finding,
  type RawAnswer,
  type RawRequest,
  type Secret,
} from '../testing/raw-http.ts';
import { startTestServer, testPassword, type TestServer } from '../testing/index.ts';
import { createVictimWorkspace, type VictimWorkspace } from '../testing/victim-workspace.ts';

// Replay a run with FUZZ_SEED=<the seed it printed>; FUZZ_REQUESTS sets how many requests it sends.
const seed = Number(process.env.FUZZ_SEED ?? 20_261_129);
const requestCount = Number(process.env.FUZZ_REQUESTS ?? 4000);
const concurrency = 8;
// Node's HTTP parser answers a longer request line itself (431) before the API sees it.
const maxPathLength = 8000;

interface FuzzRequest extends RawRequest {
  /** The procedure, or the part of the protocol, that findings are grouped by. */
  target: string;
  /** What was done to the request. */
  kind: string;
  credential: string;
}

interface Credential {
  name: string;
  headers: Record<string, string>;
}

interface Labelled<T> {
  label: string;
  value: T;
}

const labelled = <T>(label: string, arbitrary: fc.Arbitrary<T>) =>
  arbitrary.map((value): Labelled<T> => ({ label, value }));

function deep(open: string, middle: string, close: string, depth: number): string {
  return `${open.repeat(depth)}${middle}${close.repeat(depth)}`;
}

const nesting = 20_000;

/** Envelopes that a superjson client never writes but anyone can send. */
const hostileEnvelopes: [name: string, text: string][] = [
  ['null', 'null'],
  ['empty', ''],
  ['not JSON', '{"json":'],
  ['text after the JSON', '{"json":{}}x'],
  ['byte-order mark', '\ufeff{"json":{}}'],
  ['number out of range', '1e999'],
  ['string', '"x"'],
  ['array', '[{"json":{}}]'],
  ['no json key', '{"firstName":"Ada"}'],
  ['json null', '{"json":null}'],
  ['meta not an object', '{"json":{},"meta":"x"}'],
  ['meta values null', '{"json":{},"meta":{"values":null}}'],
  ['meta values of numbers', '{"json":{},"meta":{"values":[1,2,3]}}'],
  ['custom transformation', '{"json":{"x":{}},"meta":{"values":{"x":["custom","Foo"]}}}'],
  ['custom transformation at the root', '{"json":{},"meta":{"values":["custom","Foo"]}}'],
  ['unknown class', '{"json":{"x":{}},"meta":{"values":{"x":[["class","Foo"]]}}}'],
  ['unknown symbol', '{"json":{"x":"s"},"meta":{"values":{"x":[["symbol","nope"]]}}}'],
  ['typed array', '{"json":{"x":[1,2]},"meta":{"values":{"x":[["typed-array","Int8Array"]]}}}'],
  ['unknown typed array', '{"json":{"x":[1]},"meta":{"values":{"x":[["typed-array","Float128Array"]]}}}'],
  ['bare Int8Array', '{"json":{"x":[1]},"meta":{"values":{"x":["Int8Array"]}}}'],
  ['map of text', '{"json":{"x":"y"},"meta":{"values":{"x":["map"]}}}'],
  ['map with children', '{"json":{"x":[["k",1]]},"meta":{"values":{"x":["map",{"0":["Date"]}]}}}'],
  ['set of an object', '{"json":{"x":{"a":1}},"meta":{"values":{"x":["set"]}}}'],
  ['invalid URL', '{"json":{"x":"not a url"},"meta":{"values":{"x":["URL"]}}}'],
  ['invalid bigint', '{"json":{"x":"1.5"},"meta":{"values":{"x":["bigint"]}}}'],
  ['bigint of an object', '{"json":{"x":{}},"meta":{"values":{"x":["bigint"]}}}'],
  ['invalid Date', '{"json":{"x":"nope"},"meta":{"values":{"x":["Date"]}}}'],
  ['invalid regexp', '{"json":{"x":"/[/"},"meta":{"values":{"x":["regexp"]}}}'],
  ['Error of a number', '{"json":{"x":1},"meta":{"values":{"x":["Error"]}}}'],
  ['number of text', '{"json":{"x":"abc"},"meta":{"values":{"x":["number"]}}}'],
  ['annotation on a missing path', '{"json":{},"meta":{"values":{"a.b.c":["Date"]}}}'],
  ['__proto__ value path', '{"json":{"a":1},"meta":{"values":{"__proto__.polluted":["undefined"]}}}'],
  [
    'constructor.prototype value path',
    '{"json":{"a":1},"meta":{"values":{"constructor.prototype.polluted":["Date"]}}}',
  ],
  [
    '__proto__ referential path',
    '{"json":{"a":{}},"meta":{"referentialEqualities":{"a":["__proto__.polluted"]}}}',
  ],
  [
    'constructor.prototype referential path',
    '{"json":{"a":{}},"meta":{"referentialEqualities":{"a":["constructor.prototype.polluted"]}}}',
  ],
  ['referential path to nowhere', '{"json":{"a":{}},"meta":{"referentialEqualities":{"a":["b.c.d"]}}}'],
  ['referential root', '{"json":{"a":{}},"meta":{"referentialEqualities":[["a"]]}}'],
  ['referential text', '{"json":{},"meta":{"referentialEqualities":"x"}}'],
  ['future version', '{"json":{},"meta":{"v":999}}'],
  ['pollution keys in json', '{"json":{"__proto__":{"x":1},"constructor":{"prototype":{"x":1}}}}'],
  [
    'deeply nested meta values',
    `{"json":{"a":1},"meta":{"values":${deep('{"a":', '["undefined"]', '}', nesting)}}}`,
  ],
  [
    'deeply nested meta tree',
    `{"json":{"a":1},"meta":{"values":${deep('["undefined",{"a":', '["undefined"]', '}]', nesting)}}}`,
  ],
  ['deeply nested json arrays', `{"json":${deep('[', '', ']', nesting)}}`],
  ['deeply nested json objects', `{"json":${deep('{"a":', '1', '}', nesting)}}`],
];

const oddPaths: [name: string, path: string][] = [
  ['bad percent-encoding', '/trpc/profiles.list%'],
  ['bad percent-encoded sequence', '/trpc/%E0%A4%A'],
  ['encoded NUL', '/trpc/auth.me%00'],
  ['encoded dot', '/trpc/auth%2Eme'],
  ['encoded slash', '/trpc/auth%2Fme'],
  ['unknown procedure', '/trpc/profiles.nope'],
  ['a router, not a procedure', '/trpc/profiles'],
  ['no procedure', '/trpc/'],
  ['dot segments', '/trpc/../trpc/auth.me'],
  ['dot segments inside', '/trpc/profiles/../auth.me'],
  ['single dot segment', '/trpc/./auth.me'],
  ['double slash', '/trpc//auth.me'],
  ['trailing slash', '/trpc/auth.me/'],
  ['trailing dot', '/trpc/auth.me.'],
  ['__proto__', '/trpc/__proto__'],
  ['constructor', '/trpc/constructor'],
  ['nested __proto__', '/trpc/profiles.__proto__'],
  ['nested constructor', '/trpc/profiles.constructor'],
  ['toString', '/trpc/toString'],
  ['hasOwnProperty', '/trpc/profiles.hasOwnProperty'],
  ['router internals', '/trpc/_def.procedures'],
  ['createCaller', '/trpc/createCaller'],
  ['huge path', `/trpc/${'p'.repeat(7000)}`],
  ['huge dotted path', `/trpc/${'a.'.repeat(3000)}b`],
  ['batch of 51', `/trpc/${Array.from({ length: 51 }, () => 'auth.me').join(',')}?batch=1`],
  ['batch without paths', '/trpc/?batch=1'],
  ['batch with an empty path', '/trpc/auth.me,,tokens.list?batch=1'],
  ['batch input an array', '/trpc/auth.me?batch=1&input=%5B1%5D'],
  ['batch input text', '/trpc/auth.me?batch=1&input=%22x%22'],
  ['batch input null', '/trpc/auth.me?batch=1&input=null'],
  ['batch input past the calls', '/trpc/auth.me?batch=1&input=%7B%225%22%3A%7B%7D%7D'],
  ['batch input __proto__', '/trpc/auth.me?batch=1&input=%7B%22__proto__%22%3A%7B%22json%22%3A1%7D%7D'],
  ['batch=0', '/trpc/auth.me?batch=0'],
  ['batch=true', '/trpc/auth.me?batch=true'],
  ['batch twice', '/trpc/auth.me?batch=1&batch=1'],
  ['input twice', '/trpc/profiles.list?input=%7B%7D&input=%7B%7D'],
  ['bad percent-encoding in input', '/trpc/profiles.list?input=%'],
  ['empty input', '/trpc/profiles.list?input='],
  ['input undefined', '/trpc/profiles.list?input=undefined'],
  ['fragment', '/trpc/auth.me#x'],
  ['empty query', '/trpc/auth.me?'],
  ['last event id', '/trpc/auth.me?lastEventId=1'],
  ['connection params', '/trpc/auth.me?connectionParams=1'],
];

const oddMethods = ['TRACE', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH'];

function formBody(input: unknown, boundary: string): string {
  const fields: [string, unknown][] =
    typeof input === 'object' && input !== null ? Object.entries(input) : [['input', input]];
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${typeof value === 'string' ? value : jsonText(value)}\r\n`,
  );
  return `${parts.join('')}--${boundary}--\r\n`;
}

/** Content types other than plain `application/json`, and the body each comes with. */
const oddContentTypes: [name: string, type: string | undefined, body: (input: unknown) => string][] = [
  ['text/plain', 'text/plain', envelopeText],
  ['text/plain with charset', 'text/plain;charset=UTF-8', envelopeText],
  ['upper-case JSON', 'APPLICATION/JSON', envelopeText],
  ['JSON with charset', 'application/json; charset=utf-8', envelopeText],
  ['JSON in latin1', 'application/json; charset=latin1', envelopeText],
  ['none', undefined, envelopeText],
  ['multipart', 'multipart/form-data; boundary=fuzzboundary', (input) => formBody(input, 'fuzzboundary')],
  ['multipart without boundary', 'multipart/form-data', (input) => formBody(input, 'fuzzboundary')],
  [
    'form-urlencoded',
    'application/x-www-form-urlencoded',
    (input) => new URLSearchParams({ input: envelopeText(input) }).toString(),
  ],
  ['octet-stream', 'application/octet-stream', envelopeText],
  ['jsonl', 'application/jsonl', envelopeText],
];

interface Subjects {
  procedures: ProcedureEntry[];
  credentials: Credential[];
  known: ArbitraryOptions['known'];
}

function requestArbitrary({ procedures, credentials, known }: Subjects): fc.Arbitrary<FuzzRequest> {
  const inputs = new Map(
    procedures.map((entry) => {
      if (!entry.input) {
        return [
          entry.path,
          fc.oneof(labelled('no input', fc.constant(undefined)), labelled('input', hostileValue)),
        ];
      }
      const schema = jsonSchemaOf(entry.input);
      return [
        entry.path,
        fc.oneof(
          { arbitrary: labelled('valid input', arbitraryOf(schema, { known })), weight: 1 },
          { arbitrary: labelled('broken input', brokenArbitraryOf(schema, { known })), weight: 3 },
        ),
      ];
    }),
  );
  const call = fc
    .constantFrom(...procedures)
    .chain((entry) =>
      (inputs.get(entry.path) as fc.Arbitrary<Labelled<unknown>>).map((input) => ({ entry, input })),
    );
  const credential = fc.oneof(
    { arbitrary: fc.constantFrom(...credentials.slice(0, 1)), weight: 4 },
    { arbitrary: fc.constantFrom(...credentials), weight: 3 },
  );
  const requestIdHeader = fc.oneof(
    { arbitrary: fc.constant({}), weight: 6 },
    fc
      .constantFrom('fuzz-42', 'x'.repeat(200), '<script>', '../../', '')
      .map((id) => ({ 'x-request-id': id })),
  );
  const rightMethod = (entry: ProcedureEntry) => (entry.type === 'mutation' ? 'POST' : 'GET');
  const wrongMethod = (entry: ProcedureEntry) => (entry.type === 'mutation' ? 'GET' : 'POST');

  const withCommon = fc.record({ credential, requestIdHeader });
  type Common = { credential: Credential; requestIdHeader: Record<string, string> };
  const finish = (
    common: Common,
    request: Omit<FuzzRequest, 'credential' | 'headers'> & { headers?: Record<string, string> },
  ): FuzzRequest => ({
    ...request,
    credential: common.credential.name,
    headers: { ...common.credential.headers, ...common.requestIdHeader, ...request.headers },
  });
  const json = (method: string): Record<string, string> =>
    method === 'GET' ? {} : { 'content-type': 'application/json' };

  const single = fc
    .record({
      common: withCommon,
      call,
      isRightMethod: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, fc.constant(false)),
      isEnveloped: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, fc.constant(false)),
    })
    .map(({ common, call: { entry, input }, isRightMethod, isEnveloped }) => {
      const method = isRightMethod ? rightMethod(entry) : wrongMethod(entry);
      const wire = trpcRequest([{ path: entry.path, input: input.value }], {
        method,
        isBatch: false,
        encode: isEnveloped ? undefined : (value) => value,
      });
      const kind = `${input.label}${isRightMethod ? '' : ', wrong method'}${isEnveloped ? '' : ', no envelope'}`;
      return finish(common, { target: entry.path, kind, ...wire, headers: json(method) });
    });

  const batch = fc
    .record({
      common: withCommon,
      calls: fc.array(call, { minLength: 2, maxLength: 4 }),
      method: fc.constantFrom('GET', 'POST'),
    })
    .map(({ common, calls, method }) => {
      const wire = trpcRequest(
        calls.map(({ entry, input }) => ({ path: entry.path, input: input.value })),
        { method, isBatch: true },
      );
      const kind = `batch of ${calls.map(({ input }) => input.label).join(', ')}`;
      return finish(common, { target: 'batch', kind, ...wire, headers: json(method) });
    });

  const envelope = fc
    .record({
      common: withCommon,
      entry: fc.constantFrom(...procedures),
      envelope: fc.constantFrom(...hostileEnvelopes),
      isBatch: fc.boolean(),
    })
    .map(({ common, entry, envelope: [name, text], isBatch }) => {
      const method = rightMethod(entry);
      const wire = withInputText(entry.path, isBatch ? `{"0":${text}}` : text, { method, isBatch });
      return finish(common, {
        target: `envelope: ${name}`,
        kind: `${entry.path}${isBatch ? ' in a batch' : ''}`,
        ...wire,
        headers: json(method),
      });
    });

  const method = fc
    .record({ common: withCommon, call, method: fc.constantFrom(...oddMethods), hasBody: fc.boolean() })
    .map(({ common, call: { entry, input }, method, hasBody }) => {
      const wire = trpcRequest([{ path: entry.path, input: input.value }], {
        method: hasBody ? 'POST' : 'GET',
        isBatch: false,
      });
      return finish(common, {
        target: `method ${method}`,
        kind: `${entry.path}, ${input.label}${hasBody ? ', JSON body' : ''}`,
        method,
        path: wire.path,
        body: wire.body,
        headers: hasBody ? { 'content-type': 'application/json' } : {},
      });
    });

  const contentType = fc
    .record({ common: withCommon, call, contentType: fc.constantFrom(...oddContentTypes) })
    .map(({ common, call: { entry, input }, contentType: [name, type, body] }) =>
      finish(common, {
        target: `content type ${name}`,
        kind: `${entry.path}, ${input.label}`,
        method: 'POST',
        path: `/trpc/${entry.path}`,
        body: body(input.value),
        headers: type === undefined ? {} : { 'content-type': type },
      }),
    );

  const streamed = fc
    .record({ common: withCommon, calls: fc.array(call, { minLength: 1, maxLength: 3 }) })
    .map(({ common, calls }) => {
      const wire = trpcRequest(
        calls.map(({ entry, input }) => ({ path: entry.path, input: input.value })),
        { method: 'GET', isBatch: true },
      );
      return finish(common, {
        target: 'streamed batch',
        kind: calls.map(({ entry }) => entry.path).join(', '),
        ...wire,
        headers: { 'trpc-accept': 'application/jsonl' },
      });
    });

  const url = fc
    .record({
      common: withCommon,
      path: fc.constantFrom(...oddPaths),
      method: fc.constantFrom('GET', 'POST'),
    })
    .map(({ common, path: [name, path], method }) =>
      finish(common, {
        target: `URL: ${name}`,
        kind: method,
        method,
        path,
        body: method === 'POST' ? '{"json":{}}' : undefined,
        headers: json(method),
      }),
    );

  return fc
    .oneof(
      { arbitrary: single, weight: 45 },
      { arbitrary: batch, weight: 12 },
      { arbitrary: envelope, weight: 14 },
      { arbitrary: method, weight: 8 },
      { arbitrary: contentType, weight: 10 },
      { arbitrary: streamed, weight: 3 },
      { arbitrary: url, weight: 8 },
    )
    .filter((request) => request.path.length <= maxPathLength);
}

interface ErrorEntry {
  error?: { json?: { message?: unknown; code?: unknown; data?: Record<string, unknown> } };
}

/** What is wrong with the tRPC error shape of each error in the body. */
function errorShapeProblems(answer: RawAnswer, isErrorAnswer: boolean): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return isErrorAnswer ? ['has a body that is not JSON'] : [];
  }
  const entries = (Array.isArray(parsed) ? parsed : [parsed]) as (ErrorEntry | null)[];
  const problems = entries.flatMap((entry): string[] => {
    if (!entry?.error) return isErrorAnswer && !Array.isArray(parsed) ? ['has no `error` in its body'] : [];
    const shape = entry.error.json;
    if (!shape) return ['has an error without superjson `json`'];
    const data = shape.data ?? {};
    return [
      typeof shape.message === 'string' ? '' : 'has no `error.json.message`',
      typeof shape.code === 'number' ? '' : 'has no numeric `error.json.code`',
      typeof data.requestId === 'string' && data.requestId !== '' ? '' : 'has no `data.requestId`',
      typeof data.requestId !== 'string' || data.requestId === answer.headers['x-request-id']
        ? ''
        : 'has a `data.requestId` other than its `x-request-id` header',
      'stack' in data ? 'has `data.stack`' : '',
    ];
  });
  return [...new Set(problems.filter(Boolean))];
}

function findingsOf(request: FuzzRequest, answer: RawAnswer, secrets: readonly Secret[]): Finding[] {
  const detail =
    `${request.method} ${excerpt(request.path, 160)} as ${request.credential} (${request.kind}), ` +
    `body ${excerpt(request.body, 160)} → ${answer.status} ${excerpt(answer.body, 240)}`;
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answers ${answer.status}`);
  else if (request.method !== 'HEAD') {
    problems.push(...errorShapeProblems(answer, answer.status >= 400));
  }
  if (request.method !== 'HEAD') {
    problems.push(...leaksIn(answer.body, sentText(request), secrets).map((leak) => `body holds ${leak}`));
  }
  return problems.map((problem) => ({ problem, subject: request.target, detail }));
}

let server: TestServer;
let subjects: Subjects;
let victim: VictimWorkspace;
let victimBefore: unknown;

beforeAll(async () => {
  server = await startTestServer();
  const owner = await server.app.newWorkspace('master');
  // Enough profiles that some outlive the deletes the fuzzer sends with their ids.
  const profiles = await Promise.all(
    Array.from({ length: 80 }, (_, index) =>
      owner.caller.profiles.create({ firstName: `Ada ${index}`, email: `ada-${index}@under-test.test` }),
    ),
  );
  const spareTokens = await Promise.all(
    ['spare 1', 'spare 2', 'spare 3'].map((name) => owner.caller.tokens.create({ name })),
  );
  const cookie = await signInOverHttp(server.url, { email: owner.member.email, password: testPassword });
  victim = await createVictimWorkspace(server.app, server.url);
  victimBefore = await victim.snapshot();
  subjects = {
    procedures: proceduresOf(appRouter),
    credentials: [
      { name: 'token', headers: { authorization: `Bearer ${owner.token}` } },
      { name: 'session', headers: { cookie } },
      { name: 'nobody', headers: {} },
      { name: 'unknown token', headers: { authorization: 'Bearer tsr_not-a-token' } },
      { name: 'malformed authorization', headers: { authorization: 'Basic Zm9vOmJhcg==' } },
    ],
    known: {
      ids: [...profiles.map((profile) => profile.id), ...spareTokens.map((issued) => issued.token.id)],
      emails: profiles.flatMap((profile) => (profile.email ? [profile.email] : [])),
    },
  };
});
afterAll(() => server.close());

describe('the router under fuzzing', () => {
  it(
    'answers every procedure and every malformed request without a 5xx, a leak or a shapeless error',
    { timeout: 120_000 },
    async () => {
      console.info(`router fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), ${requestCount} requests`);
      const requests = fc.sample(requestArbitrary(subjects), { seed, numRuns: requestCount });
      const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
      const findings: Finding[] = [];
      const started = performance.now();
      try {
        await eachConcurrently(requests, concurrency, async (request) => {
          try {
            findings.push(...findingsOf(request, await sendRaw(server.url, request, agent), victim.secrets));
          } catch (error) {
            findings.push({
              problem: 'no answer',
              subject: request.target,
              detail: `${request.method} ${excerpt(request.path, 160)} (${request.kind}): ${String(error)}`,
            });
          }
        });
      } finally {
        agent.destroy();
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.info(`router fuzz: ${requests.length} requests in ${seconds} s, seed ${seed}`);
      expect.soft(findings.length, `seed ${seed}: ${groupedReport(findings)}`).toBe(0);
      expect(await victim.snapshot(), "another workspace's data changed").toEqual(victimBefore);
    },
  );
});
