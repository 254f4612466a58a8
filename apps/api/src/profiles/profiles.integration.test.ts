import { workspaceScope } from '@tessera/db';
import { randomUUID } from 'node:crypto';
import { listAuditEntries } from '@tessera/db/audit';
import { auditedProfile, findProfile, type AuditedProfile } from '@tessera/db/profiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';
import { failureOf } from '../testing/failure-of.ts';

let app: TestApp;
let owner: TestMember;

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.newWorkspace('master');
});
afterAll(() => app.close());

async function profileCount(member: TestMember) {
  return (await member.caller.profiles.list({ limit: 100 })).items.length;
}

describe('profiles', () => {
  it('creates, reads, lists, updates and deletes a profile, auditing each change', async () => {
    const { caller, member } = await app.newWorkspace('admin');
    const created = await caller.profiles.create({
      firstName: ' Ada ',
      lastName: 'Lovelace',
      email: 'ADA@example.com ',
    });
    expect(created).toMatchObject({
      firstName: 'Ada',
      middleName: null,
      fullName: 'Ada Lovelace',
      email: 'ada@example.com',
      version: 1,
    });

    expect(await caller.profiles.get({ id: created.id })).toEqual(created);
    expect((await caller.profiles.list({})).items.map((profile) => profile.id)).toEqual([created.id]);

    const updated = await caller.profiles.update({
      id: created.id,
      version: 1,
      middleName: 'King',
      email: null,
    });
    expect(updated).toMatchObject({
      fullName: 'Ada King Lovelace',
      email: null,
      version: 2,
      lastName: 'Lovelace',
    });

    expect(await caller.profiles.delete({ id: created.id })).toMatchObject({
      id: created.id,
      lifecycle: 'deleted',
    });
    expect(await caller.profiles.get({ id: created.id })).toMatchObject({ lifecycle: 'deleted', version: 3 });
    expect((await caller.profiles.list({})).items).toEqual([]);

    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(member.workspaceId),
      'profile',
      created.id,
    );
    expect(trail.map((entry) => entry.action)).toEqual([
      'profile.create',
      'profile.update',
      'profile.delete',
    ]);
    expect(trail[1]).toMatchObject({
      actorMemberId: member.id,
      requestId: 'test-request',
      before: { middleName: null, email: 'ada@example.com', version: 1 },
      after: { middleName: 'King', email: null, version: 2 },
    });
    expect(trail[2]).toMatchObject({ before: { lifecycle: 'active' }, after: { lifecycle: 'deleted' } });
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const before = await profileCount(owner);
    const cases = [
      [{}, 'firstName'],
      [{ firstName: 'Ada', email: 'ada@' }, 'email'],
      [{ firstName: 'x'.repeat(300) }, 'firstName'],
      [{ firstName: 'Ada', lastName: 'y'.repeat(300) }, 'lastName'],
    ] as const;
    for (const [input, path] of cases) {
      expect(await failureOf(owner.caller.profiles.create(input as never))).toMatchObject({
        code: 'BAD_REQUEST',
        paths: [path],
      });
    }
    expect(await profileCount(owner)).toBe(before);
  });

  it('answers an unknown id with PROFILE_NOT_FOUND at id', async () => {
    const id = randomUUID();
    expect(await failureOf(owner.caller.profiles.get({ id }))).toEqual({
      code: 'NOT_FOUND',
      domainCode: 'PROFILE_NOT_FOUND',
      paths: ['id'],
    });
    expect(await failureOf(owner.caller.profiles.update({ id, firstName: 'X' }))).toMatchObject({
      domainCode: 'PROFILE_NOT_FOUND',
    });
    expect(await failureOf(owner.caller.profiles.delete({ id }))).toMatchObject({
      domainCode: 'PROFILE_NOT_FOUND',
    });
  });

  it('refuses an email another profile owns, on create and on update', async () => {
    await owner.caller.profiles.create({ firstName: 'Grace', email: 'grace@example.com' });
    expect(
      await failureOf(owner.caller.profiles.create({ firstName: 'Other', email: 'Grace@Example.com' })),
    ).toEqual({
      code: 'CONFLICT',
      domainCode: 'PROFILE_EMAIL_TAKEN',
      paths: ['email'],
    });
    const other = await owner.caller.profiles.create({ firstName: 'Other' });
    expect(
      await failureOf(owner.caller.profiles.update({ id: other.id, email: 'grace@example.com' })),
    ).toMatchObject({
      domainCode: 'PROFILE_EMAIL_TAKEN',
    });
    expect((await owner.caller.profiles.get({ id: other.id })).email).toBeNull();
  });

  it('makes one profile of two concurrent creates with the same email and refuses the other clearly', async () => {
    const { caller } = await app.newWorkspace();
    const results = await Promise.allSettled([
      caller.profiles.create({ firstName: 'One', email: 'same@example.com' }),
      caller.profiles.create({ firstName: 'Two', email: 'same@example.com' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'CONFLICT', cause: { code: 'PROFILE_EMAIL_TAKEN' } });
    expect((await caller.profiles.list({})).items).toHaveLength(1);
  });

  it('refuses an update made from a stale version', async () => {
    const created = await owner.caller.profiles.create({ firstName: 'Linus' });
    await owner.caller.profiles.update({ id: created.id, version: 1, lastName: 'Torvalds' });
    expect(
      await failureOf(owner.caller.profiles.update({ id: created.id, version: 1, lastName: 'Pauling' })),
    ).toEqual({
      code: 'CONFLICT',
      domainCode: 'PROFILE_VERSION_CONFLICT',
      paths: ['version'],
    });
    expect((await owner.caller.profiles.get({ id: created.id })).lastName).toBe('Torvalds');
  });

  it('pages newest first with a cursor and refuses a malformed cursor at cursor', async () => {
    const { caller } = await app.newWorkspace();
    const made = [];
    for (const firstName of ['A', 'B', 'C', 'D', 'E']) made.push(await caller.profiles.create({ firstName }));
    const first = await caller.profiles.list({ limit: 2 });
    const second = await caller.profiles.list({ limit: 2, cursor: first.nextCursor });
    const third = await caller.profiles.list({ limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((profile) => profile.firstName)).toEqual([
      'E',
      'D',
      'C',
      'B',
      'A',
    ]);
    expect(third.nextCursor).toBeNull();
    expect(await failureOf(caller.profiles.list({ cursor: 'garbage' }))).toEqual({
      code: 'BAD_REQUEST',
      domainCode: 'INVALID_CURSOR',
      paths: ['cursor'],
    });
    expect(await failureOf(caller.profiles.list({ limit: 101 }))).toMatchObject({
      code: 'BAD_REQUEST',
      paths: ['limit'],
    });
  });

  it('gives no next cursor when the last page is exactly full', async () => {
    const { caller } = await app.newWorkspace();
    for (const firstName of ['A', 'B', 'C', 'D']) await caller.profiles.create({ firstName });
    const first = await caller.profiles.list({ limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const last = await caller.profiles.list({ limit: 2, cursor: first.nextCursor });
    expect(last.items.map((profile) => profile.firstName)).toEqual(['B', 'A']);
    expect(last.nextCursor).toBeNull();
  });

  it('upserts by email: creates once, then updates the same profile, keeping the names not sent', async () => {
    const { caller, member } = await app.newWorkspace();
    const created = await caller.profiles.upsert({
      email: 'Up@Example.com',
      firstName: 'Una',
      middleName: 'M',
      lastName: 'Sert',
    });
    expect(created).toMatchObject({
      isCreated: true,
      email: 'up@example.com',
      fullName: 'Una M Sert',
      version: 1,
    });
    const updated = await caller.profiles.upsert({
      email: 'up@example.com',
      firstName: 'Uma',
      lastName: null,
    });
    expect(updated).toMatchObject({ isCreated: false, id: created.id, fullName: 'Uma M', version: 2 });
    expect(await caller.profiles.getByEmail({ email: ' UP@example.com' })).toMatchObject({
      id: created.id,
      version: 2,
    });

    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(member.workspaceId),
      'profile',
      created.id,
    );
    const first = {
      firstName: 'Una',
      middleName: 'M',
      lastName: 'Sert',
      email: 'up@example.com',
      version: 1,
    };
    const second = { firstName: 'Uma', middleName: 'M', lastName: null, email: 'up@example.com', version: 2 };
    expect(trail.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ['profile.create', null, expect.objectContaining(first)],
      ['profile.update', expect.objectContaining(first), expect.objectContaining(second)],
    ]);
    expect(trail[1]).toMatchObject({ actorMemberId: member.id, requestId: 'test-request', ip: '127.0.0.1' });
  });

  it('makes one profile of concurrent upserts with the same email', async () => {
    const { caller } = await app.newWorkspace();
    const results = await Promise.all(
      ['A', 'B', 'C', 'D'].map((firstName) =>
        caller.profiles.upsert({ email: 'many@example.com', firstName }),
      ),
    );
    expect(results.filter((result) => result.isCreated)).toHaveLength(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect((await caller.profiles.getByEmail({ email: 'many@example.com' })).version).toBe(4);
  });

  it('records in every update entry of concurrent upserts the state it replaced', async () => {
    const { caller, member } = await app.newWorkspace();
    const clients = 16;
    const rounds = 8;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let round = 0; round < rounds; round++) {
          await caller.profiles.upsert({ email: 'race@example.com', firstName: `C${client}R${round}` });
        }
      }),
    );
    const profile = await caller.profiles.getByEmail({ email: 'race@example.com' });
    expect(profile.version).toBe(clients * rounds);
    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(member.workspaceId),
      'profile',
      profile.id,
    );
    const byVersion = trail
      .map((entry) => ({ ...entry, version: (entry.after as AuditedProfile).version }))
      .sort((a, b) => a.version - b.version);
    expect(byVersion.map((entry) => entry.version)).toEqual(
      Array.from({ length: clients * rounds }, (_, index) => index + 1),
    );
    expect(byVersion[0]).toMatchObject({ action: 'profile.create', before: null });
    for (const [index, entry] of byVersion.slice(1).entries()) {
      expect(entry.action).toBe('profile.update');
      expect(entry.before).toEqual(byVersion[index]?.after);
    }
    const stored = await findProfile(app.database.db, workspaceScope(member.workspaceId), profile.id);
    expect(byVersion.at(-1)?.after).toEqual(stored && auditedProfile(stored));
  });

  it('answers an unknown email with PROFILE_NOT_FOUND at email', async () => {
    expect(await failureOf(owner.caller.profiles.getByEmail({ email: 'nobody@example.com' }))).toEqual({
      code: 'NOT_FOUND',
      domainCode: 'PROFILE_NOT_FOUND',
      paths: ['email'],
    });
  });

  it('keeps workspaces apart', async () => {
    const created = await owner.caller.profiles.create({ firstName: 'Private' });
    const stranger = await app.newWorkspace('master');
    expect((await failureOf(stranger.caller.profiles.get({ id: created.id }))).domainCode).toBe(
      'PROFILE_NOT_FOUND',
    );
    expect((await failureOf(stranger.caller.profiles.delete({ id: created.id }))).domainCode).toBe(
      'PROFILE_NOT_FOUND',
    );
    expect((await stranger.caller.profiles.list({})).items).toEqual([]);
  });

  it('lets viewers read but not write, and agents write but not delete', async () => {
    const viewer = await app.newWorkspace('viewer');
    expect(await viewer.caller.profiles.list({})).toEqual({ items: [], nextCursor: null });
    expect(await failureOf(viewer.caller.profiles.create({ firstName: 'No' }))).toMatchObject({
      code: 'FORBIDDEN',
      domainCode: 'FORBIDDEN',
    });

    const agent = await app.newWorkspace('agent');
    const created = await agent.caller.profiles.create({ firstName: 'Yes' });
    expect(await failureOf(agent.caller.profiles.delete({ id: created.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses every profile call without a member', async () => {
    const { createCaller } = await import('../router.ts');
    const anonymous = createCaller(app.contextFor(null));
    expect(await failureOf(anonymous.profiles.list({}))).toMatchObject({
      code: 'UNAUTHORIZED',
      domainCode: 'UNAUTHENTICATED',
    });
  });
});

describe('input a procedure does not know', () => {
  it('is refused at its path, and changes nothing', async () => {
    const { caller } = owner;
    const created = await caller.profiles.create({ firstName: 'Known', lastName: 'Keys' });
    const call = caller.profiles as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    expect(await failureOf(call.update!({ id: created.id, last_name: 'Snake' }))).toMatchObject({
      code: 'BAD_REQUEST',
      paths: ['last_name'],
    });
    expect(
      await failureOf(call.create!({ firstName: 'Ref', contacts: [{ key: 'email', value: 'r@x.test' }] })),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['contacts'] });
    expect(await failureOf(call.list!({ filter: { profileType: 'customer' } }))).toMatchObject({
      code: 'BAD_REQUEST',
      paths: ['filter.profileType'],
    });
    expect(
      await failureOf(call.update!({ id: created.id, addresses: [{ line1: 'x', isDefault: true, zip: 1 }] })),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['addresses.0.zip'] });
    expect(await caller.profiles.get({ id: created.id })).toEqual(created);
  });
});

describe('an update that changes nothing', () => {
  it('keeps the version and the time of the last change, and writes no audit entry', async () => {
    const { caller, member } = await app.newWorkspace('admin');
    const created = await caller.profiles.create({ firstName: 'Same', lastName: 'Again', tags: ['a'] });
    const scope = workspaceScope(member.workspaceId);
    const trail = () => listAuditEntries(app.database.db, scope, 'profile', created.id);
    const entriesBefore = await trail();
    const unchanged = await caller.profiles.update({
      id: created.id,
      firstName: ' Same ',
      lastName: 'Again',
      tags: ['a'],
    });
    expect(unchanged).toEqual(created);
    expect(await caller.profiles.update({ id: created.id })).toEqual(created);
    expect(await trail()).toEqual(entriesBefore);
    const changed = await caller.profiles.update({ id: created.id, lastName: 'Changed' });
    expect(changed).toMatchObject({ version: created.version + 1, lastName: 'Changed' });
  });
});
