import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/auth.service.ts';
import { createCaller } from '../router.ts';
import { sendRaw, signInOverHttp, trpcRequest } from '../testing/raw-http.ts';
import { startTestServer, testPassword, type TestServer } from '../testing/index.ts';
import { addMember } from '../testing/victim-workspace.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function callerOf(secret: string) {
  const actor = await authenticate(server.app.deps, { authorization: `Bearer ${secret}` });
  if (!actor) throw new Error('the token signs nobody in');
  return createCaller(server.app.contextFor(actor));
}

describe('audit.list', () => {
  it('answers a profile’s history newest first: who, when, through which token, each field before and after', async () => {
    const owner = await server.app.newWorkspace('admin');
    const ada = await owner.caller.profiles.create({
      firstName: 'Ada',
      lastName: 'Byron',
      email: 'ada@example.com',
    });
    await owner.caller.profiles.update({ id: ada.id, lastName: 'Lovelace', tags: ['math'] });
    const [tests] = await owner.caller.tokens.list();

    const first = await owner.caller.audit.list({ recordKind: 'profile', recordId: ada.id, limit: 1 });
    expect(first.items).toEqual([
      {
        id: expect.any(String) as string,
        action: 'profile.update',
        at: expect.any(Date) as Date,
        actor: { memberId: owner.member.id, name: owner.member.name, email: owner.member.email },
        via: { kind: 'token', tokenId: tests?.id, tokenName: 'tests', lastFour: tests?.lastFour },
        ip: '127.0.0.1',
        isErased: false,
        changes: expect.arrayContaining([
          { field: 'lastName', before: 'Byron', after: 'Lovelace' },
          { field: 'tags', before: [], after: ['math'] },
        ]) as unknown,
      },
    ]);
    expect(first.items[0]?.changes).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));

    const second = await owner.caller.audit.list({
      recordKind: 'profile',
      recordId: ada.id,
      limit: 1,
      cursor: first.nextCursor,
    });
    expect(second.items.map((entry) => entry.action)).toEqual(['profile.create']);
    expect(second.items[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'firstName', before: null, after: 'Ada' },
        { field: 'email', before: null, after: 'ada@example.com' },
      ]),
    );
    expect(second.nextCursor).toBeNull();
    await expect(
      owner.caller.audit.list({ recordKind: 'profile', recordId: ada.id, cursor: 'not a cursor' }),
    ).rejects.toMatchObject({ cause: { code: 'INVALID_CURSOR', path: 'cursor' } });
  });

  it('names the console session a change was made in', async () => {
    const owner = await server.app.newWorkspace('master');
    const ada = await owner.caller.profiles.create({ firstName: 'Ada', email: 'ada@example.com' });
    const cookie = await signInOverHttp(server.url, { email: owner.member.email, password: testPassword });
    const answer = await sendRaw(server.url, {
      ...trpcRequest([{ path: 'profiles.update', input: { id: ada.id, firstName: 'Augusta' } }], {
        method: 'POST',
        isBatch: false,
      }),
      headers: { 'content-type': 'application/json', cookie },
    });
    expect(answer.status).toBe(200);
    const [latest] = (await owner.caller.audit.list({ recordKind: 'profile', recordId: ada.id })).items;
    expect(latest).toMatchObject({
      actor: { memberId: owner.member.id },
      via: { kind: 'session', sessionId: expect.any(String) as string },
      changes: [{ field: 'firstName', before: 'Ada', after: 'Augusta' }],
    });
  });

  it('shows erased states as erased, and nothing of what they held', async () => {
    const owner = await server.app.newWorkspace('admin');
    const ada = await owner.caller.profiles.create({
      firstName: 'Ada',
      lastName: 'Byron',
      email: 'ada@example.com',
    });
    await owner.caller.profiles.update({ id: ada.id, lastName: 'Lovelace' });
    await owner.caller.profiles.erase({ id: ada.id });
    const { items } = await owner.caller.audit.list({ recordKind: 'profile', recordId: ada.id });
    expect(items.map((entry) => [entry.action, entry.isErased, entry.changes.length])).toEqual([
      ['profile.erase', false, 2],
      ['profile.purge', false, 0],
      ['profile.update', true, 0],
      ['profile.create', true, 0],
    ]);
    expect(JSON.stringify(items)).not.toMatch(/Byron|Lovelace|ada@example/);
  });

  it('lets an agent read the trail of a record it may read, in its scope, and no other trail', async () => {
    const owner = await server.app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    const globex = await owner.caller.organizations.create({ name: 'Globex' });
    const ada = await owner.caller.profiles.create({ firstName: 'Ada', email: 'ada@example.com' });
    await owner.caller.memberships.create({ organizationId: acme.id, profileId: ada.id });
    await owner.caller.memberships.create({ organizationId: globex.id, profileId: ada.id });
    const grace = await owner.caller.profiles.create({ firstName: 'Grace', email: 'grace@example.com' });
    await owner.caller.memberships.create({ organizationId: globex.id, profileId: grace.id });
    const agent = await addMember(server.app, owner.member.workspaceId, {
      role: 'agent',
      email: 'agent@example.com',
      name: 'An agent',
    });
    await owner.caller.members.setOrganizationScope({ memberId: agent.id, organizationIds: [acme.id] });
    const caller = await callerOf(agent.token);

    const trail = await caller.audit.list({ recordKind: 'profile', recordId: ada.id });
    expect(trail.items.map((entry) => entry.action)).toEqual(['membership.create', 'profile.create']);
    expect(JSON.stringify(trail)).not.toContain(globex.id);
    const ofAcme = await caller.audit.list({ recordKind: 'organization', recordId: acme.id });
    expect(ofAcme.items.at(-1)).toMatchObject({ action: 'organization.create' });

    await expect(caller.audit.list({ recordKind: 'profile', recordId: grace.id })).rejects.toMatchObject({
      cause: { code: 'PROFILE_NOT_FOUND', path: 'recordId' },
    });
    await expect(
      caller.audit.list({ recordKind: 'organization', recordId: globex.id }),
    ).rejects.toMatchObject({
      cause: { code: 'ORGANIZATION_NOT_FOUND', path: 'recordId' },
    });
    await expect(caller.audit.list({ recordKind: 'profile', recordId: 'not-an-id' })).rejects.toMatchObject({
      cause: { code: 'PROFILE_NOT_FOUND' },
    });
    await expect(
      caller.audit.list({ recordKind: 'member', recordId: owner.member.id }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      owner.caller.audit.list({ recordKind: 'member', recordId: agent.id }),
    ).resolves.toMatchObject({ items: [{ action: 'member.set_organization_scope' }] });
  });

  it('refuses an unknown record kind and unknown keys at their paths', async () => {
    const owner = await server.app.newWorkspace('admin');
    await expect(
      owner.caller.audit.list({ recordKind: 'invoice' as 'profile', recordId: owner.member.id }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      owner.caller.audit.list({ recordKind: 'profile', recordId: owner.member.id, entity: 'x' } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
