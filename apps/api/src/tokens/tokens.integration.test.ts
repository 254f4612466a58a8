import { workspaceScope } from '@tessera/db';
import { listAuditEntries } from '@tessera/db/audit';
import { apiTokenPrefix } from '@tessera/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/auth.service.ts';
import { newSecret, workspaceOfSecret } from '../auth/secrets.ts';
import { createCaller } from '../router.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { addMember } from '../testing/victim-workspace.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** A caller signed in with an API token, looked up as a request's would be. */
async function callerOf(secret: string) {
  const actor = await authenticate(app.deps, { authorization: `Bearer ${secret}` });
  if (!actor) throw new Error('the token signs nobody in');
  return createCaller(app.contextFor(actor));
}

describe('tokens', () => {
  it('shows a new token once, lists it without its secret, and stops honouring it once revoked', async () => {
    const { caller, member } = await app.newWorkspace('admin');
    const { token, secret } = await caller.tokens.create({ name: 'CRM sync' });
    expect(secret.startsWith(apiTokenPrefix)).toBe(true);
    expect(token).toMatchObject({
      name: 'CRM sync',
      memberEmail: member.email,
      lastFour: secret.slice(-4),
      revokedAt: null,
    });

    const listed = await caller.tokens.list();
    expect(listed.map((item) => item.name)).toContain('CRM sync');
    expect(JSON.stringify(listed)).not.toContain(secret);

    const actor = await authenticate(app.deps, { authorization: `Bearer ${secret}` });
    expect(actor).toMatchObject({ tokenId: token.id, member: { id: member.id } });

    const revoked = await caller.tokens.revoke({ id: token.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await authenticate(app.deps, { authorization: `Bearer ${secret}` })).toBeNull();
    await expect(caller.tokens.revoke({ id: token.id })).rejects.toMatchObject({
      cause: { code: 'TOKEN_NOT_FOUND' },
    });

    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(member.workspaceId),
      'token',
      token.id,
    );
    expect(trail.map((entry) => entry.action)).toEqual(['token.create', 'token.revoke']);
    expect(JSON.stringify(trail)).not.toContain(secret);
  });

  it('lists the tokens of the caller’s workspace and no other', async () => {
    const own = await app.newWorkspace('admin');
    const other = await app.newWorkspace('admin');
    await other.caller.tokens.create({ name: 'Not yours' });
    await own.caller.tokens.create({ name: 'Yours' });
    const listed = await own.caller.tokens.list();
    expect(listed.map((token) => [token.name, token.memberEmail])).toEqual([
      ['Yours', own.member.email],
      ['tests', own.member.email],
    ]);
  });

  it('lets agents and viewers create, list and revoke their own tokens, and no one else’s', async () => {
    for (const role of ['agent', 'viewer'] as const) {
      const admin = await app.newWorkspace('admin');
      const adminTokens = await admin.caller.tokens.list();
      const member = await addMember(app, admin.member.workspaceId, {
        role,
        email: `${role}@example.com`,
        name: `A ${role}`,
      });
      const caller = await callerOf(member.token);

      const { token } = await caller.tokens.create({ name: 'My script' });
      expect(token).toMatchObject({ memberId: member.id, readOnly: false });
      const own = await caller.tokens.list();
      expect(own.map((each) => each.memberId)).toEqual([member.id, member.id]);
      expect(own.map((each) => each.name)).toEqual(['My script', 'tests']);

      for (const other of adminTokens) {
        await expect(caller.tokens.revoke({ id: other.id })).rejects.toMatchObject({
          cause: { code: 'TOKEN_NOT_FOUND' },
        });
      }
      expect((await admin.caller.tokens.list()).filter((each) => each.revokedAt)).toEqual([]);
      await expect(caller.tokens.revoke({ id: token.id })).resolves.toMatchObject({
        id: token.id,
        revokedAt: expect.any(Date) as Date,
      });
    }
  });

  it('shows admins every token of the workspace and lets them revoke any', async () => {
    const admin = await app.newWorkspace('admin');
    const agent = await addMember(app, admin.member.workspaceId, {
      role: 'agent',
      email: 'agent@example.com',
      name: 'An agent',
    });
    const agentToken = await (await callerOf(agent.token)).tokens.create({ name: 'Agent script' });
    const listed = await admin.caller.tokens.list();
    expect(listed.map((each) => [each.name, each.memberEmail])).toEqual([
      ['Agent script', 'agent@example.com'],
      ['tests', 'agent@example.com'],
      ['tests', admin.member.email],
    ]);
    await admin.caller.tokens.revoke({ id: agentToken.token.id });
    expect(await authenticate(app.deps, { authorization: `Bearer ${agentToken.secret}` })).toBeNull();
  });

  it('refuses a malformed authorization header and an unknown token', async () => {
    expect(await authenticate(app.deps, { authorization: 'Basic abc' })).toBeNull();
    expect(await authenticate(app.deps, { authorization: `Bearer ${apiTokenPrefix}unknown` })).toBeNull();
    const { member } = await app.newWorkspace();
    const wellFormed = newSecret(member.workspaceId, apiTokenPrefix);
    expect(await authenticate(app.deps, { authorization: `Bearer ${wellFormed}` })).toBeNull();
  });

  it('finds a token only in the workspace it names', async () => {
    const { token, member } = await app.newWorkspace();
    const other = await app.newWorkspace();
    expect(workspaceOfSecret(token, apiTokenPrefix)).toBe(member.workspaceId);
    const elsewhere = token.replace(
      newSecret(member.workspaceId).split('.')[0] ?? '',
      newSecret(other.member.workspaceId).split('.')[0] ?? '',
    );
    expect(elsewhere).not.toBe(token);
    expect(await authenticate(app.deps, { authorization: `Bearer ${elsewhere}` })).toBeNull();
    expect(await authenticate(app.deps, { authorization: `Bearer ${token}` })).toMatchObject({
      member: { id: member.id },
    });
  });
});
