import { workspaceScope } from '@tessera/db';
import { randomUUID } from 'node:crypto';
import { listAuditEntries } from '@tessera/db/audit';
import { insertSession } from '@tessera/db/sessions';
import { createWorkspace } from '../workspaces/workspaces.service.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../router.ts';
import { createTestApp, testPassword, type TestApp } from '../testing/test-app.ts';
import { readEnv } from '../env.ts';
import { authenticate, sessionCookieName } from './auth.service.ts';
import { hashSecret, newSecret } from './secrets.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

function sessionSecret(cookies: string[]): string {
  const cookie = cookies.find((text) => text.startsWith(`${sessionCookieName}=`));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0]?.split('=')[1] ?? '';
}

describe('auth', () => {
  it('signs a member in with an HttpOnly session cookie that authenticates later requests', async () => {
    const { member } = await app.newWorkspace('agent');
    const cookies: string[] = [];
    const me = await createCaller(app.contextFor(null, cookies)).auth.signIn({
      email: member.email.toUpperCase(),
      password: testPassword,
    });
    expect(me).toMatchObject({
      member: { id: member.id, role: 'agent' },
      workspace: { slug: member.workspaceSlug },
      via: 'session',
    });
    expect(cookies[0]).toMatch(/HttpOnly/);
    expect(cookies[0]).toMatch(/SameSite=Lax/);

    const actor = await authenticate(app.deps, { cookie: `${sessionCookieName}=${sessionSecret(cookies)}` });
    expect(actor?.member.id).toBe(member.id);
    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(member.workspaceId),
      'member',
      member.id,
    );
    expect(trail.map((entry) => entry.action)).toEqual(['member.sign_in']);
    expect(trail[0]?.after).toEqual({ sessionId: actor?.sessionId });
  });

  it('sweeps the member’s expired sessions when it signs in', async () => {
    const { member } = await app.newWorkspace();
    const expiredId = randomUUID();
    await insertSession(app.database.db, workspaceScope(member.workspaceId), {
      id: expiredId,
      memberId: member.id,
      tokenHash: `expired-${expiredId}`,
      expiresAt: new Date(Date.now() - 1000),
    });
    await createCaller(app.contextFor(null)).auth.signIn({ email: member.email, password: testPassword });
    const left = await app.database.db
      .selectFrom('sessions')
      .select('id')
      .where('member_id', '=', member.id)
      .execute();
    expect(left.map((row) => row.id)).not.toContain(expiredId);
    expect(left).toHaveLength(1);
  });

  it('does not sign in with an expired session', async () => {
    const { member } = await app.newWorkspace();
    const secret = newSecret(member.workspaceId);
    const session = { memberId: member.id, tokenHash: hashSecret(secret) };
    await insertSession(app.database.db, workspaceScope(member.workspaceId), {
      ...session,
      id: randomUUID(),
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await authenticate(app.deps, { cookie: `${sessionCookieName}=${secret}` })).toBeNull();
    await app.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() + 60_000) })
      .where('token_hash', '=', session.tokenHash)
      .execute();
    expect(await authenticate(app.deps, { cookie: `${sessionCookieName}=${secret}` })).toMatchObject({
      member: { id: member.id },
    });
  });

  it('marks the session cookie Secure when TESSERA_SECURE_COOKIES=1', async () => {
    const { member } = await app.newWorkspace();
    const { isCookieSecure } = readEnv({ TESSERA_SECURE_COOKIES: '1' });
    const cookies: string[] = [];
    const ctx = { ...app.contextFor(null, cookies), isCookieSecure };
    await createCaller(ctx).auth.signIn({ email: member.email, password: testPassword });
    expect(cookies[0]).toMatch(/; Secure/);
    expect(readEnv({}).isCookieSecure).toBe(false);
  });

  it('lets a member in from another address while its email is being guessed elsewhere', async () => {
    const { member } = await app.newWorkspace();
    const attacker = createCaller({ ...app.contextFor(null), ip: '203.0.113.66' });
    for (let attempt = 0; attempt < 10; attempt++) {
      await expect(attacker.auth.signIn({ email: member.email, password: 'a guess' })).rejects.toMatchObject({
        cause: { code: 'INVALID_CREDENTIALS' },
      });
    }
    await expect(attacker.auth.signIn({ email: member.email, password: testPassword })).rejects.toMatchObject(
      {
        cause: { code: 'SIGN_IN_THROTTLED' },
      },
    );
    const user = createCaller({ ...app.contextFor(null), ip: '198.51.100.7' });
    expect(await user.auth.signIn({ email: member.email, password: testPassword })).toMatchObject({
      member: { id: member.id },
    });
  });

  it('refuses a wrong password or an unknown email with the same error', async () => {
    const { member } = await app.newWorkspace();
    const caller = createCaller(app.contextFor(null));
    await expect(
      caller.auth.signIn({ email: member.email, password: 'wrong password' }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'INVALID_CREDENTIALS' },
    });
    await expect(
      caller.auth.signIn({ email: 'nobody@example.com', password: testPassword }),
    ).rejects.toMatchObject({
      cause: { code: 'INVALID_CREDENTIALS' },
    });
  });

  it('stops signing in an email from an address after too many failures there, even with the right password', async () => {
    const { member } = await app.newWorkspace();
    const caller = createCaller(app.contextFor(null));
    for (let attempt = 0; attempt < 10; attempt++) {
      await expect(
        caller.auth.signIn({ email: member.email, password: 'wrong password' }),
      ).rejects.toMatchObject({
        cause: { code: 'INVALID_CREDENTIALS' },
      });
    }
    await expect(caller.auth.signIn({ email: member.email, password: testPassword })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      cause: { code: 'SIGN_IN_THROTTLED', details: { retryAfterSeconds: expect.any(Number) as number } },
    });
  });

  it('asks for the workspace when one email and password sign in to several', async () => {
    const stamp = Date.now();
    const email = `twice-${stamp}@example.com`;
    for (const slug of [`first-${stamp}`, `second-${stamp}`]) {
      await createWorkspace(app.deps, {
        name: slug,
        slug,
        owner: { email, name: 'Twice', role: 'admin', password: testPassword },
      });
    }
    const caller = createCaller(app.contextFor(null));
    await expect(caller.auth.signIn({ email, password: testPassword })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'WORKSPACE_REQUIRED', path: 'workspace' },
    });
    const me = await caller.auth.signIn({ email, password: testPassword, workspace: `second-${stamp}` });
    expect(me.workspace.slug).toBe(`second-${stamp}`);
  });

  it('ends the session on sign-out', async () => {
    const { member } = await app.newWorkspace();
    const cookies: string[] = [];
    await createCaller(app.contextFor(null, cookies)).auth.signIn({
      email: member.email,
      password: testPassword,
    });
    const headers = { cookie: `${sessionCookieName}=${sessionSecret(cookies)}` };
    const actor = await authenticate(app.deps, headers);
    if (!actor) throw new Error('the session did not authenticate');
    const cleared: string[] = [];
    await createCaller(app.contextFor(actor, cleared)).auth.signOut();
    expect(cleared[0]).toMatch(/Max-Age=0/);
    expect(await authenticate(app.deps, headers)).toBeNull();
    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(member.workspaceId),
      'member',
      member.id,
    );
    expect(trail.map((entry) => entry.action)).toEqual(['member.sign_in', 'member.sign_out']);
  });
});
