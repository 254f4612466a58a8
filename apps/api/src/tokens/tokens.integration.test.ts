import { workspaceScope } from '@tessera/db';
import { listAuditEntries } from '@tessera/db/audit';
import { apiTokenPrefix } from '@tessera/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/auth.service.ts';
import { newSecret, workspaceOfSecret } from '../auth/secrets.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

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

  it('keeps token management from agents and viewers', async () => {
    for (const role of ['agent', 'viewer'] as const) {
      const { caller } = await app.newWorkspace(role);
      await expect(caller.tokens.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
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
