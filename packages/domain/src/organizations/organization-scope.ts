import type { Role } from '../members/role.ts';
import { DomainError } from '../shared/errors.ts';

/**
 * The roles an admin may limit to some organizations (reference 004: "Admins can define the set of
 * accounts available to view"): agents and viewers. Admins and above see every organization.
 */
export const scopableRoles: readonly Role[] = ['agent', 'viewer'];

export const organizationScopeMax = 500;

/**
 * The organizations a member of `role` is limited to once `organizationIds` is given: in order,
 * without repeats, or null (every organization) for an empty list or null. Refused for a role
 * above agent.
 */
export function organizationScopeFor(role: Role, organizationIds: readonly string[] | null): string[] | null {
  const ids = organizationIds === null ? [] : [...new Set(organizationIds)].sort();
  if (ids.length === 0) return null;
  if (!scopableRoles.includes(role)) {
    throw new DomainError(
      'INVALID_FIELD',
      `Only agents and viewers can be limited to organizations: a member with the role ${role} sees every one`,
      { path: 'memberId' },
    );
  }
  return ids;
}

/** Whether a member of `role` keeps its organization scope: a role above agent sees every organization. */
export function keepsOrganizationScope(role: Role): boolean {
  return scopableRoles.includes(role);
}
