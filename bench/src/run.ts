// Measures, in one run on the same data, bare `pg`, tRPC's stock HTTP adapter and Tessera's
// endpoint: a trivial query, a profile lookup and an upsert, each at 16 connections.
//   pnpm bench                       (BENCH_PROFILES, BENCH_SECONDS, BENCH_DATABASE_URL to change)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createDeps, createWorkspace } from '@tessera/api/app';
import { createDb, migrateToLatest } from '@tessera/db';
import { sql } from 'kysely';
import pg from 'pg';
import superjson from 'superjson';
import { Pool as HttpPool } from 'undici';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const profileCount = Number(process.env.BENCH_PROFILES ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 16;
const databaseName = 'tessera_bench';

function databaseUrl(): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

async function freshDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.query(`create database ${databaseName}`);
  await admin.end();
}

interface Fixture {
  workspaceId: string;
  token: string;
  ids: string[];
  emails: string[];
}

async function fill(): Promise<Fixture> {
  const database = createDb({ databaseUrl: databaseUrl() });
  await migrateToLatest(database.db);
  const { workspace, token } = await createWorkspace(createDeps(database.db), {
    name: 'Bench',
    slug: 'bench',
    owner: { email: 'bench@tessera.dev', name: 'Bench', role: 'master', password: null },
    tokenName: 'bench',
  });
  await sql`
    insert into profiles (workspace_id, id, first_name, middle_name, last_name, email, created_at, updated_at)
    select ${workspace.id}::uuid, gen_random_uuid(), 'First' || i, null, 'Last' || i, 'user' || i || '@bench.test',
           now() - i * interval '1 second', now()
    from generate_series(1, ${profileCount}::int) as i`.execute(database.db);
  await sql`analyze`.execute(database.db);
  const sample = await sql<{ id: string; email: string }>`
    select id, email from profiles where workspace_id = ${workspace.id} order by random() limit 10000`.execute(
    database.db,
  );
  await database.close();
  if (!token) throw new Error('no token');
  return {
    workspaceId: workspace.id,
    token: token.secret,
    ids: sample.rows.map((row) => row.id),
    emails: sample.rows.map((row) => row.email),
  };
}

interface Result {
  name: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Runs `operation` from 16 workers for the set time, after a short warm-up. */
async function measure(name: string, operation: () => Promise<void>): Promise<Result> {
  const run = async (ms: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < end) {
          const start = performance.now();
          try {
            await operation();
            latencies.push(performance.now() - start);
          } catch {
            errors++;
          }
        }
      }),
    );
    return { latencies, errors };
  };
  await run(2_000);
  const { latencies, errors } = await run(seconds * 1000);
  latencies.sort((a, b) => a - b);
  const at = (fraction: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))] ?? NaN;
  const result = {
    name,
    requests: latencies.length,
    errors,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
  };
  process.stdout.write(
    `  ${name.padEnd(34)} ${result.perSecond.toFixed(0).padStart(7)}/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms${errors ? `  ${errors} errors` : ''}\n`,
  );
  return result;
}

const pick = <T>(items: T[]): T => items[randomInt(items.length)] as T;

async function startServer(
  handler: 'tessera' | 'stock' | 'minimal',
  port: number,
  fixture: Fixture,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/serve.ts', handler], {
    cwd: new URL('..', import.meta.url),
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl(),
      NODE_ENV: 'production',
      BENCH_WORKSPACE_ID: fixture.workspaceId,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the ${handler} server exited with ${code}`)));
  });
  return child;
}

async function measureApi(
  label: string,
  port: number,
  fixture: Fixture,
  isTrivialMeasured = true,
): Promise<(Result | undefined)[]> {
  const http = new HttpPool(`http://127.0.0.1:${port}`, { connections, pipelining: 1 });
  const headers = { authorization: `Bearer ${fixture.token}` };
  const call = async (options: { path: string; method?: 'GET' | 'POST'; body?: string }) => {
    const response = await http.request({
      path: options.path,
      method: options.method ?? 'GET',
      headers: options.body ? { ...headers, 'content-type': 'application/json' } : headers,
      body: options.body,
    });
    await response.body.text();
    if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
  };
  const input = (value: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(value)));
  const results = [
    isTrivialMeasured
      ? await measure(`${label}: trivial query`, () => call({ path: '/trpc/auth.me' }))
      : undefined,
    await measure(`${label}: lookup by id`, () =>
      call({ path: `/trpc/profiles.get?input=${input({ id: pick(fixture.ids) })}` }),
    ),
    await measure(`${label}: upsert by email`, () =>
      call({
        path: '/trpc/profiles.upsert',
        method: 'POST',
        body: JSON.stringify(
          superjson.serialize({ email: pick(fixture.emails), firstName: `F${randomInt(1000)}` }),
        ),
      }),
    ),
  ];
  await http.close();
  return results;
}

async function measureBare(fixture: Fixture): Promise<Result[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: connections });
  const lookup = {
    name: 'bare_lookup',
    text: `select workspace_id, id, first_name, middle_name, last_name, email, version, created_at, updated_at
           from profiles where workspace_id = $1 and id = $2`,
  };
  const upsert = {
    name: 'bare_upsert',
    text: `insert into profiles (workspace_id, id, first_name, email, created_at, updated_at)
           values ($1, gen_random_uuid(), $2, $3, now(), now())
           on conflict on constraint profiles_workspace_email_key
           do update set first_name = excluded.first_name, updated_at = excluded.updated_at, version = profiles.version + 1
           returning workspace_id, id, first_name, middle_name, last_name, email, version, created_at, updated_at`,
  };
  // The same upsert with the audit entry every write of Tessera's records, in one statement, with the
  // row it replaced read under lock as Tessera's does: what auditing itself costs, apart from the API.
  const upsertAudited = {
    name: 'bare_upsert_audited',
    text: `with before as materialized (
             select jsonb_build_object('firstName', first_name, 'email', email, 'version', version) as snapshot, version
             from profiles where workspace_id = $1 and email = $3 for update),
           upserted as (
             insert into profiles (workspace_id, id, first_name, email, created_at, updated_at)
             select $1, gen_random_uuid(), $2, $3, now(), now() from (select count(*) from before) as locked
             on conflict on constraint profiles_workspace_email_key
             do update set first_name = excluded.first_name, updated_at = excluded.updated_at, version = profiles.version + 1
             returning workspace_id, id, first_name, email, version, (xmax = 0) as is_created),
           audit as (insert into audit_entries (workspace_id, id, action, entity_type, entity_id, before, after, created_at)
                     select u.workspace_id, gen_random_uuid(),
                            case when u.is_created then 'profile.create' else 'profile.update' end, 'profile', u.id::text,
                            (select b.snapshot from before b where b.version = u.version - 1),
                            jsonb_build_object('firstName', u.first_name, 'email', u.email, 'version', u.version), now()
                     from upserted u)
           select * from upserted`,
  };
  const results = [
    await measure('bare pg: lookup by id', async () => {
      await pool.query({ ...lookup, values: [fixture.workspaceId, pick(fixture.ids)] });
    }),
    await measure('bare pg: upsert by email', async () => {
      await pool.query({
        ...upsert,
        values: [fixture.workspaceId, `F${randomInt(1000)}`, pick(fixture.emails)],
      });
    }),
    await measure('bare pg: upsert with its audit entry', async () => {
      await pool.query({
        ...upsertAudited,
        values: [fixture.workspaceId, `F${randomInt(1000)}`, pick(fixture.emails)],
      });
    }),
  ];
  await pool.end();
  return results;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

process.stdout.write(`Filling ${profileCount.toLocaleString('en')} profiles…\n`);
await freshDatabase();
const fixture = await fill();
process.stdout.write(`Measuring for ${seconds} s each at ${connections} connections:\n`);

const [bareLookup, bareUpsert, bareUpsertAudited] = await measureBare(fixture);
const minimalServer = await startServer('minimal', 3900, fixture);
const [, minimalLookup, minimalUpsert] = await measureApi('minimal node:http + pg', 3900, fixture, false);
await stop(minimalServer);
const stockServer = await startServer('stock', 3901, fixture);
const [stockTrivial, stockLookup, stockUpsert] = await measureApi('stock tRPC adapter', 3901, fixture);
await stop(stockServer);
const tesseraServer = await startServer('tessera', 3902, fixture);
const [trivial, lookup, upsert] = await measureApi('Tessera endpoint', 3902, fixture);
await stop(tesseraServer);

if (
  !bareLookup ||
  !bareUpsert ||
  !bareUpsertAudited ||
  !minimalLookup ||
  !minimalUpsert ||
  !stockTrivial ||
  !stockLookup ||
  !stockUpsert ||
  !trivial ||
  !lookup ||
  !upsert
) {
  throw new Error('a measurement is missing');
}
const ratio = (a: Result, b: Result) => a.perSecond / b.perSecond;
const p99Bound = (bare: Result) => 2 * bare.p99 + 5;
const verdict = (isMet: boolean) => (isMet ? 'met' : 'MISSED');
const rows = [
  [
    'lookup, Tessera ÷ bare pg',
    ratio(lookup, bareLookup),
    '≥ 0.5 (stretch 0.7)',
    ratio(lookup, bareLookup) >= 0.5,
  ],
  ['upsert, Tessera ÷ bare pg', ratio(upsert, bareUpsert), '≥ 0.6', ratio(upsert, bareUpsert) >= 0.6],
  [
    'trivial query, Tessera ÷ stock adapter',
    ratio(trivial, stockTrivial),
    '≥ 5',
    ratio(trivial, stockTrivial) >= 5,
  ],
  ['lookup, minimal node:http + pg ÷ bare pg', ratio(minimalLookup, bareLookup), '', true],
  ['lookup, Tessera ÷ minimal node:http + pg', ratio(lookup, minimalLookup), '', true],
  ['upsert, minimal node:http + pg ÷ bare pg', ratio(minimalUpsert, bareUpsert), '', true],
  ['upsert, Tessera ÷ bare pg upsert with its audit entry', ratio(upsert, bareUpsertAudited), '', true],
  ['lookup, stock adapter ÷ bare pg', ratio(stockLookup, bareLookup), '', true],
  ['upsert, stock adapter ÷ bare pg', ratio(stockUpsert, bareUpsert), '', true],
] as const;
const latencyRows = [
  ['lookup p99', lookup.p99, p99Bound(bareLookup)],
  ['upsert p99', upsert.p99, p99Bound(bareUpsert)],
] as const;

const table = [
  `${profileCount.toLocaleString('en')} profiles, ${seconds} s per measurement, ${connections} connections, Node ${process.version}`,
  '',
  '| measurement | requests/s | p50 ms | p99 ms |',
  '|---|---:|---:|---:|',
  ...[
    bareLookup,
    bareUpsert,
    bareUpsertAudited,
    minimalLookup,
    minimalUpsert,
    stockTrivial,
    stockLookup,
    stockUpsert,
    trivial,
    lookup,
    upsert,
  ].map(
    (result) =>
      `| ${result.name} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(2)} | ${result.p99.toFixed(2)} |`,
  ),
  '',
  '| ratio | value | target | |',
  '|---|---:|---|---|',
  ...rows.map(
    ([name, value, target, isMet]) =>
      `| ${name} | ${value.toFixed(2)} | ${target} | ${target ? verdict(isMet) : ''} |`,
  ),
  ...latencyRows.map(
    ([name, value, bound]) =>
      `| ${name} | ${value.toFixed(2)} ms | ≤ 2 × bare p99 + 5 = ${bound.toFixed(2)} ms | ${verdict(value <= bound)} |`,
  ),
].join('\n');
process.stdout.write(`\n${table}\n`);
writeFileSync(new URL('../last-results.md', import.meta.url), `${table}\n`);
