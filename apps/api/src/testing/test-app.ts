import { randomBytes } from 'node:crypto';
import type { Db } from '@tessera/db';
import { createTestDb } from '@tessera/db/testing';
import type { MemberInWorkspace, Role } from '@tessera/domain';
import type { Actor, AppDeps, RequestContext } from '../context.ts';
import { createPasswordHasher } from '../auth/secrets.ts';
import { createDeps } from '../deps.ts';
import { createCaller } from '../router.ts';
import { createWorkspace } from '../workspaces/workspaces.service.ts';

export const testPassword = 'correct horse battery staple';

/** Argon2id at its cheapest: tests hash many passwords, and what they prove does not depend on the cost. */
export const testPasswords = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

export interface TestMember {
  member: MemberInWorkspace;
  /** An API token for the member */
  token: string;
  caller: ReturnType<typeof createCaller>;
}

export interface TestApp {
  database: Db;
  deps: AppDeps;
  /** A new workspace with one member of this role, signed in through an API token. */
  newWorkspace(role?: Role): Promise<TestMember>;
  contextFor(actor: Actor | null, cookies?: string[]): RequestContext;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDb();
  const deps = createDeps(database.db, { passwords: testPasswords });

  function contextFor(actor: Actor | null, cookies: string[] = []): RequestContext {
    return {
      ...deps,
      requestId: 'test-request',
      ip: '127.0.0.1',
      findActor: () => Promise.resolve(actor),
      setCookie: (cookie) => cookies.push(cookie),
    };
  }

  async function newWorkspace(role: Role = 'master'): Promise<TestMember> {
    const slug = `ws-${randomBytes(5).toString('hex')}`;
    const created = await createWorkspace(deps, {
      name: `Workspace ${slug}`,
      slug,
      owner: { email: `${role}@${slug}.test`, name: `A ${role}`, role, password: testPassword },
      tokenName: 'tests',
    });
    const member: MemberInWorkspace = {
      ...created.owner,
      workspaceSlug: slug,
      workspaceName: created.workspace.name,
    };
    const token = created.token;
    if (!token) throw new Error('createWorkspace issued no token');
    return {
      member,
      token: token.secret,
      caller: createCaller(contextFor({ member, sessionId: null, tokenId: token.token.id })),
    };
  }

  return { database, deps, newWorkspace, contextFor, close: () => database.close() };
}
