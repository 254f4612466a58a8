import { workspaceScope, type Database } from '@tessera/db';
import { insertMember } from '@tessera/db/members';
import { insertWorkspace } from '@tessera/db/workspaces';
import type { Member, Role, Workspace } from '@tessera/domain';
import type { Transaction } from 'kysely';
import type { AppDeps } from '../context.ts';
import { recordOperatorAudit } from '../audit/audit.ts';
import { issueToken, type IssuedToken } from '../tokens/tokens.service.ts';

export interface NewWorkspace {
  name: string;
  slug: string;
  owner: { email: string; name: string; role: Role; password: string | null };
  /** Issue an API token with this name for the owner. */
  tokenName?: string | undefined;
}

export interface CreatedWorkspace {
  workspace: Workspace;
  owner: Member;
  token: IssuedToken | undefined;
}

/**
 * Creates a workspace with its first member and, if asked, an API token; for the command line and
 * the demo. `fill` adds more to the new workspace in the same transaction, as its owner.
 */
export async function createWorkspace(
  deps: AppDeps,
  input: NewWorkspace,
  fill?: (trx: Transaction<Database>, workspace: Workspace, owner: Member) => Promise<void>,
): Promise<CreatedWorkspace> {
  const passwordHash = input.owner.password === null ? null : await deps.passwords.hash(input.owner.password);
  return deps.db.transaction().execute(async (trx) => {
    const workspace = await insertWorkspace(trx, { id: deps.newId(), slug: input.slug, name: input.name });
    const owner = await insertMember(trx, {
      workspaceId: workspace.id,
      id: deps.newId(),
      email: input.owner.email,
      name: input.owner.name,
      role: input.owner.role,
      passwordHash,
    });
    const token = input.tokenName
      ? await issueToken(trx, deps, { workspaceId: workspace.id, memberId: owner.id }, input.tokenName)
      : undefined;
    await recordOperatorAudit(trx, deps, workspaceScope(workspace.id), {
      action: 'workspace.create',
      entityType: 'workspace',
      entityId: workspace.id,
      before: null,
      after: {
        slug: workspace.slug,
        name: workspace.name,
        ownerEmail: owner.email,
        tokenName: input.tokenName ?? null,
      },
    });
    await fill?.(trx, workspace, owner);
    return { workspace, owner, token };
  });
}
