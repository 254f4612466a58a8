import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testPassword, type TestServer } from '../testing/index.ts';
import { signInOverHttp } from '../testing/raw-http.ts';
import { addMember } from '../testing/victim-workspace.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Answer {
  status: number;
  body: unknown;
  requestId: string | null;
}

async function call(token: string | null, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    requestId: response.headers.get('x-request-id'),
  };
}

const query = (identifier: string) => `identifier=${encodeURIComponent(identifier)}`;

const janeBody = {
  profile: {
    name: 'Jane Smith',
    source: 'company',
    type: 'contact',
    user_id: 123456,
    identifiers: [
      { type: 'email', value: 'Jane@Example.com' },
      { type: 'external_id', value: '0987654321' },
      { type: 'phone_number', value: '+612345678' },
    ],
    attributes: { membership: 'gold' },
  },
};

const profileShape = {
  id: expect.stringMatching(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/) as unknown,
  name: 'Jane Smith',
  source: 'company',
  type: 'contact',
  identifiers: [
    { type: 'email', value: 'jane@example.com' },
    { type: 'external_id', value: '0987654321' },
    { type: 'phone_number', value: '+612345678' },
  ],
  attributes: { membership: 'gold' },
  user_id: expect.any(String) as unknown,
  created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
  updated_at: expect.any(String) as unknown,
};

type ProfileBody = { profile: { id: string; user_id: string; attributes: unknown } };

describe('the REST routes under /api/v2', () => {
  it('create a profile by identifier query with 201, answer 200 when they update it, and find it every way', async () => {
    const { token } = await server.app.newWorkspace('agent');
    const identifier = 'company:contact:email:jane@example.com';
    const created = await call(token, 'PUT', `/api/v2/user_profiles?${query(identifier)}`, janeBody);
    expect(created).toMatchObject({ status: 201, body: { profile: profileShape } });
    const { id, user_id: userId } = (created.body as ProfileBody).profile;

    const updated = await call(token, 'PUT', `/api/v2/user_profiles?${query(identifier)}`, janeBody);
    expect(updated).toMatchObject({
      status: 200,
      body: { profile: { ...profileShape, id, user_id: userId } },
    });

    expect(await call(token, 'GET', `/api/v2/user_profiles/${id}`)).toMatchObject({
      status: 200,
      body: { profile: { id } },
    });
    expect(
      await call(token, 'GET', `/api/v2/user_profiles?${query('company:contact:external_id:0987654321')}`),
    ).toMatchObject({
      status: 200,
      body: { profile: { id } },
    });
    expect(await call(token, 'GET', `/api/v2/users/${userId}/profiles`)).toEqual({
      status: 200,
      body: { profiles: [expect.objectContaining({ id, user_id: userId }) as unknown] },
      requestId: expect.any(String) as unknown,
    });
    expect((await call(token, 'GET', `/api/v2/users/${userId}/profiles.json`)).status).toBe(200);
  });

  it('create and update a profile of a given user', async () => {
    const { token, caller } = await server.app.newWorkspace();
    const user = await caller.profiles.create({ firstName: 'Ada' });
    const path = `/api/v2/users/${user.id}/profiles?${query('gym:member:member_id:42')}`;
    const created = await call(token, 'PUT', path, { profile: { attributes: { level: 1 } } });
    expect(created).toMatchObject({
      status: 201,
      body: { profile: { user_id: user.id, name: 'member_id user 42', attributes: { level: 1 } } },
    });
    expect(await call(token, 'PUT', path, { profile: { attributes: { level: 2 } } })).toMatchObject({
      status: 200,
      body: { profile: { attributes: { level: 2 } } },
    });
  });

  it('patch a profile by id or identifier query with a JSON merge patch, and replace it by id', async () => {
    const { token } = await server.app.newWorkspace();
    const identifier = 'shop:customer:email:pat@example.com';
    const created = await call(token, 'PUT', `/api/v2/user_profiles?${query(identifier)}`, {
      profile: { attributes: { membership: 'gold', color: 'red' } },
    });
    const { id } = (created.body as ProfileBody).profile;
    expect(
      await call(token, 'PATCH', `/api/v2/user_profiles/${id}`, {
        profile: { attributes: { membership: null } },
      }),
    ).toMatchObject({ status: 200, body: { profile: { attributes: { color: 'red' } } } });
    const patched = await call(token, 'PATCH', `/api/v2/user_profiles?${query(identifier)}`, {
      profile: { attributes: { size: 'M' }, identifiers: [{ type: 'loyalty_id', value: 'L1' }], name: 'Pat' },
    });
    expect(patched).toMatchObject({
      status: 200,
      body: {
        profile: {
          name: 'Pat',
          attributes: { color: 'red', size: 'M' },
          identifiers: [
            { type: 'email', value: 'pat@example.com' },
            { type: 'loyalty_id', value: 'L1' },
          ],
        },
      },
    });
    expect(
      await call(token, 'PUT', `/api/v2/user_profiles/${id}`, {
        profile: { identifiers: [{ type: 'loyalty_id', value: 'L1' }], attributes: {} },
      }),
    ).toMatchObject({
      status: 200,
      body: {
        profile: {
          name: 'loyalty_id user L1',
          identifiers: [{ type: 'loyalty_id', value: 'L1' }],
          attributes: {},
        },
      },
    });
  });

  it('delete a profile with 204, then answer 404 for it', async () => {
    const { token } = await server.app.newWorkspace();
    const created = await call(token, 'PUT', `/api/v2/user_profiles?${query('shop:customer:sku:9')}`, {
      profile: {},
    });
    const { id } = (created.body as ProfileBody).profile;
    expect(await call(token, 'DELETE', `/api/v2/user_profiles/${id}`)).toMatchObject({
      status: 204,
      body: undefined,
    });
    const gone = await call(token, 'GET', `/api/v2/user_profiles/${id}`);
    expect(gone).toEqual({
      status: 404,
      body: {
        errors: [
          {
            code: 'SOURCE_RECORD_NOT_FOUND',
            id: gone.requestId,
            title: 'profile_id: No source record has this id',
          },
        ],
      },
      requestId: expect.any(String) as unknown,
    });
  });

  it('answer 404 for ids that name nothing, whatever their shape', async () => {
    const { token } = await server.app.newWorkspace();
    for (const path of [
      '/api/v2/user_profiles/01ARZ3NDEKTSV4RRFFQ69G5FAV',
      '/api/v2/user_profiles/123456',
      '/api/v2/users/123456/profiles',
      '/api/v2/users/8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60/profiles',
      `/api/v2/user_profiles?${query('shop:customer:email:nobody@example.com')}`,
      '/api/v2/nothing',
    ]) {
      expect({ path, ...(await call(token, 'GET', path)) }).toMatchObject({
        path,
        status: 404,
        body: { errors: [{ code: expect.any(String) as unknown, id: expect.any(String) as unknown }] },
      });
    }
  });

  it('answer 400 with the field at fault for bad requests, the two-profile conflict and the reserved sources', async () => {
    const { token, caller } = await server.app.newWorkspace();
    await caller.profiles.create({ firstName: 'A', email: 'a@example.com' });
    await caller.profiles.create({ firstName: 'B', email: 'b@example.com' });
    const cases: [string, string, unknown, string, string][] = [
      [
        'PUT',
        `/api/v2/user_profiles?${query('shop:customer:email:a@example.com')}`,
        { profile: { identifiers: [{ type: 'email', value: 'b@example.com' }] } },
        'SOURCE_RECORD_PROFILE_CONFLICT',
        'profile.identifiers: ',
      ],
      [
        'PUT',
        `/api/v2/user_profiles?${query('zendesk:user:email:z@example.com')}`,
        { profile: {} },
        'SOURCE_RESERVED',
        'identifier: ',
      ],
      [
        'PUT',
        `/api/v2/user_profiles?${query('tessera:user:email:z@example.com')}`,
        { profile: {} },
        'SOURCE_RESERVED',
        'identifier: ',
      ],
      [
        'PUT',
        `/api/v2/user_profiles?${query('shop:customer:email')}`,
        { profile: {} },
        'INVALID_IDENTIFIER_QUERY',
        'identifier: ',
      ],
      ['PUT', '/api/v2/user_profiles', { profile: {} }, 'BAD_REQUEST', 'identifier: '],
      [
        'PUT',
        `/api/v2/user_profiles?${query('shop:c:sku:1')}`,
        { name: 'no profile' },
        'BAD_REQUEST',
        'profile: ',
      ],
      ['PUT', `/api/v2/user_profiles?${query('shop:c:sku:1')}`, '{"profile":', 'PARSE_ERROR', 'The body'],
      [
        'PUT',
        `/api/v2/user_profiles?${query('shop:c:sku:1')}`,
        { profile: { attributes: [] } },
        'INVALID_FIELD',
        'profile.attributes: ',
      ],
      [
        'PUT',
        `/api/v2/user_profiles?${query('shop:c:sku:1')}`,
        { profile: { identifiers: [{ type: 'x', value: '' }] } },
        'INVALID_FIELD',
        'profile.identifiers.0.value: ',
      ],
    ];
    for (const [method, path, body, code, title] of cases) {
      const answer = await call(token, method, path, body);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      const [error] = (answer.body as { errors: { code: string; id: string; title: string }[] }).errors;
      expect(error).toMatchObject({ code, id: answer.requestId });
      expect(error?.title.startsWith(title)).toBe(true);
    }
  });

  it('answer 401 without a token, 401 with a session cookie alone, and 403 to a viewer who writes', async () => {
    const owner = await server.app.newWorkspace();
    const path = `/api/v2/user_profiles?${query('shop:customer:email:v@example.com')}`;
    expect(await call(null, 'PUT', path, { profile: {} })).toMatchObject({
      status: 401,
      body: { errors: [{ code: 'UNAUTHENTICATED' }] },
    });
    const cookie = await signInOverHttp(server.url, { email: owner.member.email, password: testPassword });
    const withCookie = await fetch(`${server.url}${path}`, { headers: { cookie } });
    expect(withCookie.status).toBe(401);
    expect(withCookie.headers.get('www-authenticate')).toBe('Bearer');
    const viewer = await addMember(server.app, owner.member.workspaceId, {
      role: 'viewer',
      email: `viewer@${owner.member.workspaceSlug}.test`,
      name: 'Viewer',
    });
    expect(await call(viewer.token, 'PUT', path, { profile: {} })).toMatchObject({
      status: 403,
      body: { errors: [{ code: 'FORBIDDEN' }] },
    });
    await call(owner.token, 'PUT', path, { profile: {} });
    expect((await call(viewer.token, 'GET', path)).status).toBe(200);
  });

  it('answer 405 with the methods allowed for a method a path does not take', async () => {
    const { token } = await server.app.newWorkspace();
    const response = await fetch(`${server.url}/api/v2/user_profiles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, PUT, PATCH');
  });

  it(`make one profile of ${16} clients creating the same identifier at once over HTTP`, async () => {
    const { token } = await server.app.newWorkspace();
    const path = `/api/v2/user_profiles?${query('race:customer:external_id:R-42')}`;
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        call(token, 'PUT', path, { profile: { attributes: { client: index } } }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(15);
    expect(new Set(answers.map((answer) => (answer.body as ProfileBody).profile.id)).size).toBe(1);
  });
});
