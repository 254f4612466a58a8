// Measures, in one run on the same generated data, the profile operations through bare `pg`, a
// minimal node:http + pg server running the same SQL, and Tessera's endpoint, at 16 connections;
// plus a trivial query through tRPC's stock adapter and Tessera's endpoint; and the usage monitor's
// summary over a million usage events, through bare `pg` running the same SQL and Tessera's endpoint.
//   pnpm bench                       (BENCH_PROFILES, BENCH_USAGE_EVENTS, BENCH_SECONDS,
//                                     BENCH_DATABASE_URL to change;
//                                     BENCH_CPU_PROFILE_DIR to profile each server)
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createDeps, createWorkspace } from '@tessera/api/app';
import { createDb, migrateToLatest, workspaceScope, type Database } from '@tessera/db';
import { countUsage } from '@tessera/db/activity';
import { findProfile, findProfileByEmail, profilePageQuery, searchProfiles } from '@tessera/db/profiles';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import superjson from 'superjson';
import { Pool as HttpPool } from 'undici';
import { bind, encodeCursor, sentinels, type Template, type Templates } from './queries.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const profileCount = Number(process.env.BENCH_PROFILES ?? 1_000_000);
const usageEventCount = Number(process.env.BENCH_USAGE_EVENTS ?? 1_000_000);
const organizationCount = 200;
const modules =
  `Dashboards Reports Billing Search Exports Imports Alerts Users Settings Integrations Mobile API`.split(
    ' ',
  );
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 16;
const databaseName = process.env.BENCH_DATABASE_NAME ?? 'tessera_bench';
const pageSize = 50;
/** The deepest offset the API accepts (profileOffsetMax), as the list measurement's name says. */
const deepOffset = 10_000;

// Common names first: the fill draws them skewed towards the start of each list, so that "john"
// or "smith" match tens of thousands of profiles and the last names of each list a few hundred.
const firstNames = `John James Mary Michael Robert Jennifer David Linda William Patricia Richard Elizabeth
  Joseph Barbara Thomas Susan Charles Jessica Christopher Sarah Daniel Karen Matthew Nancy Anthony Lisa
  Mark Betty Donald Margaret Steven Sandra Paul Ashley Andrew Kimberly Joshua Emily Kenneth Donna Kevin
  Michelle Brian Carol George Amanda Timothy Dorothy Ronald Melissa Edward Deborah Jason Stephanie
  Jeffrey Rebecca Ryan Sharon Jacob Laura Gary Cynthia Nicholas Kathleen Eric Amy Jonathan Angela
  Stephen Shirley Larry Anna Justin Brenda Scott Pamela Brandon Emma Benjamin Nicole Samuel Helen
  Gregory Samantha Alexander Katherine Frank Christine Patrick Debra Raymond Rachel Jack Carolyn Dennis
  Janet Jerry Catherine Tyler Maria Aaron Heather Jose Diane Adam Ruth Nathan Julie Henry Olivia
  Douglas Joyce Zachary Virginia Peter Victoria Kyle Kelly Ethan Lauren Walter Christina Noah Joan
  Jeremy Evelyn Christian Judith Keith Megan Roger Andrea Terry Cheryl Gerald Hannah Harold Jacqueline
  Sean Martha Austin Gloria Carl Teresa Arthur Ann Lawrence Sara Dylan Madison Jesse Frances Jordan
  Kathryn Bryan Janice Billy Jean Joe Abigail Bruce Alice Gabriel Judy Logan Sophia Albert Grace Willie
  Denise Alan Amber Juan Doris Wayne Marilyn Elijah Danielle Randy Beverly Roy Isabella Vincent Theresa
  Ralph Diana Eugene Natalie Russell Brittany Bobby Charlotte Mason Marie Philip Kayla Louis Alexis`
  .split(/\s+/)
  .filter(Boolean);
const lastNames = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
  Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
  Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores
  Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner
  Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz
  Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez
  Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross
  Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales
  Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace
  Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro
  Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman
  Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason
  Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills
  Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn
  Kowalczyk Nakamura Okonkwo Zielinski Abernathy Quisenberry Yarborough Vanderslice Zwicky`
  .split(/\s+/)
  .filter(Boolean);
// A large share at gmail.com, the rest at a handful of others (weights by repetition).
const domains = [
  ...Array<string>(9).fill('gmail.com'),
  ...Array<string>(3).fill('yahoo.com'),
  ...Array<string>(2).fill('hotmail.com'),
  ...Array<string>(2).fill('outlook.com'),
  'icloud.com',
  'aol.com',
  'proton.me',
  'comcast.net',
];
const sqlArray = (items: string[]) => `array[${items.map((item) => `'${item}'`).join(',')}]`;
/** An element of a list, drawn with probability falling along it (the square of a uniform draw). */
const skewed = (items: string[]) =>
  `(${sqlArray(items)})[1 + floor(${items.length} * power(random(), 2))::int]`;

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
  /** The email of one profile, before its `@`: a term only that profile matches. */
  rareTerm: string;
  /** The sort value and id of the row a page at depth (the last page) starts after. */
  deep: { value: string; id: string };
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
  await database.close();
  if (!token) throw new Error('no token');
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  await client.query(`set maintenance_work_mem = '512MB'`);
  // The secondary indexes are built once after the fill rather than row by row (the trigram one
  // above all); the unique constraints, and the trigger that keeps contact points, stay.
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where tablename = 'profiles'
       and indexname not in (select conname from pg_constraint)`,
  );
  for (const index of indexes) await client.query(`drop index ${index.indexname}`);
  // Created one second apart, in whole seconds (a cursor keeps milliseconds); a third with a phone.
  await client.query(
    `insert into profiles (workspace_id, id, first_name, last_name, email, mobile_phone, created_at, updated_at)
     select $1::uuid, gen_random_uuid(), first_name, last_name,
            lower(first_name) || '.' || lower(last_name) || i || '@' || domain,
            case when i % 3 = 0 then '+1' || (2000000000 + i)::text end,
            start - i * interval '1 second', start
     from (select i, ${skewed(firstNames)} as first_name, ${skewed(lastNames)} as last_name,
                  (${sqlArray(domains)})[1 + floor(${domains.length} * random())::int] as domain,
                  date_trunc('second', now()) as start
           from generate_series(1, $2::int) as i) as generated`,
    [workspace.id, profileCount],
  );
  for (const index of indexes) await client.query(index.indexdef);
  await client.query('vacuum analyze');
  const sample = await client.query<{ id: string; email: string }>(
    `select id, email from profiles where workspace_id = $1 order by random() limit 10000`,
    [workspace.id],
  );
  const deep = await client.query<{ created_at: Date; id: string }>(
    `select created_at, id from profiles where workspace_id = $1 and lifecycle <> 'deleted'
     order by created_at desc, id desc offset $2 limit 1`,
    [workspace.id, Math.max(0, profileCount - pageSize - 1)],
  );
  await client.end();
  const deepRow = deep.rows[0];
  const rareEmail = sample.rows[0]?.email;
  if (!deepRow || !rareEmail) throw new Error('the fill left no profiles');
  return {
    workspaceId: workspace.id,
    token: token.secret,
    ids: sample.rows.map((row) => row.id),
    emails: sample.rows.map((row) => row.email),
    rareTerm: rareEmail.split('@')[0] ?? rareEmail,
    deep: { value: deepRow.created_at.toISOString(), id: deepRow.id },
  };
}

/**
 * Organizations and their usage over the last 365 days: the busiest organizations and modules
 * draw most of it (a skewed draw, as in the profiles), the clock spread evenly. The day counts are
 * made by the database as the events are stored, as they are when Tessera stores them.
 */
async function fillUsage(workspaceId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query(
    `insert into organizations (workspace_id, id, name, created_at, updated_at)
     select $1::uuid, gen_random_uuid(), 'Organization ' || i, now(), now()
     from generate_series(1, $2::int) as i`,
    [workspaceId, organizationCount],
  );
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes where tablename = 'usage_events'
       and indexname not in (select conname from pg_constraint)`,
  );
  for (const index of indexes) await client.query(`drop index ${index.indexname}`);
  await client.query(
    `insert into usage_events (workspace_id, id, organization_id, profile_id, module, activity, occurred_at)
     select $1::uuid, 'event-' || i, organizations.ids[1 + floor(array_length(organizations.ids, 1) * power(random(), 2))::int],
            gen_random_uuid(), ${skewed(modules)}, 'use', now() - random() * interval '365 days'
     from generate_series(1, $2::int) as i,
          (select array_agg(id order by name) as ids from organizations where workspace_id = $1) as organizations`,
    [workspaceId, usageEventCount],
  );
  for (const index of indexes) await client.query(index.indexdef);
  await client.query(
    'vacuum analyze usage_events, usage_day_counts, usage_organization_day_counts, usage_module_day_counts',
  );
  const { rows } = await client.query<{ full: string; organizations: string; modules: string }>(
    `select (select count(*) from usage_day_counts where workspace_id = $1) as full,
            (select count(*) from usage_organization_day_counts where workspace_id = $1) as organizations,
            (select count(*) from usage_module_day_counts where workspace_id = $1) as modules`,
    [workspaceId],
  );
  const [counts] = rows;
  const format = (value: string | undefined) => Number(value).toLocaleString('en');
  process.stdout.write(
    `Filled ${usageEventCount.toLocaleString('en')} usage events in ${organizationCount} organizations: day counts ${format(counts?.full)} by organization and module, ${format(counts?.organizations)} by organization, ${format(counts?.modules)} by module.\n`,
  );
  await client.end();
}

/** The usage monitor's summaries measured: the console's first view, and a whole year by organization. */
const today = new Date().toISOString().slice(0, 10);
const daysBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const summaries = {
  'usage summary, 30 days by module per day': {
    from: daysBefore(29),
    to: today,
    groupBy: 'module',
    interval: 'day',
  },
  'usage summary, 365 days by organization per week': {
    from: daysBefore(364),
    to: today,
    groupBy: 'organization',
    interval: 'week',
  },
} as const;
type Summary = keyof typeof summaries;
const summaryNames = Object.keys(summaries) as Summary[];

/** The SQL of each summary, as Tessera's query compiles it. */
async function captureSummaries(workspaceId: string): Promise<Record<Summary, Template>> {
  const captured: Template[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query')
        captured.push({ text: event.query.sql, values: [...event.query.parameters] });
    },
  });
  const templates = {} as Record<Summary, Template>;
  for (const name of summaryNames) {
    captured.length = 0;
    await countUsage(db, workspaceScope(workspaceId), summaries[name]);
    const [query] = captured;
    if (!query) throw new Error(`${name} ran no query`);
    templates[name] = JSON.parse(JSON.stringify(query)) as Template;
  }
  await db.destroy();
  return templates;
}

/** The SQL Tessera runs for each measured call, compiled by its own query builders. */
async function captureTemplates(workspaceId: string): Promise<Templates> {
  const captured: Template[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') {
        captured.push({ text: event.query.sql, values: [...event.query.parameters] });
      }
    },
  });
  const scope = workspaceScope(workspaceId);
  const json = (compiled: { sql: string; parameters: readonly unknown[] }): Template =>
    JSON.parse(JSON.stringify({ text: compiled.sql, values: compiled.parameters })) as Template;
  const page = {
    sortBy: 'createdAt',
    sortOrder: 'desc',
    filter: {},
    limit: pageSize + 1,
    offset: 0,
    after: undefined,
  } as const;
  const listFirst = json(profilePageQuery(db, scope, page).compile());
  const listCursor = json(
    profilePageQuery(db, scope, { ...page, after: { value: sentinels.value, id: sentinels.id } }).compile(),
  );
  const listOffset = json(profilePageQuery(db, scope, { ...page, offset: sentinels.offset }).compile());
  const capture = async (run: () => Promise<unknown>, name: string): Promise<Template> => {
    captured.length = 0;
    await run();
    const [query] = captured;
    if (!query) throw new Error(`${name} ran no query`);
    return JSON.parse(JSON.stringify(query)) as Template;
  };
  const search = await capture(
    () => searchProfiles(db, scope, { text: sentinels.term, filter: {}, limit: pageSize }),
    'the search',
  );
  const get = await capture(() => findProfile(db, scope, sentinels.id), 'get by id');
  const getByEmail = await capture(() => findProfileByEmail(db, scope, sentinels.email), 'get by email');
  await db.destroy();
  // The lookups run with the workspace as $1 and the id or email as $2, as the minimal server passes them.
  for (const [template, value] of [
    [get, sentinels.id],
    [getByEmail, sentinels.email],
  ] as const) {
    if (template.values[0] !== workspaceId || template.values[1] !== value || template.values.length !== 2) {
      throw new Error(`unexpected parameters in ${template.text}`);
    }
  }
  return {
    get,
    getByEmail,
    create: {
      text: `insert into "profiles" ("workspace_id", "id", "first_name", "last_name", "email", "created_at", "updated_at")
             values ($1, gen_random_uuid(), $2, $3, $4, now(), now()) returning *`,
      values: [],
    },
    update: {
      text: `update "profiles" set "first_name" = $3, "updated_at" = now(), "version" = "version" + 1
             where "workspace_id" = $1 and "id" = $2 returning *`,
      values: [],
    },
    search: JSON.parse(JSON.stringify(search)) as Template,
    listFirst,
    listCursor,
    listOffset,
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
async function measure(
  name: string,
  operation: () => Promise<unknown>,
  workers = connections,
): Promise<Result> {
  const run = async (ms: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let firstError: unknown;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (performance.now() < end) {
          const start = performance.now();
          try {
            await operation();
            latencies.push(performance.now() - start);
          } catch (error) {
            errors++;
            firstError ??= error;
          }
        }
      }),
    );
    return { latencies, errors, firstError };
  };
  await run(Math.min(2_000, seconds * 1000));
  const { latencies, errors, firstError } = await run(seconds * 1000);
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
    `  ${name.padEnd(44)} ${result.perSecond.toFixed(0).padStart(7)}/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms${errors ? `  ${errors} errors, first: ${String(firstError)}` : ''}\n`,
  );
  return result;
}

const pick = <T>(items: T[]): T => items[randomInt(items.length)] as T;
const newEmail = () => `new-${randomUUID()}@${pick(domains)}`;

type Handler = 'tessera' | 'stock' | 'minimal';

async function startServer(
  handler: Handler,
  port: number,
  fixture: Fixture,
  templates: Templates,
): Promise<ChildProcess> {
  // BENCH_CPU_PROFILE_DIR: each server writes a V8 CPU profile there when it stops.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profiling = profileDir ? ['--cpu-prof', '--cpu-prof-dir', `${profileDir}/${handler}`] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'src/serve.ts', handler], {
    cwd: new URL('..', import.meta.url),
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl(),
      NODE_ENV: 'production',
      BENCH_WORKSPACE_ID: fixture.workspaceId,
      BENCH_TEMPLATES: JSON.stringify(templates),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the ${handler} server exited with ${code}`)));
  });
  return child;
}

/** The measured operations, in the order of the table. */
const operations = [
  'create',
  'get by id',
  'get by email',
  'update',
  'search, rare term',
  'search "john"',
  'search "gmail"',
  'list, first page',
  'list, cursor page at the last row',
  'list, offset 10,000',
] as const;
type Operation = (typeof operations)[number];

interface Call {
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
}

function apiCalls(fixture: Fixture): Record<Operation, () => Call> {
  const query = (procedure: string, value: unknown) => ({
    path: `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(value)))}`,
  });
  const mutation = (procedure: string, value: unknown): Call => ({
    path: `/trpc/${procedure}`,
    method: 'POST',
    body: JSON.stringify(superjson.serialize(value)),
  });
  const cursor = encodeCursor('createdAt:desc', fixture.deep.value, fixture.deep.id);
  return {
    create: () =>
      mutation('profiles.create', {
        firstName: pick(firstNames),
        lastName: pick(lastNames),
        email: newEmail(),
      }),
    'get by id': () => query('profiles.get', { id: pick(fixture.ids) }),
    'get by email': () => query('profiles.getByEmail', { email: pick(fixture.emails) }),
    update: () => mutation('profiles.update', { id: pick(fixture.ids), firstName: pick(firstNames) }),
    'search, rare term': () => query('profiles.list', { q: fixture.rareTerm, limit: pageSize }),
    'search "john"': () => query('profiles.list', { q: 'john', limit: pageSize }),
    'search "gmail"': () => query('profiles.list', { q: 'gmail', limit: pageSize }),
    'list, first page': () => query('profiles.list', { limit: pageSize }),
    'list, cursor page at the last row': () => query('profiles.list', { limit: pageSize, cursor }),
    'list, offset 10,000': () => query('profiles.list', { limit: pageSize, offset: deepOffset }),
  };
}

function summaryCalls(): Record<Summary, () => Call> {
  const call = (name: Summary) => () => ({
    path: `/trpc/usage.summary?input=${encodeURIComponent(JSON.stringify(superjson.serialize(summaries[name])))}`,
  });
  return Object.fromEntries(summaryNames.map((name) => [name, call(name)])) as Record<Summary, () => Call>;
}

async function measureApi(
  label: string,
  port: number,
  fixture: Fixture,
  names: readonly (Operation | Summary | 'trivial query')[],
  workers = connections,
): Promise<Map<string, Result>> {
  const http = new HttpPool(`http://127.0.0.1:${port}`, { connections: workers, pipelining: 1 });
  const headers = { authorization: `Bearer ${fixture.token}` };
  const call = async (options: Call) => {
    const response = await http.request({
      path: options.path,
      method: options.method ?? 'GET',
      headers: options.body ? { ...headers, 'content-type': 'application/json' } : headers,
      body: options.body,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}: ${text.slice(0, 300)}`);
  };
  const calls: Record<Operation | Summary | 'trivial query', () => Call> = {
    ...apiCalls(fixture),
    ...summaryCalls(),
    'trivial query': () => ({ path: '/trpc/auth.me' }),
  };
  const results = new Map<string, Result>();
  for (const name of names) {
    const request = calls[name];
    const suffix = workers === connections ? '' : `, ${workers} connection`;
    results.set(name, await measure(`${label}: ${name}${suffix}`, () => call(request()), workers));
  }
  await http.close();
  return results;
}

async function measureBare(
  fixture: Fixture,
  templates: Templates,
  summaryTemplates: Record<Summary, Template>,
): Promise<Map<string, Result>> {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: connections });
  const ws = fixture.workspaceId;
  // Point reads and writes as named prepared statements, as Tessera runs its hot ones; searches
  // and lists unnamed, as Tessera runs them (a generic plan would not see the search term).
  const named = (name: string, template: Template, values: unknown[]) =>
    pool.query({ name, text: template.text, values });
  const unnamed = (template: Template, vars: Parameters<typeof bind>[1]) =>
    pool.query(template.text, bind(template, vars));
  const run: Record<Operation, () => Promise<unknown>> = {
    create: () => named('create', templates.create, [ws, pick(firstNames), pick(lastNames), newEmail()]),
    'get by id': () => named('get', templates.get, [ws, pick(fixture.ids)]),
    'get by email': () => named('get_by_email', templates.getByEmail, [ws, pick(fixture.emails)]),
    update: () => named('update', templates.update, [ws, pick(fixture.ids), pick(firstNames)]),
    'search, rare term': () => unnamed(templates.search, { term: fixture.rareTerm }),
    'search "john"': () => unnamed(templates.search, { term: 'john' }),
    'search "gmail"': () => unnamed(templates.search, { term: 'gmail' }),
    'list, first page': () => unnamed(templates.listFirst, {}),
    'list, cursor page at the last row': () => unnamed(templates.listCursor, fixture.deep),
    'list, offset 10,000': () => unnamed(templates.listOffset, { offset: deepOffset }),
  };
  const results = new Map<string, Result>();
  for (const name of operations) results.set(name, await measure(`bare pg: ${name}`, run[name]));
  for (const name of summaryNames) {
    const template = summaryTemplates[name];
    results.set(name, await measure(`bare pg: ${name}`, () => pool.query(template.text, template.values)));
  }
  await pool.end();
  return results;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const startedAt = performance.now();
process.stdout.write(`Filling ${profileCount.toLocaleString('en')} profiles…\n`);
await freshDatabase();
const fixture = await fill();
await fillUsage(fixture.workspaceId);
const templates = await captureTemplates(fixture.workspaceId);
const summaryTemplates = await captureSummaries(fixture.workspaceId);
process.stdout.write(
  `Filled in ${((performance.now() - startedAt) / 1000).toFixed(0)} s. Measuring for ${seconds} s each at ${connections} connections:\n`,
);

const bare = await measureBare(fixture, templates, summaryTemplates);
const minimalServer = await startServer('minimal', 3900, fixture, templates);
const minimal = await measureApi('minimal node:http + pg', 3900, fixture, operations);
await stop(minimalServer);
const stockServer = await startServer('stock', 3901, fixture, templates);
const stock = await measureApi('stock tRPC adapter', 3901, fixture, ['trivial query', 'get by id']);
await stop(stockServer);
const tesseraServer = await startServer('tessera', 3902, fixture, templates);
const tessera = await measureApi('Tessera endpoint', 3902, fixture, ['trivial query', ...operations]);
// A search's latency for one user alone, apart from the queueing of 16 at once on two cores.
const searches = ['search, rare term', 'search "john"', 'search "gmail"'] as const;
const tesseraAlone = await measureApi('Tessera endpoint', 3902, fixture, searches, 1);
const tesseraSummaries = await measureApi('Tessera endpoint', 3902, fixture, summaryNames);
// One person opening the usage monitor, apart from the queueing of 16 at once on two cores.
const tesseraSummariesAlone = await measureApi('Tessera endpoint', 3902, fixture, summaryNames, 1);
await stop(tesseraServer);

const get = (results: Map<string, Result>, name: string): Result => {
  const result = results.get(name);
  if (!result) throw new Error(`no measurement of ${name}`);
  return result;
};
const ratio = (a: Result, b: Result) => a.perSecond / b.perSecond;
const verdict = (isMet: boolean) => (isMet ? 'MET' : 'MISSED');
const f2 = (value: number) => value.toFixed(2);

const measurementRows = operations.flatMap((name) =>
  [get(bare, name), get(minimal, name), get(tessera, name)].map(
    (result) => `| ${result.name} | ${result.perSecond.toFixed(0)} | ${f2(result.p50)} | ${f2(result.p99)} |`,
  ),
);
const extraRows = [
  ...searches.map((name) => get(tesseraAlone, name)),
  get(stock, 'trivial query'),
  get(tessera, 'trivial query'),
  get(stock, 'get by id'),
].map(
  (result) => `| ${result.name} | ${result.perSecond.toFixed(0)} | ${f2(result.p50)} | ${f2(result.p99)} |`,
);
const pointOperations = new Set<Operation>(['create', 'get by id', 'get by email', 'update']);
const ratioRows = operations.map((name) => {
  const api = get(tessera, name);
  const minimalResult = get(minimal, name);
  const bareResult = get(bare, name);
  const ofBare = ratio(api, bareResult);
  const minimalOfBare = ratio(minimalResult, bareResult);
  const ofMinimal = ratio(api, minimalResult);
  const bareTarget = !pointOperations.has(name)
    ? ''
    : minimalOfBare > 0.5
      ? `≥ 0.5: ${verdict(ofBare >= 0.5)}`
      : 'n/a (minimal ≤ 0.5)';
  return `| ${name} | ${f2(ofBare)} | ${f2(minimalOfBare)} | ${f2(ofMinimal)} | ${bareTarget} | ${verdict(ofMinimal >= 0.7)} |`;
});
const searchRows = searches.flatMap((name) =>
  [
    [`${name}, Tessera p99 at ${connections} connections`, get(tessera, name).p99],
    [`${name}, Tessera p99 at 1 connection`, get(tesseraAlone, name).p99],
  ].map(([label, p99]) => `| ${label} | ${f2(Number(p99))} ms | ≤ 50 ms | ${verdict(Number(p99) <= 50)} |`),
);
const summaryRows = summaryNames.map((name) => {
  const api = get(tesseraSummaries, name);
  const bareResult = get(bare, name);
  const alone = get(tesseraSummariesAlone, name);
  return `| ${name} | ${bareResult.perSecond.toFixed(0)} | ${f2(bareResult.p50)} | ${f2(bareResult.p99)} | ${api.perSecond.toFixed(0)} | ${f2(api.p50)} | ${f2(api.p99)} | ${f2(ratio(api, bareResult))} | ${f2(alone.p50)} / ${f2(alone.p99)} | ${verdict(alone.p99 < 200)} |`;
});
const first = get(tessera, 'list, first page');
const deep = get(tessera, 'list, cursor page at the last row');
const table = [
  `${profileCount.toLocaleString('en')} profiles, ${seconds} s per measurement, ${connections} connections, Node ${process.version}, whole run ${((performance.now() - startedAt) / 60_000).toFixed(1)} min`,
  '',
  '| measurement | requests/s | p50 ms | p99 ms |',
  '|---|---:|---:|---:|',
  ...measurementRows,
  ...extraRows,
  '',
  '| operation | Tessera ÷ bare pg | minimal ÷ bare pg | Tessera ÷ minimal | target vs bare pg | ≥ 0.7 of minimal |',
  '|---|---:|---:|---:|---|---|',
  ...ratioRows,
  '',
  '| target | value | bound | |',
  '|---|---:|---|---|',
  ...searchRows,
  `| cursor page at the last row ÷ first page, Tessera p50 | ${f2(deep.p50 / first.p50)} | ≤ 2 | ${verdict(deep.p50 <= 2 * first.p50)} |`,
  `| the same, p99 | ${f2(deep.p99 / first.p99)} | ≤ 2 | ${verdict(deep.p99 <= 2 * first.p99)} |`,
  `| trivial query, Tessera ÷ stock adapter (requests/s) | ${f2(ratio(get(tessera, 'trivial query'), get(stock, 'trivial query')))} | | |`,
  '',
  `${usageEventCount.toLocaleString('en')} usage events in ${organizationCount} organizations, ${connections} connections:`,
  '',
  '| summary | bare pg /s | p50 ms | p99 ms | Tessera /s | p50 ms | p99 ms | Tessera ÷ bare pg | Tessera alone p50 / p99 ms | alone p99 < 200 ms |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...summaryRows,
].join('\n');
process.stdout.write(`\n${table}\n`);
writeFileSync(new URL('../last-results.md', import.meta.url), `${table}\n`);
