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

/** What a member sees: its workspace, limited to these organizations unless they are `null`. */
export function memberScope(workspaceId: WorkspaceId, organizationIds: readonly string[] | null): Scope {
  return { workspaceId, organizationIds };
}

/** A limited scope's organizations as one query parameter: PostgreSQL array text, the same for every driver. */
export function organizationIdsParameter(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * Whether the organization whose id is in `organizationId` (a column, e.g. `memberships.organization_id`)
 * is visible in the scope. True for an unlimited scope.
 */
export function organizationInScope(scope: Scope, organizationId: string): Expression<SqlBool> {
  if (scope.organizationIds === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(organizationId)} = any(${organizationIdsParameter(scope.organizationIds)}::uuid[])`;
}

/**
 * Whether the profile whose id is in `profileId` (a column, e.g. `profiles.id`) is visible in the
 * scope: in an unlimited scope every profile is, in a limited one those with a membership in one
 * of its organizations.
 */
export function profileInScope(scope: Scope, profileId: string): Expression<SqlBool> {
  if (scope.organizationIds === null) return sql<SqlBool>`true`;
  return profileInOrganizations(
    scope.workspaceId,
    profileId,
    organizationIdsParameter(scope.organizationIds),
  );
}

/**
 * Whether the profile in `profileId` has a membership in one of the organizations given as array
 * text (`organizationIdsParameter`): each value is one parameter, for statements compiled once.
 */
export function profileInOrganizations(
  workspaceId: string,
  profileId: string,
  organizationIds: string,
): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from memberships as scope_memberships
    where scope_memberships.workspace_id = ${workspaceId}
      and scope_memberships.profile_id = ${sql.ref(profileId)}
      and scope_memberships.organization_id = any(${organizationIds}::uuid[]))`;
}

/**
 * Whether the record named by an object kind and an id (columns, e.g. `source_kind` and `source_id`)
 * is visible in the scope: profiles and organizations as above; members always are.
 */
export function recordInScope(scope: Scope, objectKind: string, recordId: string): Expression<SqlBool> {
  if (scope.organizationIds === null) return sql<SqlBool>`true`;
  const kind = sql.ref(objectKind);
  return sql<SqlBool>`case ${kind}
    when 'contacts' then ${profileInScope(scope, recordId)}
    when 'organizations' then ${organizationInScope(scope, recordId)}
    else true end`;
}
