import type { WorkspaceId } from '@tessera/domain';
import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * What a query may see: one workspace and, for a member limited to some organizations, those
 * organizations and the profiles that belong to them. Every workspace-scoped query takes it
 * second, after the executor.
 */
export interface Scope {
  workspaceId: WorkspaceId;
  /** The organizations the member may see; `null` when it may see every one (and every profile). */
  organizationIds: readonly string[] | null;
}

/** Every organization and profile of a workspace: what operators and unlimited members see. */
export function workspaceScope(workspaceId: WorkspaceId): Scope {
  return { workspaceId, organizationIds: null };
}

/**
 * Whether the organization whose id is in `organizationId` (a column, e.g. `memberships.organization_id`)
 * is visible in the scope. True for an unlimited scope.
 */
export function organizationInScope(scope: Scope, organizationId: string): Expression<SqlBool> {
  if (scope.organizationIds === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(organizationId)} = any(${organizationIdArray(scope.organizationIds)})`;
}

/**
 * Whether the profile whose id is in `profileId` (a column, e.g. `profiles.id`) is visible in the
 * scope: in an unlimited scope every profile is, in a limited one those with a membership in one
 * of its organizations.
 */
export function profileInScope(scope: Scope, profileId: string): Expression<SqlBool> {
  if (scope.organizationIds === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`exists (select 1 from memberships as scope_memberships
    where scope_memberships.workspace_id = ${scope.workspaceId}
      and scope_memberships.profile_id = ${sql.ref(profileId)}
      and scope_memberships.organization_id = any(${organizationIdArray(scope.organizationIds)}))`;
}

/** The ids as one `uuid[]` parameter, written as PostgreSQL array text so every driver sends it alike. */
function organizationIdArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
