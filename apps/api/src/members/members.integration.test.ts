import { workspaceScope } from '@tessera/db';
import { randomUUID } from 'node:crypto';
import { listAuditEntries } from '@tessera/db/audit';
import { lockMembersForChange } from '@tessera/db/members';
import { roles, type MemberInWorkspace, type Role } from '@tessera/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/auth.service.ts';
import { createCaller } from '../router.ts';
import { failureOf } from '../testing/failure-of.ts';
import { createTestApp, testPassword, type TestApp, type TestMember } from '../testing/test-app.ts';
import { issueToken } from '../tokens/tokens.service.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const managers: readonly Role[] = ['master', 'super_admin'];
/** The roles each role may give, and the roles of the members it may change or remove. */
const reach: Record<Role, readonly Role[]> = {
  master: roles,
  super_admin: ['super_admin', 'admin', 'agent', 'viewer'],
  admin: [],
  agent: [],
  viewer: [],
};

/** How the rules refuse a change by a member of role `actor`, or undefined where they allow it. */
function refusalOf(actor: Role, target: Role | undefined, role: Role | null) {
  if (!managers.includes(actor)) return { code: 'FORBIDDEN', domainCode: 'FORBIDDEN' };
  if (target !== undefined && !reach[actor].includes(target)) {
    return { code: 'FORBIDDEN', domainCode: 'MEMBER_ROLE_ABOVE_OWN', paths: ['id'] };
  }
  if (role !== null && !reach[actor].includes(role)) {
    return { code: 'FORBIDDEN', domainCode: 'ROLE_ABOVE_OWN', paths: ['role'] };
  }
  return undefined;
}

/** Expects the call to fail with the refusal, or else to succeed; says whether it succeeded. */
async function expectOutcome(
  call: Promise<unknown>,
  refusal: ReturnType<typeof refusalOf>,
  subject: string,
): Promise<boolean> {
  if (refusal) expect(await failureOf(call), subject).toMatchObject(refusal);
  else await expect(call, subject).resolves.toBeDefined();
  return refusal === undefined;
}

let emailCount = 0;

/** A member of the owner's workspace with this role, added by the owner, and a caller acting as it. */
async function addMember(owner: TestMember, role: Role, password: string | null = null) {
  emailCount += 1;
  const created = await owner.caller.members.create({
    email: `${role.replace('_', '-')}-${emailCount}@${owner.member.workspaceSlug}.test`,
    name: `A ${role} ${emailCount}`,
    role,
    password,
  });
  const member: MemberInWorkspace = {
    workspaceId: owner.member.workspaceId,
    id: created.id,
    email: created.email,
    name: created.name,
    role: created.role,
    workspaceSlug: owner.member.workspaceSlug,
    workspaceName: owner.member.workspaceName,
  };
  return { member, caller: createCaller(app.contextFor({ member, sessionId: null, tokenId: null })) };
}

async function rolesOf(owner: TestMember): Promise<Record<string, Role>> {
  const rows = await app.database.db
    .selectFrom('members')
    .select(['id', 'role'])
    .where('workspace_id', '=', owner.member.workspaceId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.role]));
}

function trailOf(member: MemberInWorkspace) {
  return listAuditEntries(app.database.db, workspaceScope(member.workspaceId), 'member', member.id);
}

describe('members.list', () => {
  it('lists the workspace’s members by name with their role and how they sign in', async () => {
    const owner = await app.newWorkspace('master');
    await app.newWorkspace('master');
    const { member: agent } = await addMember(owner, 'agent', testPassword);
    await issueToken(app.deps.db, app.deps, { workspaceId: agent.workspaceId, memberId: agent.id }, 'sync');
    const listed = await owner.caller.members.list();
    expect(
      listed.map((member) => [member.name, member.role, member.hasPassword, member.liveTokenCount]),
    ).toEqual([
      [agent.name, 'agent', true, 1],
      ['A master', 'master', true, 1],
    ]);
    expect(JSON.stringify(listed)).not.toMatch(/argon2|password_hash|passwordHash/);
  });

  it('shows the members to admins, super admins and masters, and to no other role', async () => {
    const owner = await app.newWorkspace('master');
    for (const role of roles) {
      const { caller } = await addMember(owner, role);
      if (['master', 'super_admin', 'admin'].includes(role)) {
        expect((await caller.members.list()).length).toBeGreaterThan(1);
      } else {
        expect(await failureOf(caller.members.list())).toMatchObject({ code: 'FORBIDDEN' });
      }
    }
  });
});

describe('members.create', () => {
  it('lets each role create exactly the roles at or below its own, if it manages members', async () => {
    const owner = await app.newWorkspace('master');
    for (const actorRole of roles) {
      const { caller } = await addMember(owner, actorRole);
      for (const role of roles) {
        const email = `made-by-${actorRole.replace('_', '-')}-${role.replace('_', '-')}@example.com`;
        const call = caller.members.create({ email, name: 'New member', role });
        const subject = `${actorRole} creates a ${role}`;
        const isCreated = await expectOutcome(call, refusalOf(actorRole, undefined, role), subject);
        const listed = (await owner.caller.members.list()).find((member) => member.email === email);
        expect(listed?.role, subject).toBe(isCreated ? role : undefined);
      }
    }
  });

  it('creates a member with a password who signs in, and one without who acts through tokens only', async () => {
    const owner = await app.newWorkspace('master');
    const withPassword = await owner.caller.members.create({
      email: 'Ada@Example.com ',
      name: ' Ada Lovelace ',
      role: 'admin',
      password: testPassword,
    });
    expect(withPassword).toMatchObject({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      role: 'admin',
      hasPassword: true,
      liveTokenCount: 0,
    });
    const stored = await app.database.db
      .selectFrom('members')
      .select('password_hash')
      .where('id', '=', withPassword.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const signIn = (email: string) =>
      createCaller(app.contextFor(null)).auth.signIn({
        email,
        password: testPassword,
        workspace: owner.member.workspaceSlug,
      });
    expect((await signIn('ada@example.com')).member.id).toBe(withPassword.id);

    const tokenOnly = await owner.caller.members.create({
      email: 'bot@example.com',
      name: 'Bot',
      role: 'agent',
    });
    expect(tokenOnly.hasPassword).toBe(false);
    expect(await failureOf(signIn('bot@example.com'))).toMatchObject({ domainCode: 'INVALID_CREDENTIALS' });
  });

  it('refuses an email another member of the workspace has, at the email field', async () => {
    const owner = await app.newWorkspace('master');
    const other = await app.newWorkspace('master');
    expect(
      await failureOf(
        owner.caller.members.create({ email: owner.member.email, name: 'Twin', role: 'viewer' }),
      ),
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'MEMBER_EMAIL_TAKEN', paths: ['email'] });
    expect(
      await owner.caller.members.create({ email: other.member.email, name: 'Elsewhere', role: 'viewer' }),
    ).toMatchObject({ email: other.member.email });
  });

  it('refuses a short password and a blank name at their fields', async () => {
    const { caller } = await app.newWorkspace('master');
    expect(
      await failureOf(
        caller.members.create({ email: 'x@example.com', name: ' ', role: 'viewer', password: 'short' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['name', 'password'] });
  });
});

describe('members.updateRole', () => {
  it('lets each role change exactly the members and roles at or below its own, if it manages members', async () => {
    const owner = await app.newWorkspace('master');
    for (const actorRole of roles) {
      const { caller } = await addMember(owner, actorRole);
      for (const targetRole of roles) {
        for (const role of roles) {
          const { member: target } = await addMember(owner, targetRole);
          const call = caller.members.updateRole({ id: target.id, role });
          const subject = `${actorRole} makes a ${targetRole} ${role}`;
          const isChanged = await expectOutcome(call, refusalOf(actorRole, targetRole, role), subject);
          expect((await rolesOf(owner))[target.id], subject).toBe(isChanged ? role : targetRole);
        }
      }
    }
  });

  it('answers an id no member of the workspace has, another workspace’s member included, as not found', async () => {
    const owner = await app.newWorkspace('master');
    const other = await app.newWorkspace('master');
    for (const id of [randomUUID(), other.member.id]) {
      expect(await failureOf(owner.caller.members.updateRole({ id, role: 'viewer' }))).toMatchObject({
        code: 'NOT_FOUND',
        domainCode: 'MEMBER_NOT_FOUND',
        paths: ['id'],
      });
      expect(await failureOf(owner.caller.members.remove({ id }))).toMatchObject({
        code: 'NOT_FOUND',
        domainCode: 'MEMBER_NOT_FOUND',
      });
    }
    expect((await rolesOf(other))[other.member.id]).toBe('master');
  });

  it('acts with the role the member has now, not the one its request started with', async () => {
    const owner = await app.newWorkspace('master');
    const { caller } = await addMember(owner, 'super_admin');
    const { member: target } = await addMember(owner, 'viewer');
    const { member: demoted } = await addMember(owner, 'agent');
    const staleCaller = createCaller(
      app.contextFor({ member: { ...demoted, role: 'master' }, sessionId: null, tokenId: null }),
    );
    expect(await failureOf(staleCaller.members.updateRole({ id: target.id, role: 'admin' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await caller.members.updateRole({ id: target.id, role: 'admin' })).toMatchObject({
      role: 'admin',
    });
  });
});

describe('members.remove', () => {
  it('lets each role remove exactly the members at or below its own, if it manages members', async () => {
    const owner = await app.newWorkspace('master');
    for (const actorRole of roles) {
      const { caller } = await addMember(owner, actorRole);
      for (const targetRole of roles) {
        const { member: target } = await addMember(owner, targetRole);
        const call = caller.members.remove({ id: target.id });
        const subject = `${actorRole} removes a ${targetRole}`;
        const isRemoved = await expectOutcome(call, refusalOf(actorRole, targetRole, null), subject);
        expect(target.id in (await rolesOf(owner)), subject).toBe(!isRemoved);
      }
    }
  });

  it('ends the member’s sessions and API tokens at once, cached ones included', async () => {
    const owner = await app.newWorkspace('master');
    const { member } = await addMember(owner, 'admin', testPassword);
    const issued = await issueToken(
      app.deps.db,
      app.deps,
      { workspaceId: member.workspaceId, memberId: member.id },
      'nightly export',
    );
    const cookies: string[] = [];
    await createCaller(app.contextFor(null, cookies)).auth.signIn({
      email: member.email,
      password: testPassword,
    });
    const bearer = { authorization: `Bearer ${issued.secret}` };
    const cookie = { cookie: cookies[0]?.split(';')[0] ?? '' };
    expect((await authenticate(app.deps, bearer))?.member.id).toBe(member.id);
    expect((await authenticate(app.deps, cookie))?.member.id).toBe(member.id);

    await owner.caller.members.remove({ id: member.id });
    expect(await authenticate(app.deps, bearer)).toBeNull();
    expect(await authenticate(app.deps, cookie)).toBeNull();
    expect(
      await failureOf(
        createCaller(app.contextFor(null)).auth.signIn({ email: member.email, password: testPassword }),
      ),
    ).toMatchObject({ domainCode: 'INVALID_CREDENTIALS' });
    expect((await owner.caller.tokens.list()).map((token) => token.memberId)).not.toContain(member.id);
  });

  it('lets a member leave the workspace', async () => {
    const owner = await app.newWorkspace('master');
    const { member, caller } = await addMember(owner, 'super_admin');
    expect(await caller.members.remove({ id: member.id })).toMatchObject({ id: member.id });
    expect(member.id in (await rolesOf(owner))).toBe(false);
  });
});

describe('role changes', () => {
  it('take effect on the member’s next request, through a cached token too', async () => {
    const owner = await app.newWorkspace('master');
    const { member } = await addMember(owner, 'admin');
    const issued = await issueToken(
      app.deps.db,
      app.deps,
      { workspaceId: member.workspaceId, memberId: member.id },
      'sync',
    );
    const bearer = { authorization: `Bearer ${issued.secret}` };
    expect((await authenticate(app.deps, bearer))?.member.role).toBe('admin');
    await owner.caller.members.updateRole({ id: member.id, role: 'viewer' });
    expect((await authenticate(app.deps, bearer))?.member.role).toBe('viewer');
  });
});

describe('the last master', () => {
  it('cannot be demoted or removed, by itself or anyone', async () => {
    const owner = await app.newWorkspace('master');
    const { caller: superAdmin } = await addMember(owner, 'super_admin');
    const id = owner.member.id;
    expect(await failureOf(owner.caller.members.updateRole({ id, role: 'super_admin' }))).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'LAST_MASTER',
      paths: ['role'],
    });
    expect(await failureOf(owner.caller.members.remove({ id }))).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'LAST_MASTER',
      paths: ['id'],
    });
    expect(await failureOf(superAdmin.members.remove({ id }))).toMatchObject({
      domainCode: 'MEMBER_ROLE_ABOVE_OWN',
    });
    expect(await owner.caller.members.updateRole({ id, role: 'master' })).toMatchObject({ role: 'master' });
    expect((await rolesOf(owner))[id]).toBe('master');
  });

  it('may step down once another member is master', async () => {
    const owner = await app.newWorkspace('master');
    const { member: second } = await addMember(owner, 'master');
    expect(await owner.caller.members.updateRole({ id: owner.member.id, role: 'admin' })).toMatchObject({
      role: 'admin',
    });
    expect(Object.values(await rolesOf(owner)).filter((role) => role === 'master')).toHaveLength(1);
    expect((await rolesOf(owner))[second.id]).toBe('master');
  });

  describe('with two masters changing at once', () => {
    type Caller = ReturnType<typeof createCaller>;
    const races: [
      string,
      (a: { id: string; caller: Caller }, b: { id: string; caller: Caller }) => Promise<unknown>[],
    ][] = [
      [
        'each demotes itself',
        (a, b) => [
          a.caller.members.updateRole({ id: a.id, role: 'admin' }),
          b.caller.members.updateRole({ id: b.id, role: 'admin' }),
        ],
      ],
      [
        'each removes itself',
        (a, b) => [a.caller.members.remove({ id: a.id }), b.caller.members.remove({ id: b.id })],
      ],
      [
        'each demotes the other',
        (a, b) => [
          a.caller.members.updateRole({ id: b.id, role: 'viewer' }),
          b.caller.members.updateRole({ id: a.id, role: 'viewer' }),
        ],
      ],
      [
        'one removes itself, the other demotes itself',
        (a, b) => [
          a.caller.members.remove({ id: a.id }),
          b.caller.members.updateRole({ id: b.id, role: 'agent' }),
        ],
      ],
    ];

    async function twoMasters() {
      const owner = await app.newWorkspace('master');
      const second = await addMember(owner, 'master');
      return {
        owner,
        a: { id: owner.member.id, caller: owner.caller },
        b: { id: second.member.id, caller: second.caller },
      };
    }

    async function mastersOf(owner: TestMember): Promise<number> {
      return Object.values(await rolesOf(owner)).filter((role) => role === 'master').length;
    }

    it.each(races)('keep one master when %s, again and again', async (_, race) => {
      const workspaces = await Promise.all(Array.from({ length: 8 }, twoMasters));
      const outcomes = await Promise.all(workspaces.map(({ a, b }) => Promise.allSettled(race(a, b))));
      for (const [index, settled] of outcomes.entries()) {
        expect(settled.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const workspace = workspaces[index];
        if (workspace) expect(await mastersOf(workspace.owner)).toBe(1);
      }
    });

    it.for(races)(
      'keep one master when %s while both wait on the same rows of the database',
      async ([, race], context) => {
        if (app.database.driver !== 'pg')
          context.skip('the embedded database runs one transaction at a time');
        const { owner, a, b } = await twoMasters();
        const scope = workspaceScope(owner.member.workspaceId);
        const waiting = () =>
          sql<{ count: number }>`select count(*)::int as count from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`
            .execute(app.database.db)
            .then((result) => result.rows[0]?.count);
        let release = () => {};
        const released = new Promise<void>((resolve) => (release = resolve));
        let holding = () => {};
        const held = new Promise<void>((resolve) => (holding = resolve));
        // Holding the masters' rows makes both changes start before either ends: the race at its worst.
        const holder = app.database.db.transaction().execute(async (trx) => {
          await lockMembersForChange(trx, scope, [a.id]);
          holding();
          await released;
        });
        await held;
        const outcomes = Promise.allSettled(race(a, b));
        await expect.poll(waiting).toBe(2);
        release();
        await holder;
        const settled = await outcomes;
        expect(settled.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        expect(await mastersOf(owner)).toBe(1);
      },
    );
  });
});

describe('the audit trail of members', () => {
  it('records creation, role changes and removal with before and after, and no secret', async () => {
    const owner = await app.newWorkspace('master');
    const { member } = await addMember(owner, 'agent', testPassword);
    const issued = await issueToken(
      app.deps.db,
      app.deps,
      { workspaceId: member.workspaceId, memberId: member.id },
      'sync',
    );
    await owner.caller.members.updateRole({ id: member.id, role: 'admin' });
    await owner.caller.members.updateRole({ id: member.id, role: 'admin' });
    await owner.caller.members.remove({ id: member.id });
    const trail = await trailOf(member);
    const described = { email: member.email, name: member.name, hasPassword: true };
    expect(
      trail.map(({ action, before, after, actorMemberId }) => ({ action, before, after, actorMemberId })),
    ).toEqual([
      {
        action: 'member.create',
        before: null,
        after: { ...described, role: 'agent' },
        actorMemberId: owner.member.id,
      },
      {
        action: 'member.update_role',
        before: { ...described, role: 'agent' },
        after: { ...described, role: 'admin' },
        actorMemberId: owner.member.id,
      },
      {
        action: 'member.remove',
        before: {
          ...described,
          role: 'admin',
          sessionIds: [],
          liveTokens: [{ id: issued.token.id, name: 'sync', lastFour: issued.token.lastFour }],
        },
        after: null,
        actorMemberId: owner.member.id,
      },
    ]);
    expect(JSON.stringify(trail)).not.toContain(testPassword);
    expect(JSON.stringify(trail)).not.toContain('argon2');
    expect(JSON.stringify(trail)).not.toContain(issued.secret);
  });
});
