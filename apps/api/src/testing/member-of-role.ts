import { randomBytes } from 'node:crypto';
import { insertMember } from '@tessera/db/members';
import type { MemberInWorkspace, Role } from '@tessera/domain';
import { createCaller } from '../router.ts';
import type { TestApp, TestMember } from './test-app.ts';

/** A member of the owner's workspace with this role, and a caller acting as it. */
export async function memberOfRole(
  app: TestApp,
  owner: TestMember,
  role: Role,
): Promise<{ member: MemberInWorkspace; caller: ReturnType<typeof createCaller> }> {
  const inserted = await insertMember(app.deps.db, {
    workspaceId: owner.member.workspaceId,
    id: app.deps.newId(),
    email: `${role.replace('_', '-')}-${randomBytes(4).toString('hex')}@${owner.member.workspaceSlug}.test`,
    name: `A ${role}`,
    role,
    passwordHash: null,
  });
  const member: MemberInWorkspace = {
    ...inserted,
    workspaceSlug: owner.member.workspaceSlug,
    workspaceName: owner.member.workspaceName,
  };
  return { member, caller: createCaller(app.contextFor({ member, sessionId: null, tokenId: null })) };
}
