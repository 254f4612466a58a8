import { randomBytes, randomUUID } from 'node:crypto';
import { roles, type Role } from '@tessera/domain';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../router.ts';
import {
  leafPaths,
  proceduresOf,
  replaceAt,
  tidyInputOf,
  uuidShape,
  type Path,
  type ProcedureEntry,
} from '../testing/arbitrary-input.ts';
import {
  excerpt,
  groupedReport,
  leaksIn,
  sendRaw,
  sentText,
  signInOverHttp,
  trpcRequest,
  type Finding,
  type RawAnswer,
  type RawRequest,
} from '../testing/raw-http.ts';
import { startTestServer, testPassword, type TestServer } from '../testing/index.ts';
import {
  addMember,
  createVictimWorkspace,
  type NamedRecord,
  type VictimWorkspace,
} from '../testing/victim-workspace.ts';

const inputSeed = 20_261_129;

interface Credential {
  name: string;
  headers(): Promise<Record<string, string>>;
}

/** Two inputs that differ only where one names the victim's record and the other names nothing. */
interface Variant {
  name: string;
  victimInput: unknown;
  freshInput: unknown;
  /** The values put in, the victim's and the fresh ones, which messages may echo. */
  values: string[];
  /** Whether an id of the victim's is in the input, so that no answer may succeed. */
  hasVictimId: boolean;
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (inner, key) =>
      typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>)[key] : undefined,
    value,
  );
}

type FieldKind = 'id' | 'email' | 'slug' | 'identifierQuery';

const ulidShape = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i;

/**
 * Which of a record's values a leaf of an input takes: ids (uuids and ULIDs) by their shape, emails,
 * slugs and identifier queries by the field's name. An external id, unique in its workspace as a
 * slug is, takes a slug's values: two calls with one external id would meet each other's record.
 */
function fieldKind(path: Path, value: unknown): FieldKind | undefined {
  const key = String(path.at(-1) ?? '');
  if (typeof value !== 'string') return undefined;
  if (uuidShape.test(value) || ulidShape.test(value)) return 'id';
  if (key === 'identifierQuery') return 'identifierQuery';
  if (/email/i.test(key)) return 'email';
  if (/slug|workspace|externalId/i.test(key)) return 'slug';
  return undefined;
}

const freshValues = new Map<string, string>();

/**
 * The value of nothing that stands for one of the victim's: always the same one, so that whatever
 * counts requests by value (the sign-in throttle counts failures per email) counts both alike.
 */
function freshValueFor(victimValue: string, kind: FieldKind): string {
  const suffix = randomBytes(5).toString('hex');
  const freshOf: Record<FieldKind, () => string> = {
    id: () => (ulidShape.test(victimValue) ? ulid() : randomUUID()),
    email: () => `nobody-${suffix}@nowhere.test`,
    slug: () => `ws-${suffix}`,
    // Another source: a record the victim's query made in the caller's workspace would hold the same identifiers.
    identifierQuery: () => `othershop:customer:email:nobody-${suffix}@nowhere.test`,
  };
  const fresh = freshValues.get(victimValue) ?? freshOf[kind]();
  freshValues.set(victimValue, fresh);
  return fresh;
}

/** For each of the victim's records that fits the input's fields, the input naming it and the same naming nothing. */
function variantsOf(input: unknown, records: readonly NamedRecord[]): Variant[] {
  const fields = leafPaths(input).flatMap((path) => {
    const kind = fieldKind(path, valueAt(input, path));
    return kind ? [{ path, kind }] : [];
  });
  const variants = records.flatMap((record): Variant[] => {
    const named = fields.filter(({ kind }) => record[kind] !== undefined);
    if (named.length === 0) return [];
    let victimInput = input;
    let freshInput = input;
    const values: string[] = [];
    for (const { path, kind } of named) {
      const victimValue = record[kind] as string;
      const fresh = freshValueFor(victimValue, kind);
      victimInput = replaceAt(victimInput, path, victimValue);
      freshInput = replaceAt(freshInput, path, fresh);
      values.push(victimValue, fresh);
    }
    return [
      {
        name: `the victim's ${record.kind} (${named.map(({ path }) => path.join('.')).join(', ')})`,
        victimInput,
        freshInput,
        values,
        hasVictimId: named.some(({ kind }) => kind === 'id'),
      },
    ];
  });
  if (variants.length > 0) return variants;
  return [{ name: 'no ids', victimInput: input, freshInput: input, values: [], hasVictimId: false }];
}

/** What an answer tells a caller: its status and error, with the values the request put in and numbers masked. */
function signatureOf(answer: RawAnswer, values: readonly string[]): string {
  if (answer.status < 300) return String(answer.status);
  let error: unknown;
  try {
    error = (JSON.parse(answer.body) as { error?: { json?: unknown } }).error?.json;
  } catch {
    error = answer.body;
  }
  const { message, data } = (error ?? {}) as { message?: unknown; data?: Record<string, unknown> };
  const shown = {
    message,
    code: data?.code,
    domainCode: data?.domainCode,
    issues: data?.issues,
    details: data?.details,
  };
  const masked = values.reduce((text, value) => text.replaceAll(value, '<value>'), JSON.stringify(shown));
  // Numbers that tell time, such as the seconds until the sign-in throttle lets go, differ between two calls.
  return `${answer.status} ${masked.replaceAll(/\d+/g, '#')}`;
}

let server: TestServer;
let victim: VictimWorkspace;
let before: unknown;
let requestCount = 0;

// Each request comes from a loopback address of its own, so that the sign-in throttle, which counts
// failures per client address, treats the victim's and the fresh variant alike.
function nextLocalAddress(): string {
  requestCount++;
  return `127.${1 + Math.floor(requestCount / 62_500)}.${Math.floor(requestCount / 250) % 250}.${1 + (requestCount % 250)}`;
}

/**
 * A new calling workspace with a member of every role, each with an API token, and a console
 * session. Each procedure gets one of its own, so that what one procedure wrote (a profile with
 * the victim's email) does not change what the next one answers.
 */
async function callerCredentials(): Promise<Credential[]> {
  const caller = await server.app.newWorkspace('master');
  const { workspaceId, workspaceSlug } = caller.member;
  const tokens = new Map<Role, string>([['master', caller.token]]);
  for (const role of roles.filter((role) => !tokens.has(role))) {
    const member = await addMember(server.app, workspaceId, {
      role,
      email: `${role}@${workspaceSlug}.test`,
      name: `A ${role}`,
    });
    tokens.set(role, member.token);
  }
  return [
    ...[...tokens].map(([role, token]) => ({
      name: `${role} token`,
      headers: () => Promise.resolve({ authorization: `Bearer ${token}` }),
    })),
    {
      // A session of its own for every call: a procedure may end the session it is called with.
      name: 'master session',
      headers: async () => ({
        cookie: await signInOverHttp(server.url, { email: caller.member.email, password: testPassword }),
      }),
    },
    { name: 'no credentials', headers: () => Promise.resolve({}) },
  ];
}

/** Calls the procedure as the credential with the victim's values and with fresh ones, and says what differs or leaks. */
async function findingsOf(
  entry: ProcedureEntry,
  credential: Credential,
  variant: Variant,
): Promise<Finding[]> {
  const method = entry.type === 'mutation' ? 'POST' : 'GET';
  const call = async (input: unknown): Promise<[RawRequest, RawAnswer]> => {
    const request: RawRequest = {
      ...trpcRequest([{ path: entry.path, input }], { method, isBatch: false }),
      headers: {
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        ...(await credential.headers()),
      },
      localAddress: nextLocalAddress(),
    };
    return [request, await sendRaw(server.url, request)];
  };
  const [victimRequest, victimAnswer] = await call(variant.victimInput);
  const [freshRequest, freshAnswer] = await call(variant.freshInput);
  const subject = `${entry.path} as ${credential.name}`;
  const said = (answer: RawAnswer) => `with ${variant.name}: ${answer.status} ${excerpt(answer.body, 400)}`;
  const findings: Finding[] = [];
  if (signatureOf(victimAnswer, variant.values) !== signatureOf(freshAnswer, variant.values)) {
    findings.push({
      problem: "answers another workspace's record differently from no record",
      subject,
      detail: `${said(victimAnswer)}; with ids of nothing instead: ${freshAnswer.status} ${excerpt(freshAnswer.body, 400)}`,
    });
  }
  if (variant.hasVictimId && victimAnswer.status < 300) {
    findings.push({ problem: "succeeds with another workspace's id", subject, detail: said(victimAnswer) });
  }
  for (const [request, answer] of [
    [victimRequest, victimAnswer],
    [freshRequest, freshAnswer],
  ] as const) {
    for (const leak of leaksIn(answer.body, sentText(request), victim.secrets)) {
      findings.push({ problem: `body holds ${leak}`, subject, detail: said(answer) });
    }
  }
  return findings;
}

beforeAll(async () => {
  server = await startTestServer();
  victim = await createVictimWorkspace(server.app, server.url);
  before = await victim.snapshot();
});
afterAll(() => server.close());

// Thousands of requests, more with every procedure: well past the default timeout.
describe('the tenancy matrix', { timeout: 300_000 }, () => {
  it("answers every procedure, as every credential, alike for another workspace's ids and for ids of nothing", async () => {
    const findings: Finding[] = [];
    for (const entry of proceduresOf(appRouter)) {
      const credentials = await callerCredentials();
      const inputs = entry.input
        ? [tidyInputOf(entry.input, inputSeed, 'all'), tidyInputOf(entry.input, inputSeed, 'required')]
        : [undefined];
      const distinct = [...new Map(inputs.map((input) => [JSON.stringify(input), input])).values()];
      for (const variant of distinct.flatMap((input) => variantsOf(input, victim.records))) {
        for (const credential of credentials)
          findings.push(...(await findingsOf(entry, credential, variant)));
      }
    }
    console.info(`tenancy matrix: ${requestCount} requests`);
    expect.soft(findings.length, groupedReport(findings)).toBe(0);
    expect(await victim.snapshot(), "another workspace's data changed").toEqual(before);
  });
});
