import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import superjson from 'superjson';
import { sessionCookieName } from '../auth/auth.service.ts';

/**
 * Requests sent byte for byte as written, over `node:http`: `fetch` refuses TRACE, normalises `..`
 * and percent-encoding in paths, and so cannot send what a hostile client sends.
 */
export interface RawRequest {
  method: string;
  /** The path and query, sent as they are. */
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** The loopback address to send from, for a client address of its own. */
  localAddress?: string | undefined;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

const answerTimeoutMs = 15_000;
/** How long an open subscription may stay silent before it counts as accepted. */
const streamQuietMs = 1_000;

/** The complete events of a server-sent event stream: each one's `event` (none for data) and `data`. */
function streamEvents(text: string): { event: string | undefined; data: string }[] {
  return text
    .split('\n\n')
    .slice(0, -1)
    .map((block) => {
      const lines = block.split('\n');
      const field = (name: string) =>
        lines.filter((line) => line.startsWith(`${name}:`)).map((line) => line.slice(name.length + 1).trim());
      return { event: field('event')[0], data: field('data').join('\n') };
    });
}

/**
 * A subscription answers 200 at once and then says a refusal as a `serialized-error` event (so
 * that tRPC's client receives the typed error): such an answer is read as the refusal it holds,
 * with the error's HTTP status and the body a query's refusal has.
 */
function streamAnswer(answer: RawAnswer): RawAnswer {
  const refusal = streamEvents(answer.body).find(({ event }) => event === 'serialized-error');
  if (!refusal) return answer;
  const error = JSON.parse(refusal.data) as { json?: { data?: { httpStatus?: number } } };
  return { ...answer, status: error.json?.data?.httpStatus ?? 500, body: JSON.stringify({ error }) };
}

export function sendRaw(baseUrl: string, raw: RawRequest, agent?: Agent): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const headers: Record<string, string | number> = { ...raw.headers };
  if (raw.body !== undefined) headers['content-length'] = Buffer.byteLength(raw.body);
  return new Promise((resolve, reject) => {
    let answer: RawAnswer | undefined;
    const outgoing = request(
      {
        hostname,
        port,
        method: raw.method,
        path: raw.path,
        headers,
        agent: agent ?? false,
        localAddress: raw.localAddress,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        const finish = () => {
          if (answer) return;
          answer = {
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          };
          resolve(isStream ? streamAnswer(answer) : answer);
        };
        // A subscription's event stream stays open: its first event after `connected` is the answer,
        // or, when none comes soon, that it is open.
        const isStream = (incoming.headers['content-type'] ?? '').startsWith('text/event-stream');
        let quiet: NodeJS.Timeout | undefined;
        const finishStream = () => {
          clearTimeout(quiet);
          finish();
          outgoing.destroy();
        };
        incoming.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (!isStream) return;
          if (
            streamEvents(Buffer.concat(chunks).toString('utf8')).some(({ event }) => event !== 'connected')
          ) {
            finishStream();
          } else {
            clearTimeout(quiet);
            quiet = setTimeout(finishStream, streamQuietMs);
          }
        });
        incoming.on('end', finish);
        incoming.on('error', (error) => (answer ? undefined : reject(error)));
      },
    );
    outgoing.setTimeout(answerTimeoutMs, () =>
      outgoing.destroy(new Error(`no answer within ${answerTimeoutMs / 1000} s`)),
    );
    // A server that answers before reading the whole body (413) may reset the upload; the answer counts.
    outgoing.on('error', (error) => (answer ? resolve(answer) : reject(error)));
    outgoing.end(raw.body);
  });
}

/** The superjson envelope a tRPC client sends; an input superjson refuses (an own `__proto__`) goes as plain JSON. */
export function envelopeOf(input: unknown): unknown {
  try {
    return superjson.serialize(input);
  } catch {
    return { json: input };
  }
}

/** JSON of anything a test may send; a bigint, which JSON has no form for, goes as its digits. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
}

/** The envelope as JSON text. */
export function envelopeText(input: unknown): string {
  return jsonText(envelopeOf(input));
}

export interface TrpcCall {
  path: string;
  /** Left out of the request when undefined. */
  input?: unknown;
}

export interface TrpcRequestOptions {
  method: string;
  isBatch: boolean;
  /** Turns an input into what goes on the wire; the superjson envelope unless said otherwise. */
  encode?: (input: unknown) => unknown;
}

/** A request to the procedures at `paths` (comma-separated in a batch) with its input text: in `?input=` on GET, in the body otherwise. */
export function withInputText(
  paths: string,
  text: string | undefined,
  { method, isBatch }: Pick<TrpcRequestOptions, 'method' | 'isBatch'>,
): Pick<RawRequest, 'method' | 'path' | 'body'> {
  const query = [
    isBatch ? 'batch=1' : '',
    method === 'GET' && text ? `input=${encodeURIComponent(text)}` : '',
  ]
    .filter(Boolean)
    .join('&');
  return {
    method,
    path: `/trpc/${paths}${query ? `?${query}` : ''}`,
    body: method === 'GET' ? undefined : text,
  };
}

/** A tRPC call as the protocol carries it, one or a batch. */
export function trpcRequest(
  calls: readonly TrpcCall[],
  { method, isBatch, encode = envelopeOf }: TrpcRequestOptions,
): Pick<RawRequest, 'method' | 'path' | 'body'> {
  let payload: unknown;
  if (isBatch) {
    const entries = calls.flatMap((call, index) =>
      call.input === undefined ? [] : [[String(index), encode(call.input)] as const],
    );
    payload = entries.length > 0 ? Object.fromEntries(entries) : undefined;
  } else {
    payload = calls[0]?.input === undefined ? undefined : encode(calls[0].input);
  }
  const text = payload === undefined ? undefined : jsonText(payload);
  return withInputText(calls.map((call) => call.path).join(','), text, { method, isBatch });
}

/** Signs in over HTTP as the console does; answers the `Cookie` header the session rides on. */
export async function signInOverHttp(
  baseUrl: string,
  credentials: { email: string; password: string; workspace?: string },
): Promise<string> {
  const answer = await sendRaw(baseUrl, {
    ...trpcRequest([{ path: 'auth.signIn', input: credentials }], { method: 'POST', isBatch: false }),
    headers: { 'content-type': 'application/json' },
  });
  const cookie = (answer.headers['set-cookie'] ?? [])
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${sessionCookieName}=`));
  if (answer.status !== 200 || !cookie) {
    throw new Error(`signing in ${credentials.email} failed: ${answer.status} ${answer.body.slice(0, 300)}`);
  }
  return cookie;
}

/** Runs `work` over the items, at most `concurrency` at a time. */
export async function eachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export const sqlFragments = [
  'select ',
  'insert into',
  'delete from',
  'violates',
  'relation "',
  'duplicate key',
  'syntax error at',
  'invalid byte sequence',
  'invalid input syntax',
  'sqlstate',
];

export const stackFragments = ['    at ', '.ts:', '.js:', 'node_modules', 'node:internal'];

export interface Secret {
  /** What the text is, for the report. */
  label: string;
  text: string;
}

/**
 * What the body holds that it must not: SQL, a stack trace, or another workspace's data. Text the
 * request itself carried is an echo, not a leak, and is not counted.
 */
export function leaksIn(body: string, sent: string, secrets: readonly Secret[]): string[] {
  const lowerBody = body.toLowerCase();
  const lowerSent = sent.toLowerCase();
  const found = (text: string) =>
    lowerBody.includes(text.toLowerCase()) && !lowerSent.includes(text.toLowerCase());
  return [
    ...sqlFragments.filter(found).map((fragment) => `SQL ${JSON.stringify(fragment)}`),
    ...stackFragments.filter(found).map((fragment) => `stack trace ${JSON.stringify(fragment)}`),
    ...secrets.filter((secret) => found(secret.text)).map((secret) => `another workspace's ${secret.label}`),
  ];
}

/** What a request sent, decoded, to tell an echo from a leak. */
export function sentText(raw: RawRequest): string {
  let path = raw.path;
  try {
    path = decodeURIComponent(raw.path);
  } catch {
    // A path that is not valid percent-encoding is compared as it was sent.
  }
  return `${path}\n${raw.body ?? ''}`;
}

/** An excerpt that shows control characters and lone surrogates. */
export function excerpt(text: string | undefined, length = 300): string {
  if (text === undefined) return '(none)';
  const shown = JSON.stringify(text.length > length ? `${text.slice(0, length)}…` : text);
  return text.length > length ? `${shown} (${text.length} chars)` : shown;
}

export interface Finding {
  /** What went wrong: `answers 500`, `has no data.requestId`. */
  problem: string;
  /** What it went wrong with: the procedure, or the part of the protocol. */
  subject: string;
  /** The request and the answer. */
  detail: string;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** One message for all findings: by problem, then by subject, with an example of each. */
export function groupedReport(findings: readonly Finding[], subjectsPerProblem = 30): string {
  const sections = groupBy(findings, (finding) => finding.problem).map(([problem, ofProblem]) => {
    const subjects = groupBy(ofProblem, (finding) => finding.subject);
    const shown = subjects
      .slice(0, subjectsPerProblem)
      .map(
        ([subject, ofSubject]) => `    ${subject} (${ofSubject.length}), e.g. ${ofSubject[0]?.detail ?? ''}`,
      );
    const more =
      subjects.length > subjectsPerProblem ? [`    … and ${subjects.length - subjectsPerProblem} more`] : [];
    return [`  ${problem} (${ofProblem.length})`, ...shown, ...more].join('\n');
  });
  return `${findings.length} findings:\n${sections.join('\n')}`;
}
