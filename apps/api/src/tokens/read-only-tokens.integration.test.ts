import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/auth.service.ts';
import { appRouter, createCaller } from '../router.ts';
import { sourceRecordRoutes } from '../source-records/source-records.rest.ts';
import { proceduresOf } from '../testing/arbitrary-input.ts';
import { startTestServer, type TestServer } from '../testing/index.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Mutations that act as no member, so that no token's power is at stake: signing in takes a password. */
const actingAsNobody = new Set(['auth.signIn']);

function procedureAt(caller: ReturnType<typeof createCaller>, path: string) {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
}

async function readOnlyTokenOf(owner: Awaited<ReturnType<TestServer['app']['newWorkspace']>>) {
  const issued = await owner.caller.tokens.create({ name: 'Dashboard', readOnly: true });
  expect(issued.token.readOnly).toBe(true);
  const actor = await authenticate(server.app.deps, { authorization: `Bearer ${issued.secret}` });
  if (!actor) throw new Error('the read-only token signs nobody in');
  return { secret: issued.secret, caller: createCaller(server.app.contextFor(actor)) };
}

describe('a read-only API token', () => {
  it('is refused every mutation of the router with TOKEN_READ_ONLY, whatever its member’s role', async () => {
    const owner = await server.app.newWorkspace('master');
    const { caller } = await readOnlyTokenOf(owner);
    const mutations = proceduresOf(appRouter).filter(
      (entry) => entry.type === 'mutation' && !actingAsNobody.has(entry.path),
    );
    expect(mutations.length).toBeGreaterThan(50);
    const answers: Record<string, unknown> = {};
    for (const { path } of mutations) {
      answers[path] = await procedureAt(
        caller,
        path,
      )(undefined).then(
        () => 'succeeded',
        (error: { code?: string; cause?: { code?: string } }) => `${error.code} ${error.cause?.code}`,
      );
    }
    expect(answers).toEqual(
      Object.fromEntries(mutations.map(({ path }) => [path, 'FORBIDDEN TOKEN_READ_ONLY'])),
    );

    await expect(
      caller.profiles.create({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', cause: { code: 'TOKEN_READ_ONLY' } });
    expect((await owner.caller.profiles.list({})).items).toEqual([]);
  });

  it('still reads', async () => {
    const owner = await server.app.newWorkspace('master');
    const ada = await owner.caller.profiles.create({ firstName: 'Ada', email: 'ada@example.com' });
    const { caller } = await readOnlyTokenOf(owner);
    await expect(caller.profiles.get({ id: ada.id })).resolves.toMatchObject({ id: ada.id });
    await expect(caller.auth.me()).resolves.toMatchObject({ member: { id: owner.member.id } });
    expect((await caller.tokens.list()).map((token) => token.readOnly)).toEqual([true, false]);
  });

  it('is refused every REST write with 403, and still reads over REST', async () => {
    const owner = await server.app.newWorkspace('master');
    const { secret } = await readOnlyTokenOf(owner);
    const identifier = 'company:contact:email:jane@example.com';
    const record = await owner.caller.sourceRecords.upsert({
      identifierQuery: identifier,
      name: 'Jane',
      attributes: { membership: 'gold' },
    });
    const body = { profile: { name: 'Jane', attributes: { membership: 'none' } } };
    const query = `identifier=${encodeURIComponent(identifier)}`;
    const urls = [
      `/api/v2/users/${record.profileId}/profiles?${query}`,
      `/api/v2/user_profiles?${query}`,
      `/api/v2/user_profiles/${record.id}`,
    ];
    const call = async (method: string, url: string) => {
      const response = await fetch(`${server.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };

    const writes = sourceRecordRoutes.filter((route) => route.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    for (const route of writes) {
      const url = urls.find((candidate) => route.path.test(candidate.split('?', 1)[0] ?? ''));
      expect(url, `a URL of ${route.method} ${String(route.path)}`).toBeDefined();
      expect(await call(route.method, url ?? ''), `${route.method} ${url}`).toMatchObject({
        status: 403,
        body: { errors: [{ code: 'TOKEN_READ_ONLY' }] },
      });
    }
    expect(await call('GET', `/api/v2/user_profiles/${record.id}`)).toMatchObject({
      status: 200,
      body: { profile: { id: record.id, attributes: { membership: 'gold' } } },
    });
  });
});
