import { workspaceScope } from '@tessera/db';
import { listAuditEntries } from '@tessera/db/audit';
import { roles } from '@tessera/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/auth.service.ts';
import { createCaller } from '../router.ts';
import { failureOf } from '../testing/failure-of.ts';
import { memberOfRole } from '../testing/member-of-role.ts';
import { createTestApp, testPassword, type TestApp, type TestMember } from '../testing/test-app.ts';
import { issueToken } from '../tokens/tokens.service.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** An agent of the owner's workspace who signs in with a password and an API token. */
async function agentOf(owner: TestMember, role: 'agent' | 'viewer' = 'agent') {
  const email = `${role}-${randomBytes(4).toString('hex')}@${owner.member.workspaceSlug}.test`;
  const created = await owner.caller.members.create({
    email,
    name: `An ${role}`,
    role,
    password: testPassword,
  });
  const { secret } = await issueToken(
    app.deps.db,
    app.deps,
    { workspaceId: owner.member.workspaceId, memberId: created.id },
    'scope',
  );
  return { id: created.id, email, token: secret };
}

/** A caller acting as whoever the bearer token signs in, with what the token's lookup found. */
async function callerOfToken(token: string) {
  const actor = await authenticate(app.deps, { authorization: `Bearer ${token}` });
  if (!actor) throw new Error('the token signs nobody in');
  return { actor, caller: createCaller(app.contextFor(actor)) };
}

describe('members.setOrganizationScope', () => {
  it('limits an agent to some organizations from its next request, through its tokens and sessions alike', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    const beta = await owner.caller.organizations.create({ name: 'Beta' });
    const agent = await agentOf(owner);

    const unlimited = await callerOfToken(agent.token);
    expect(unlimited.actor.organizationIds).toBeNull();
    expect((await unlimited.caller.auth.me()).organizationIds).toBeNull();
    expect((await unlimited.caller.organizations.list()).items).toHaveLength(2);

    expect(
      await owner.caller.members.setOrganizationScope({
        memberId: agent.id,
        organizationIds: [acme.id, acme.id],
      }),
    ).toEqual({ memberId: agent.id, role: 'agent', organizationIds: [acme.id] });
    // The token's member was cached by the lookup above: the change evicted it.
    const limited = await callerOfToken(agent.token);
    expect(limited.actor.organizationIds).toEqual([acme.id]);
    expect((await limited.caller.organizations.list()).items.map((item) => item.name)).toEqual(['Acme']);
    expect(await failureOf(limited.caller.organizations.get({ id: beta.id }))).toMatchObject({
      domainCode: 'ORGANIZATION_NOT_FOUND',
    });

    expect((await limited.caller.auth.me()).organizationIds).toEqual([acme.id]);

    const cookies: string[] = [];
    const signedIn = await createCaller(app.contextFor(null, cookies)).auth.signIn({
      email: agent.email,
      password: testPassword,
    });
    // The console learns of the limit as it signs in, to offer only what the member may do.
    expect(signedIn.organizationIds).toEqual([acme.id]);
    const session = await authenticate(app.deps, { cookie: cookies[0]?.split(';')[0] ?? '' });
    expect(session?.organizationIds).toEqual([acme.id]);

    await owner.caller.members.setOrganizationScope({ memberId: agent.id, organizationIds: [] });
    expect((await callerOfToken(agent.token)).actor.organizationIds).toBeNull();
    expect(await owner.caller.members.organizationScope({ memberId: agent.id })).toEqual({
      memberId: agent.id,
      role: 'agent',
      organizationIds: null,
    });
  });

  it('records each change in the member’s trail, and nothing when the scope stays as it is', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    const agent = await agentOf(owner, 'viewer');
    await owner.caller.members.setOrganizationScope({ memberId: agent.id, organizationIds: [acme.id] });
    await owner.caller.members.setOrganizationScope({ memberId: agent.id, organizationIds: [acme.id] });
    await owner.caller.members.setOrganizationScope({ memberId: agent.id, organizationIds: null });
    await owner.caller.members.setOrganizationScope({ memberId: agent.id, organizationIds: [] });
    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(owner.member.workspaceId),
      'member',
      agent.id,
    );
    expect(
      trail
        .filter((entry) => entry.action === 'member.set_organization_scope')
        .map((entry) => [entry.before, entry.after]),
    ).toEqual([
      [{ organizationIds: null }, { organizationIds: [acme.id] }],
      [{ organizationIds: [acme.id] }, { organizationIds: null }],
    ]);
  });

  it('is open to admins and above only', async () => {
    const owner = await app.newWorkspace('master');
    const agent = await agentOf(owner);
    for (const role of roles) {
      const { caller } = await memberOfRole(app, owner, role);
      const set = caller.members.setOrganizationScope({ memberId: agent.id, organizationIds: null });
      const read = caller.members.organizationScope({ memberId: agent.id });
      if (['master', 'super_admin', 'admin'].includes(role)) {
        await expect(set).resolves.toBeDefined();
        await expect(read).resolves.toBeDefined();
      } else {
        expect(await failureOf(set)).toMatchObject({ code: 'FORBIDDEN' });
        expect(await failureOf(read)).toMatchObject({ code: 'FORBIDDEN' });
      }
    }
  });

  it('refuses to limit admins and above, who see every organization', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    for (const role of ['master', 'super_admin', 'admin'] as const) {
      const { member } = await memberOfRole(app, owner, role);
      expect(
        await failureOf(
          owner.caller.members.setOrganizationScope({ memberId: member.id, organizationIds: [acme.id] }),
        ),
      ).toEqual({ code: 'BAD_REQUEST', domainCode: 'INVALID_FIELD', paths: ['memberId'] });
      await expect(
        owner.caller.members.setOrganizationScope({ memberId: member.id, organizationIds: null }),
      ).resolves.toMatchObject({ organizationIds: null });
    }
  });

  it('refuses organizations and members the workspace does not have', async () => {
    const owner = await app.newWorkspace('master');
    const other = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    const foreign = await other.caller.organizations.create({ name: 'Foreign' });
    const agent = await agentOf(owner);
    expect(
      await failureOf(
        owner.caller.members.setOrganizationScope({
          memberId: agent.id,
          organizationIds: [acme.id, foreign.id],
        }),
      ),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION_NOT_FOUND', paths: ['organizationIds.1'] });
    expect(
      await failureOf(
        owner.caller.members.setOrganizationScope({ memberId: randomUUID(), organizationIds: null }),
      ),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'MEMBER_NOT_FOUND', paths: ['memberId'] });
    expect(await failureOf(owner.caller.members.organizationScope({ memberId: randomUUID() }))).toMatchObject(
      {
        domainCode: 'MEMBER_NOT_FOUND',
      },
    );
  });

  it('is dropped when the member becomes an admin, in its trail', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    await owner.caller.organizations.create({ name: 'Beta' });
    const agent = await agentOf(owner);
    await owner.caller.members.setOrganizationScope({ memberId: agent.id, organizationIds: [acme.id] });
    await callerOfToken(agent.token);
    await owner.caller.members.updateRole({ id: agent.id, role: 'admin' });
    expect(await owner.caller.members.organizationScope({ memberId: agent.id })).toMatchObject({
      role: 'admin',
      organizationIds: null,
    });
    expect((await (await callerOfToken(agent.token)).caller.organizations.list()).items).toHaveLength(2);
    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(owner.member.workspaceId),
      'member',
      agent.id,
    );
    expect(trail.map((entry) => entry.action).slice(-2)).toEqual([
      'member.set_organization_scope',
      'member.update_role',
    ]);
  });

  it('shows nothing once every organization of a member’s scope is deleted', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    await owner.caller.organizations.create({ name: 'Beta' });
    await owner.caller.profiles.create({ firstName: 'Ada' });
    const agent = await agentOf(owner);
    await owner.caller.members.setOrganizationScope({ memberId: agent.id, organizationIds: [acme.id] });
    await owner.caller.organizations.delete({ id: acme.id });
    const { actor, caller } = await callerOfToken(agent.token);
    expect(actor.organizationIds).toEqual([]);
    expect((await caller.organizations.list()).items).toEqual([]);
    expect((await caller.profiles.list()).items).toEqual([]);
  });

  it('keeps a member’s scope out of another member’s requests', async () => {
    const owner = await app.newWorkspace('master');
    const acme = await owner.caller.organizations.create({ name: 'Acme' });
    const limited = await agentOf(owner);
    const free = await agentOf(owner);
    await owner.caller.members.setOrganizationScope({ memberId: limited.id, organizationIds: [acme.id] });
    expect((await callerOfToken(free.token)).actor.organizationIds).toBeNull();
    expect((await callerOfToken(limited.token)).actor.organizationIds).toEqual([acme.id]);
  });
});
