import { DomainError, type MemberId } from '@tessera/domain';
import { sql } from 'kysely';
import type { Executor } from '../client.ts';
import { violatedForeignKey } from '../shared/constraints.ts';
import { compiledOnce, executePrepared } from '../shared/prepared.ts';
import type { Scope } from '../shared/scope.ts';

const organizationScopeOf = compiledOnce((db, workspaceId: string, memberId: string) =>
  db
    .selectFrom('members as m')
    .select([
      'm.organization_scoped',
      sql<string[]>`array(
        select s.organization_id::text from member_organization_scopes s
        where s.workspace_id = m.workspace_id and s.member_id = m.id
        order by s.organization_id)`.as('organization_ids'),
    ])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.id', '=', memberId),
);

/**
 * The organizations a member is limited to: null when it sees every one, an empty list when every
 * organization it was limited to is gone; undefined when the workspace has no such member. Read
 * on every request of a console session, hence compiled once and prepared.
 */
export async function findMemberOrganizationScope(
  db: Executor,
  scope: Scope,
  memberId: MemberId,
): Promise<string[] | null | undefined> {
  const [row] = await executePrepared(
    db,
    'member_organization_scope',
    organizationScopeOf(db, scope.workspaceId, memberId),
  );
  if (!row) return undefined;
  return row.organization_scoped ? row.organization_ids : null;
}

/** Limits a member to these organizations of the workspace, or, given null, lets it see every one. */
export async function setMemberOrganizationScope(
  db: Executor,
  scope: Scope,
  memberId: MemberId,
  organizationIds: readonly string[] | null,
): Promise<void> {
  await db
    .updateTable('members')
    .set({ organization_scoped: organizationIds !== null })
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', memberId)
    .execute();
  await db
    .deleteFrom('member_organization_scopes')
    .where('workspace_id', '=', scope.workspaceId)
    .where('member_id', '=', memberId)
    .execute();
  if (organizationIds === null || organizationIds.length === 0) return;
  try {
    await db
      .insertInto('member_organization_scopes')
      .values(
        organizationIds.map((organizationId) => ({
          workspace_id: scope.workspaceId,
          member_id: memberId,
          organization_id: organizationId,
        })),
      )
      .execute();
  } catch (error) {
    if (violatedForeignKey(error) !== 'member_organization_scopes_organization_fkey') throw error;
    throw new DomainError('ORGANIZATION_NOT_FOUND', 'One of these organizations no longer exists', {
      path: 'organizationIds',
    });
  }
}
